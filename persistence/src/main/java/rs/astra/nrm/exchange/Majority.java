package rs.astra.nrm.exchange;

/**
 * Whether a person was a child (under 18) or an adult, as the CTDC {@code majorityStatus} columns
 * say.
 */
public enum Majority {
  /** 18 or over (CTDC {@code Adult}). */
  ADULT,
  /** Under 18 (CTDC {@code Minor}). */
  MINOR
}
