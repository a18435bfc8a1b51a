package rs.astra.nrm.statistics;

/**
 * What the rows or columns of a statistics table stand for. The first seven are the dimensions of
 * the victims' table, of which the user picks one for the rows and one for the columns; the others
 * belong to fixed tables. Labels of each value come from the resource bundle by dimension.
 */
public enum Dimension {
  /** Year of registration (opening of the case; CTDC {@code yearOfRegistration}). */
  YEAR,
  /**
   * Identified or presumed victim (HTCDS {@code vic_TraffickingStatus}); CTDC records count as
   * identified.
   */
  STATUS,
  /**
   * Form of exploitation (HTCDS {@code vic_TypeOfExploitation}); a person with two forms counts
   * under both.
   */
  EXPLOITATION,
  /** Sex (HTCDS {@code prs_Gender}, CTDC {@code gender}). */
  SEX,
  /** CTDC age band, at registration. */
  AGE_BAND,
  /** Citizenship, ISO 3166-1 alpha-2 (several joined by ";" as recorded). */
  CITIZENSHIP,
  /** Child or adult at registration. */
  MAJORITY,
  /** NRM stage. */
  STAGE,
  /** Route of a referral: sending organisation type → receiving organisation type. */
  REFERRAL_ROUTE,
  /** What became of a referral: accepted (or completed), rejected, other (waiting, revoked). */
  REFERRAL_OUTCOME,
  /** Step of the criminal proceedings. */
  PROCEEDINGS_STEP,
  /** Offence of a verdict. */
  OFFENCE,
  /** A single column of counts. */
  FIGURE,
  /** Type of a support-plan service (HTCDS {@code spl_Type} and the NGO's everyday services). */
  SERVICE_TYPE,
  /**
   * Status of a support-plan service: planned, referred, in progress, provided, declined,
   * unavailable.
   */
  SERVICE_STATUS,
  /** Purpose of an SOS hotline call. */
  CALL_PURPOSE,
  /** Who called the SOS hotline. */
  CALLER_TYPE,
  /** Outcome of a job-offer check. */
  CHECK_OUTCOME;

  /**
   * @return whether the victims' table may use it for rows or columns
   */
  public boolean victimDimension() {
    return ordinal() <= MAJORITY.ordinal();
  }
}
