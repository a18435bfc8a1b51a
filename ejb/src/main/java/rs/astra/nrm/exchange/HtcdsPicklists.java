package rs.astra.nrm.exchange;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import rs.astra.nrm.casefile.HtcdsPicklistValue;

/**
 * Finds the picklist constant a cell text stands for: its HTCDS value name, its HTCDS label or an
 * alias from {@link HtcdsAliases}, compared by {@link HtcdsText#key(String)}.
 */
final class HtcdsPicklists {

  private static final ClassValue<Map<String, Enum<?>>> LOOKUPS =
      new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
          return buildLookup(type);
        }
      };

  private HtcdsPicklists() {}

  /**
   * Resolves a text to a constant of a picklist enum.
   *
   * @param type an enum implementing {@link HtcdsPicklistValue}
   * @param text the cell text (or one part of a multi-select cell)
   * @return the constant, or {@code null} when the text matches no name, label or alias
   * @throws IllegalStateException if two constants of {@code type} share a key (a coding error in
   *     the enum or the alias table)
   */
  static <E extends Enum<E>> E find(Class<E> type, String text) {
    return type.cast(LOOKUPS.get(type).get(HtcdsText.key(text)));
  }

  private static Map<String, Enum<?>> buildLookup(Class<?> type) {
    if (!type.isEnum() || !HtcdsPicklistValue.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(type + " is not an HTCDS picklist enum");
    }
    Map<String, Enum<?>> lookup = new HashMap<>();
    for (Object constant : type.getEnumConstants()) {
      HtcdsPicklistValue value = (HtcdsPicklistValue) constant;
      put(lookup, value.name(), (Enum<?>) constant);
      put(lookup, value.htcdsLabel(), (Enum<?>) constant);
    }
    HtcdsAliases.VALUES
        .getOrDefault(type, Map.of())
        .forEach((alias, constant) -> put(lookup, alias, constant));
    return Collections.unmodifiableMap(lookup);
  }

  private static void put(Map<String, Enum<?>> lookup, String text, Enum<?> constant) {
    Enum<?> previous = lookup.putIfAbsent(HtcdsText.key(text), constant);
    if (previous != null && previous != constant) {
      // Fail loudly: silently mapping a cell to the wrong victim attribute would be worse.
      throw new IllegalStateException(
          "'"
              + text
              + "' matches both "
              + previous
              + " and "
              + constant
              + " in "
              + constant.getDeclaringClass());
    }
  }
}
