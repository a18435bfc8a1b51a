package rs.astra.nrm.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A cell as read from the file, before it is converted for a field: what the spreadsheet stored, so
 * that the converter can treat an Excel date number differently from a text that looks like a date.
 * A blank cell is represented by {@code null}.
 */
sealed interface RawCell {

  /**
   * Returns the cell as the text to show in an error or to store in a text field.
   *
   * @return never {@code null}
   */
  String text();

  /** A text cell (every CSV cell is one). */
  record Text(String value) implements RawCell {
    @Override
    public String text() {
      return value;
    }
  }

  /**
   * A numeric cell.
   *
   * @param value the stored number
   * @param dateFormatted whether the cell has a date format, i.e. the user sees a date
   * @param asDate the date this number stands for as an Excel serial date (in the workbook's date
   *     system, 1900 or 1904), or {@code null} if it is no valid serial date
   */
  record Number(double value, boolean dateFormatted, LocalDate asDate) implements RawCell {
    @Override
    public String text() {
      if (dateFormatted && asDate != null) {
        return asDate.toString();
      }
      // Whole numbers without ".0": postal codes and similar are often stored as numbers.
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        return Long.toString((long) value);
      }
      return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
  }

  /** A boolean cell. */
  record Bool(boolean value) implements RawCell {
    @Override
    public String text() {
      return value ? "TRUE" : "FALSE";
    }
  }
}
