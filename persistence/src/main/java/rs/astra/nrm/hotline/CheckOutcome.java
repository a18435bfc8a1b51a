package rs.astra.nrm.hotline;

/** What a job-offer check found. Stored by name. */
public enum CheckOutcome {
  /** The offer is legitimate. */
  LEGITIMATE,
  /** Irregular (undeclared) work. */
  IRREGULAR_WORK,
  /** Fraud: no such job, or a fee for nothing. */
  FRAUD,
  /** A risk of trafficking in human beings. */
  TRAFFICKING_RISK,
  /** The offer could not be verified. */
  COULD_NOT_VERIFY;

  /**
   * Whether a check with this outcome flags the employer and agency it names in the registry. A
   * check that could not be verified flags them too when it found red flags (see {@link
   * JobOfferCheck#isFlagged()}).
   *
   * @return {@code true} for IRREGULAR_WORK, FRAUD and TRAFFICKING_RISK
   */
  public boolean flags() {
    return this == IRREGULAR_WORK || this == FRAUD || this == TRAFFICKING_RISK;
  }
}
