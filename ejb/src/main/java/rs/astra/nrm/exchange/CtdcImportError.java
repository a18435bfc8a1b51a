package rs.astra.nrm.exchange;

import java.util.Objects;

/**
 * One problem in an imported CTDC file.
 *
 * @param rowNumber the CSV record number, counting the first line as 1; 0 for the whole file
 * @param column the CTDC column name, or {@code null} for whole-file problems
 * @param problem what is wrong
 * @param value the offending cell text, or {@code null}
 */
public record CtdcImportError(
    int rowNumber, String column, CtdcImportProblem problem, String value) {

  /**
   * @throws NullPointerException if {@code problem} is {@code null}
   */
  public CtdcImportError {
    Objects.requireNonNull(problem, "problem");
  }
}
