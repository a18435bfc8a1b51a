package rs.astra.nrm.casefile;

/**
 * Reason for a referral (HTCDS {@code cas_ReasonForIncomingReferral} and {@code
 * cas_ReasonForOutgoingReferral}, which share one picklist).
 *
 * <p>Constant names are the HTCDS 2.0 value names, labels the HTCDS English value labels. They are
 * stored by name, so renaming a constant needs a migration.
 */
public enum ReferralReason implements HtcdsPicklistValue {
  /** Additional Services Required. */
  AdditionalServicesRequired("Additional Services Required"),

  /** Migration or Change of Location. */
  MigrationOrChangeOfLocation("Migration or Change of Location"),

  /** Other. */
  Other("Other");

  private final String htcdsLabel;

  ReferralReason(String htcdsLabel) {
    this.htcdsLabel = htcdsLabel;
  }

  @Override
  public String htcdsLabel() {
    return htcdsLabel;
  }
}
