package rs.astra.nrm.exchange;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Thrown when the importing organisation has already imported a file with the same bytes (the same
 * SHA-256 digest): nothing is stored. Carries the day of the first import (Europe/Belgrade) and one
 * whole-file error {@link HtcdsImportProblem#ALREADY_IMPORTED} whose value is that day as
 * dd.MM.yyyy.
 */
public class HtcdsFileAlreadyImportedException extends HtcdsImportException {

  private static final long serialVersionUID = 1L;

  private final LocalDate importedOn;

  /**
   * Creates the exception.
   *
   * @param importedOn the day of the first import, in Europe/Belgrade
   */
  public HtcdsFileAlreadyImportedException(LocalDate importedOn) {
    super(
        List.of(
            new HtcdsImportError(
                0,
                null,
                HtcdsImportProblem.ALREADY_IMPORTED,
                importedOn.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))));
    this.importedOn = importedOn;
  }

  /**
   * @return the day the file was first imported, in Europe/Belgrade
   */
  public LocalDate importedOn() {
    return importedOn;
  }
}
