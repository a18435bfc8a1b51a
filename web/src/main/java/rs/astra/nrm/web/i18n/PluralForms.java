package rs.astra.nrm.web.i18n;

import java.util.Locale;

/**
 * Plural forms of the portal's three languages, for messages that hold a count ("1 slučaj", "2
 * slučaja", "5 slučajeva").
 *
 * <p>The rules are CLDR's cardinal plural rules for integers (Unicode CLDR, {@code
 * common/supplemental/plurals.xml}, "Language Plural Rules" chart), for the two languages the
 * portal speaks:
 *
 * <ul>
 *   <li>Serbian ({@code sr}, both scripts): <b>one</b> if n % 10 = 1 and n % 100 ≠ 11; <b>few</b>
 *       if n % 10 is 2–4 and n % 100 is not 12–14; <b>other</b> otherwise (1, 21, 101 → one; 2, 3,
 *       4, 22 → few; 0, 5–20, 25, 111 → other);
 *   <li>English (and any other language): <b>one</b> if n = 1; <b>other</b> otherwise.
 * </ul>
 *
 * <p>In a bundle, a count is written in ICU MessageFormat's plural syntax, of which this class
 * implements the part the portal uses: {@code {0,plural,one{# slučaj} few{# slučaja} other{#
 * slučajeva}}} — the argument's index, the keyword {@code plural}, and a text for each form, where
 * {@code #} stands for the number (formatted like {@code {0}}); {@code other} is required, a
 * missing form falls back to it. The selected text may hold other arguments ({@code {1}}); it must
 * not hold quoted braces or another plural. The rest of the pattern is {@link
 * java.text.MessageFormat}'s. The syntax is ICU's so that the bundles work unchanged if ICU4J's
 * {@code MessageFormat} ever replaces this class; ICU4J itself (a 14 MB jar) was judged too heavy
 * for three short rules.
 */
public final class PluralForms {

  private static final String PLURAL = ",plural,";

  private PluralForms() {}

  /**
   * The CLDR plural category of a whole number in a language.
   *
   * @param locale the language (only its language code counts: {@code sr} for both scripts)
   * @param n the number (negative numbers are taken by their absolute value, as CLDR does)
   * @return {@code "one"}, {@code "few"} (Serbian only) or {@code "other"}
   */
  public static String select(Locale locale, long n) {
    long abs = Math.abs(n);
    if ("sr".equals(locale.getLanguage())) {
      long mod10 = abs % 10;
      long mod100 = abs % 100;
      if (mod10 == 1 && mod100 != 11) {
        return "one";
      }
      if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
        return "few";
      }
      return "other";
    }
    return abs == 1 ? "one" : "other";
  }

  /**
   * Replaces every plural argument of a pattern by the form its count takes, leaving a plain {@link
   * java.text.MessageFormat} pattern.
   *
   * @param pattern the bundle text
   * @param locale the user's language
   * @param args the message's arguments; a plural's argument is a {@link Number} or a text of
   *     digits (any other value takes the form {@code other})
   * @return the pattern without plural arguments (the same string when it has none)
   * @throws IllegalArgumentException when a plural argument is malformed (unbalanced braces, no
   *     {@code other} form) — a fault of the bundle, which {@code MessagesBundleTest} checks
   */
  public static String resolve(String pattern, Locale locale, Object... args) {
    int at = pattern.indexOf(PLURAL);
    if (at < 0) {
      return pattern;
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (at >= 0) {
      int open = pattern.lastIndexOf('{', at);
      if (open < from) {
        throw new IllegalArgumentException("plural without its argument: " + pattern);
      }
      String index = pattern.substring(open + 1, at).trim();
      int argument = Integer.parseInt(index);
      int close = matching(pattern, open);
      String form = select(locale, count(argument < args.length ? args[argument] : null));
      String text = formText(pattern.substring(at + PLURAL.length(), close), form);
      out.append(pattern, from, open).append(text.replace("#", "{" + argument + "}"));
      from = close + 1;
      at = pattern.indexOf(PLURAL, from);
    }
    return out.append(pattern.substring(from)).toString();
  }

  private static long count(Object value) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof String text && text.matches("-?\\d{1,18}")) {
      return Long.parseLong(text);
    }
    return 5; // not a count: 5 takes the form "other" in every language
  }

  /** The text of one form ({@code other} if the form is not written) in {@code one{…} other{…}}. */
  private static String formText(String forms, String wanted) {
    String other = null;
    int i = 0;
    while (i < forms.length()) {
      int brace = forms.indexOf('{', i);
      if (brace < 0) {
        break;
      }
      String keyword = forms.substring(i, brace).trim();
      int end = matching(forms, brace);
      String text = forms.substring(brace + 1, end);
      if (keyword.equals(wanted)) {
        return text;
      }
      if (keyword.equals("other")) {
        other = text;
      }
      i = end + 1;
    }
    if (other == null) {
      throw new IllegalArgumentException("plural without an 'other' form: " + forms);
    }
    return other;
  }

  private static int matching(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unbalanced braces: " + text);
  }
}
