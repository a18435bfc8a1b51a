package rs.astra.nrm.casefile;

/**
 * Kind of organisation that decided the trafficking status (HTCDS {@code
 * vic_TraffickingStatusDecisionMakingOrg}; the HTCDS Excel template misspells the column as {@code
 * vic_TraffickinStatusDecisionMakingOrg}).
 *
 * <p>Constant names are the HTCDS 2.0 value names, labels the HTCDS English value labels. They are
 * stored by name, so renaming a constant needs a migration.
 */
public enum TraffickingStatusDecisionMakingOrg implements HtcdsPicklistValue {
  /** Police. */
  Police("Police"),

  /** NGO. */
  NGO("NGO"),

  /** Court or prosecution. */
  CourtOrProsecution("Court or prosecution"),

  /** Non-police governmental organization. */
  NonPoliceGovernmentalOrganization("Non-police governmental organization"),

  /** Other. */
  Other("Other");

  private final String htcdsLabel;

  TraffickingStatusDecisionMakingOrg(String htcdsLabel) {
    this.htcdsLabel = htcdsLabel;
  }

  @Override
  public String htcdsLabel() {
    return htcdsLabel;
  }
}
