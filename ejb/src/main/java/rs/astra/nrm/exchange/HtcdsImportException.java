package rs.astra.nrm.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown when an imported file is rejected. Carries every problem found, not only the first, so the
 * user can fix the whole file in one go. Its message holds only counts, row numbers, HTCDS field
 * names and problem kinds, never cell values, so it is safe to log.
 */
public class HtcdsImportException extends Exception {

  private static final long serialVersionUID = 1L;

  /** How many errors the message lists by position before it only counts them. */
  private static final int ERRORS_IN_MESSAGE = 10;

  /** Every problem found, sorted; immutable. */
  private final List<HtcdsImportError> errors;

  /**
   * Creates the exception.
   *
   * @param errors the problems found, at least one; they are sorted by row number, keeping the
   *     given order (the reader gives them in column order) within a row
   * @throws IllegalArgumentException if {@code errors} is empty
   * @throws NullPointerException if {@code errors} is or contains {@code null}
   */
  public HtcdsImportException(List<HtcdsImportError> errors) {
    super(describe(sorted(errors)));
    this.errors = sorted(errors);
  }

  /**
   * Returns all problems found.
   *
   * @return an unmodifiable list, sorted by row number and then by column position in the file;
   *     never empty
   */
  public List<HtcdsImportError> errors() {
    return errors;
  }

  private static List<HtcdsImportError> sorted(List<HtcdsImportError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an import exception needs at least one error");
    }
    List<HtcdsImportError> copy = new ArrayList<>(errors);
    // List.sort is stable, which keeps the reader's column order within a row.
    copy.sort(Comparator.comparingInt(HtcdsImportError::rowNumber));
    return List.copyOf(copy);
  }

  private static String describe(List<HtcdsImportError> errors) {
    Map<HtcdsImportProblem, Integer> counts = new EnumMap<>(HtcdsImportProblem.class);
    for (HtcdsImportError error : errors) {
      counts.merge(error.problem(), 1, Integer::sum);
    }
    StringBuilder message =
        new StringBuilder("HTCDS import rejected with ")
            .append(errors.size())
            .append(" problem(s) ")
            .append(counts);
    message.append(": ");
    for (int i = 0; i < Math.min(ERRORS_IN_MESSAGE, errors.size()); i++) {
      HtcdsImportError error = errors.get(i);
      if (i > 0) {
        message.append("; ");
      }
      message.append("row ").append(error.rowNumber());
      // Header problems carry the header cell's text, which is user input; only known field names
      // go out.
      HtcdsField.byHeaderText(error.column())
          .ifPresent(field -> message.append(' ').append(field.htcdsName()));
      message.append(' ').append(error.problem());
    }
    if (errors.size() > ERRORS_IN_MESSAGE) {
      message.append("; ...");
    }
    return message.toString();
  }
}
