package rs.astra.nrm.consent;

/** On what ground access was permitted (or {@link #NONE} when it was denied). */
public enum AccessBasis {
  /** The user's organisation owns the case (it is the controller of the case file). */
  OWNER,
  /** A legal basis other than consent; the rule is named in the decision. */
  LEGAL_BASIS,
  /** An active consent of the data subject; its id is in the decision. */
  CONSENT,
  /**
   * Emergency access for a vital interest (GDPR Art. 6(1)(d), 9(2)(c)); its id is in the decision.
   */
  BREAK_GLASS,
  /** No basis: denied. */
  NONE
}
