package rs.astra.nrm.exchange;

import java.util.Objects;

/**
 * One problem found in an imported file.
 *
 * @param rowNumber the row as the user sees it: the 1-based Excel row number, or for CSV the
 *     1-based record number counting the first line as 1 (a quoted value spanning several lines is
 *     still one record); {@code 0} when the problem concerns the whole file ({@link
 *     HtcdsImportProblem#UNREADABLE_FILE}, {@link HtcdsImportProblem#NO_HEADER}, {@link
 *     HtcdsImportProblem#NO_ROWS})
 * @param column the HTCDS field name (e.g. {@code prs_Birthdate}) for cell problems, the header
 *     cell's text for {@link HtcdsImportProblem#DUPLICATE_COLUMN}; {@code null} for whole-file
 *     problems
 * @param problem what is wrong, never {@code null}
 * @param value the offending cell content as text (dates as ISO {@code yyyy-MM-dd}), or the
 *     offending part of a multi-select cell; {@code null} when there is none. This is personal
 *     data: show it to the importing user, never log it
 */
public record HtcdsImportError(
    int rowNumber, String column, HtcdsImportProblem problem, String value) {

  /**
   * Checks the arguments.
   *
   * @throws NullPointerException if {@code problem} is {@code null}
   * @throws IllegalArgumentException if {@code rowNumber} is negative
   */
  public HtcdsImportError {
    Objects.requireNonNull(problem, "problem");
    if (rowNumber < 0) {
      throw new IllegalArgumentException("rowNumber must not be negative");
    }
  }

  /**
   * Returns a description without the cell value, because errors end up in logs and the value is
   * personal data.
   *
   * @return row, column and problem, e.g. {@code HtcdsImportError[row=5, column=prs_Birthdate,
   *     problem=INVALID_DATE]}
   */
  @Override
  public String toString() {
    return "HtcdsImportError[row="
        + rowNumber
        + ", column="
        + column
        + ", problem="
        + problem
        + "]";
  }
}
