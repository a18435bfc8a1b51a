package rs.astra.nrm.exchange;

/**
 * Kinds of problem that make {@link CtdcReader} reject a CTDC file, each with the resource bundle
 * key of its user-facing message.
 */
public enum CtdcImportProblem {
  /** Not UTF-8 text, or not well-formed CSV. */
  UNREADABLE_FILE("ctdc.error.unreadableFile"),
  /** No row near the top holds the CTDC column names. */
  NO_HEADER("ctdc.error.noHeader"),
  /** Two header cells name the same CTDC column. */
  DUPLICATE_COLUMN("ctdc.error.duplicateColumn"),
  /** A header but no records. */
  NO_ROWS("ctdc.error.noRows"),
  /** {@code yearOfRegistration} is missing, unknown or not a year from 1990 to this year. */
  INVALID_YEAR("ctdc.error.invalidYear"),
  /** A flag column holds something other than 0, 1 or -99. */
  INVALID_FLAG("ctdc.error.invalidFlag"),
  /** {@code gender} is not Female, Male or -99. */
  INVALID_GENDER("ctdc.error.invalidGender"),
  /** {@code ageBroad} is not one of the CTDC bands (0--8 … 48+) or -99. */
  INVALID_AGE_BAND("ctdc.error.invalidAgeBand"),
  /** A majority column is not Adult, Minor or -99. */
  INVALID_MAJORITY("ctdc.error.invalidMajority"),
  /** A country column is not an ISO 3166-1 alpha-2 code or -99. */
  INVALID_COUNTRY_CODE("ctdc.error.invalidCountryCode"),
  /** A text is longer than the store keeps (100 characters for the data source, 255 otherwise). */
  TOO_LONG("ctdc.error.tooLong");

  private final String messageKey;

  CtdcImportProblem(String messageKey) {
    this.messageKey = messageKey;
  }

  /**
   * @return the resource bundle key, e.g. {@code ctdc.error.invalidFlag}
   */
  public String messageKey() {
    return messageKey;
  }
}
