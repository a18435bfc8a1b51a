package rs.astra.nrm.exchange;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text clean-up shared by the header mapper and the cell converter. */
final class HtcdsText {

  /** Any run of white space, including non-breaking and other Unicode space separators. */
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}\\u0085\\uFEFF]+");

  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  private HtcdsText() {}

  /**
   * Cleans a cell text the way it will be stored: Unicode NFC (so a name typed with combining
   * accents equals the precomposed one), runs of white space collapsed to one space, trimmed.
   *
   * @param text any text, may be {@code null}
   * @return the cleaned text; {@code null} when {@code text} is {@code null} or only white space
   */
  static String clean(String text) {
    if (text == null) {
      return null;
    }
    String cleaned =
        WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
    return cleaned.isEmpty() ? null : cleaned;
  }

  /**
   * Reduces a header or picklist text to a matching key: lower case, letters and digits only, so
   * that {@code "Non-police governmental organization"}, {@code
   * "NonPoliceGovernmentalOrganization"} and {@code " non police / governmental organization"} all
   * meet.
   *
   * @param text any text, may be {@code null}
   * @return the key, empty for {@code null} or text without letters and digits
   */
  static String key(String text) {
    if (text == null) {
      return "";
    }
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    return NOT_LETTER_OR_DIGIT.matcher(nfc).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
