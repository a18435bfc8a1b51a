package rs.astra.nrm.exchange;

/**
 * Kinds of problem that make {@link HtcdsSpreadsheetReader} reject a file. Each carries a resource
 * bundle key under which the user interface keeps the translated, user-facing message.
 */
public enum HtcdsImportProblem {

  /**
   * A picklist cell holds something that is neither a value name nor a value label of its picklist.
   */
  UNKNOWN_VALUE("import.error.unknownValue"),

  /** A date cell holds something that is not a date (or an impossible date such as 31.02.2022). */
  INVALID_DATE("import.error.invalidDate"),

  /** A birth date lies after today (in Europe/Belgrade). */
  DATE_IN_FUTURE("import.error.dateInFuture"),

  /** The {@code con_Consent} cell is not a yes/no value. */
  INVALID_BOOLEAN("import.error.invalidBoolean"),

  /** A country cell holds something that is not an ISO 3166-1 alpha-2 code. */
  INVALID_COUNTRY_CODE("import.error.invalidCountryCode"),

  /**
   * A required field ({@code cas_CaseOwner}) is empty on a row that has data, or its column is
   * missing.
   */
  REQUIRED_MISSING("import.error.requiredMissing"),

  /** No row near the top of the file looks like an HTCDS header. */
  NO_HEADER("import.error.noHeader"),

  /** Two header cells name the same HTCDS field. */
  DUPLICATE_COLUMN("import.error.duplicateColumn"),

  /**
   * The file is neither a readable Excel workbook nor UTF-8 CSV (corrupt, encrypted, other format).
   */
  UNREADABLE_FILE("import.error.unreadableFile"),

  /**
   * A text is longer than its column allows (255 characters, or 4000 for details and closure
   * reason).
   */
  TOO_LONG("import.error.tooLong"),

  /** The file has a header but no data rows. */
  NO_ROWS("import.error.noRows"),

  /**
   * {@code cas_CaseOwner} names nobody who manages cases (an NGO caseworker or coordinator) in the
   * importing organisation.
   */
  UNKNOWN_CASE_OWNER("import.error.unknownCaseOwner"),

  /** {@code cas_ReferredOrganisation} names no organisation known to the portal. */
  UNKNOWN_ORGANISATION("import.error.unknownOrganisation"),

  /** {@code cas_ReferredOrganisation} names the importing organisation itself. */
  SELF_REFERRAL("import.error.selfReferral"),
  /**
   * The organisation has imported these very bytes before ({@link
   * HtcdsFileAlreadyImportedException} carries the day); the message takes that day as its
   * argument.
   */
  ALREADY_IMPORTED("import.error.alreadyImported");

  private final String messageKey;

  HtcdsImportProblem(String messageKey) {
    this.messageKey = messageKey;
  }

  /**
   * Returns the resource bundle key of the user-facing message for this problem.
   *
   * @return a key such as {@code import.error.unknownValue}, never {@code null}
   */
  public String messageKey() {
    return messageKey;
  }
}
