package rs.astra.nrm.exchange;

import java.util.regex.Pattern;

/**
 * Text for CSV files that people open in a spreadsheet program. A cell whose text starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is taken for a formula by
 * Excel and LibreOffice Calc, and a formula can run commands or send the sheet's other cells to a
 * web address (CSV injection, CWE-1236). Names, organisations and free text in the portal come from
 * people and from imported files, so every CSV the portal writes passes its text cells through
 * {@link #neutralise}, and every CSV it reads through {@link #restore}, so that an exported file
 * imports back unchanged. The protection follows OWASP's "CSV Injection" guidance: a leading
 * apostrophe, which spreadsheet programs show as text and do not evaluate. Workbooks (XLSX) need no
 * such mark: their text cells are typed as strings and never evaluated.
 */
public final class SpreadsheetText {

  /**
   * A plain negative number ({@code -99}, CTDC's "unknown"; {@code -1.5}): left as it is, so that
   * it stays a number. A leading {@code +} is marked like a formula: a spreadsheet would otherwise
   * read {@code +381601234567} as a number and drop the {@code +} of a phone number.
   */
  private static final Pattern NUMBER = Pattern.compile("-\\d+([.,]\\d+)?");

  private SpreadsheetText() {}

  /**
   * @param value a cell's text, or {@code null}
   * @return the text with an apostrophe in front when a spreadsheet program would take it for a
   *     formula ({@code "=HYPERLINK(…)"} → {@code "'=HYPERLINK(…)"}), or when it already starts
   *     with apostrophes before such a character (so that {@link #restore} gives it back as it
   *     was); plain negative numbers such as {@code "-3"}, other text and {@code null} unchanged
   */
  public static String neutralise(String value) {
    if (value == null || !startsLikeAFormula(value) || NUMBER.matcher(value).matches()) {
      return value;
    }
    return "'" + value;
  }

  /**
   * The reverse of {@link #neutralise}, for text read from a CSV file.
   *
   * @param value a cell's text, or {@code null}
   * @return the text without the apostrophe {@link #neutralise} put in front of a formula character
   *     ({@code "'=x"} → {@code "=x"}); anything else unchanged ({@code "'tis"} stays)
   */
  public static String restore(String value) {
    if (value != null
        && value.length() > 1
        && value.charAt(0) == '\''
        && startsLikeAFormula(value.substring(1))
        && !NUMBER.matcher(value.substring(1)).matches()) {
      return value.substring(1);
    }
    return value;
  }

  /** Whether the text, after any apostrophes it starts with, starts with a formula character. */
  private static boolean startsLikeAFormula(String value) {
    int i = 0;
    while (i < value.length() && value.charAt(i) == '\'') {
      i++;
    }
    if (i == value.length()) {
      return false;
    }
    return switch (value.charAt(i)) {
      case '=', '+', '-', '@', '\t', '\r' -> true;
      default -> false;
    };
  }
}
