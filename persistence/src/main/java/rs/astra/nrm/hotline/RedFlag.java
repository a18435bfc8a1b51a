package rs.astra.nrm.hotline;

/**
 * A warning sign found in a job offer: the signs the hotline meets again and again, and the ILO
 * indicators of forced labour (ILO, "Indicators of Forced Labour", 2012) that can be told from an
 * offer or from what a worker abroad reports. Stored by name, in sets ({@code MultiValueColumn}).
 */
public enum RedFlag {
  /** The wage is far above the market for the work. */
  WAGE_FAR_ABOVE_MARKET(false),
  /** No qualifications or experience are asked for. */
  NO_QUALIFICATIONS_ASKED(false),
  /** Travel and visa are paid by the employer or the agency. */
  TRAVEL_AND_VISA_PAID(false),
  /** There is no written contract. */
  NO_WRITTEN_CONTRACT(false),
  /** The worker is told not to leave the workplace. */
  MUST_NOT_LEAVE_WORKPLACE(false),
  /** The worker is to share a room or house with the employer. */
  SHARES_ROOM_WITH_EMPLOYER(false),
  /** ILO: deception about the work, wage, place or conditions. */
  DECEPTION(true),
  /** ILO: restriction of movement. */
  RESTRICTION_OF_MOVEMENT(true),
  /** ILO: isolation. */
  ISOLATION(true),
  /** ILO: retention of identity documents (the employer keeps the worker's passport). */
  RETENTION_OF_IDENTITY_DOCUMENTS(true),
  /** ILO: withholding of wages. */
  WITHHOLDING_OF_WAGES(true),
  /** ILO: debt bondage (recruitment fees or travel to be paid back from the wage). */
  DEBT_BONDAGE(true),
  /** ILO: abusive working and living conditions. */
  ABUSIVE_WORKING_AND_LIVING_CONDITIONS(true),
  /** ILO: excessive overtime. */
  EXCESSIVE_OVERTIME(true);

  private final boolean iloIndicator;

  RedFlag(boolean iloIndicator) {
    this.iloIndicator = iloIndicator;
  }

  /**
   * @return whether this is one of the ILO indicators of forced labour
   */
  public boolean isIloIndicator() {
    return iloIndicator;
  }
}
