package rs.astra.nrm.casefile;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How an HTCDS multi-select field is kept in one text column: the value names joined by {@code ;}
 * (e.g. {@code SexualExploitation;ForcedBegging}), as the HTCDS spreadsheet writes them; an empty
 * set is {@code null}. Enum values are written in declaration order, country codes sorted.
 *
 * <p>Entities convert in their accessors rather than through a JPA {@code AttributeConverter},
 * because EclipseLink applies converters of collection-typed attributes to the elements.
 */
public final class MultiValueColumn {

  private MultiValueColumn() {}

  /**
   * Joins enum values for the column.
   *
   * @param values the values; {@code null} or empty gives {@code null}
   * @return e.g. {@code "ForcedLabour;SexualExploitation"}, or {@code null}
   */
  public static <E extends Enum<E>> String ofEnums(Collection<E> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    return EnumSet.copyOf(values).stream().map(Enum::name).collect(Collectors.joining(";"));
  }

  /**
   * Reads enum values from the column.
   *
   * @param type the picklist enum
   * @param column the stored text, may be {@code null}
   * @return an unmodifiable set in declaration order, empty for {@code null}
   * @throws IllegalArgumentException if the column holds a name that is not a constant of the type
   */
  public static <E extends Enum<E>> Set<E> toEnums(Class<E> type, String column) {
    EnumSet<E> set = EnumSet.noneOf(type);
    if (column != null) {
      Arrays.stream(column.split(";"))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .forEach(n -> set.add(Enum.valueOf(type, n)));
    }
    return Collections.unmodifiableSet(set);
  }

  /**
   * Joins ISO 3166 country codes for the column, sorted.
   *
   * @param codes the codes; {@code null} or empty gives {@code null}
   * @return e.g. {@code "BA;RS"}, or {@code null}
   */
  public static String ofCodes(Collection<String> codes) {
    return codes == null || codes.isEmpty() ? null : String.join(";", new TreeSet<>(codes));
  }

  /**
   * Reads country codes from the column.
   *
   * @param column the stored text, may be {@code null}
   * @return an unmodifiable sorted set, empty for {@code null}
   */
  public static Set<String> toCodes(String column) {
    TreeSet<String> codes = new TreeSet<>();
    if (column != null) {
      Arrays.stream(column.split(";"))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .forEach(codes::add);
    }
    return Collections.unmodifiableSet(codes);
  }
}
