package rs.astra.nrm.casefile;

/**
 * Status of a case (HTCDS {@code cas_Status}).
 *
 * <p>Constant names are the HTCDS 2.0 value names, labels the HTCDS English value labels. They are
 * stored by name, so renaming a constant needs a migration.
 */
public enum CaseStatus implements HtcdsPicklistValue {
  /** Active. */
  Active("Active"),

  /** Follow Up. */
  FollowUp("Follow Up"),

  /** Closed. */
  Closed("Closed"),

  /** Closed Referred. */
  ClosedReferred("Closed Referred");

  private final String htcdsLabel;

  CaseStatus(String htcdsLabel) {
    this.htcdsLabel = htcdsLabel;
  }

  @Override
  public String htcdsLabel() {
    return htcdsLabel;
  }
}
