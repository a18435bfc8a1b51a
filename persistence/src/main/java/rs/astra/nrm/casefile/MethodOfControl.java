package rs.astra.nrm.casefile;

/**
 * Means of control used by the trafficker (HTCDS {@code vic_MethodsOfControl}, multi-select).
 *
 * <p>Constant names are the HTCDS 2.0 value names, labels the HTCDS English value labels. They are
 * stored by name, so renaming a constant needs a migration.
 */
public enum MethodOfControl implements HtcdsPicklistValue {
  /** Physical threats. */
  PhysicalThreats("Physical threats"),

  /** Threats of law enforcement. */
  ThreatsLawEnforcement("Threats of law enforcement"),

  /** Threatens children/family. */
  ThreatensChildrenFamily("Threatens children/family"),

  /** Debt bondage. */
  DebtBondage("Debt bondage"),

  /** False promises. */
  FalsePromises("False promises"),

  /** Physical abuse. */
  PhysicalAbuse("Physical abuse"),

  /** Sexual abuse. */
  SexualAbuse("Sexual abuse"),

  /** Takes earnings. */
  TakesEarnings("Takes earnings"),

  /** Restricts financial access. */
  RestrictsFinancialAccess("Restricts financial access"),

  /** Restricts medical care. */
  RestrictsMedicalCare("Restricts medical care"),

  /** Withholds necessities. */
  WithholdsNecessities("Withholds necessities"),

  /** Psychological abuse. */
  PsychologicalAbuse("Psychological abuse"),

  /** Psychoactive substance. */
  PsychoactiveSubstance("Psychoactive substance"),

  /** Excessive working hours. */
  ExcessiveWorkingHours("Excessive working hours"),

  /** Withholds documents. */
  WithholdsDocuments("Withholds documents"),

  /** Other. */
  Other("Other"),

  /**
   * Restricts movement. Not in the HTCDS 2.0 picklist: a local extension, because restriction of
   * movement is an ILO forced-labour indicator that Serbian NRM partners record and the sample
   * caseload uses.
   */
  RestrictsMovement("Restricts movement");

  private final String htcdsLabel;

  MethodOfControl(String htcdsLabel) {
    this.htcdsLabel = htcdsLabel;
  }

  @Override
  public String htcdsLabel() {
    return htcdsLabel;
  }
}
