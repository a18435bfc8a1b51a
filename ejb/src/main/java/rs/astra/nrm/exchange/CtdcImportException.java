package rs.astra.nrm.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Thrown when a CTDC file is rejected, with every problem found (sorted by row). The message holds
 * counts and row numbers only. CTDC records are anonymised, but the rule of the HTCDS import (no
 * cell values in logs) is kept.
 */
public class CtdcImportException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<CtdcImportError> errors;

  /**
   * @param errors at least one problem
   * @throws IllegalArgumentException if {@code errors} is empty
   */
  public CtdcImportException(List<CtdcImportError> errors) {
    super("CTDC import rejected with " + errors.size() + " problem(s)");
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("at least one error");
    }
    List<CtdcImportError> copy = new ArrayList<>(errors);
    copy.sort(Comparator.comparingInt(CtdcImportError::rowNumber));
    this.errors = List.copyOf(copy);
  }

  /**
   * @return every problem, sorted by row number, never empty
   */
  public List<CtdcImportError> errors() {
    return errors;
  }
}
