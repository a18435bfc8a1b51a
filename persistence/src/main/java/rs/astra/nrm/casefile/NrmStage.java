package rs.astra.nrm.casefile;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands in the National Referral Mechanism: {@code SIGNAL} → {@code PRESUMED_VICTIM}
 * → {@code IDENTIFIED} or {@code NOT_IDENTIFIED} (formal identification by the CPTV for adults, by
 * a centre for social work for children) → {@code ASSISTANCE} → {@code REINTEGRATION} → {@code
 * CLOSED}. A case can be closed from any stage, with a reason and a coordinator's approval.
 */
public enum NrmStage {
  /** First report of a possible case of trafficking. */
  SIGNAL,
  /** Presumed victim (pretpostavljena žrtva), waiting for formal identification. */
  PRESUMED_VICTIM,
  /** Identified victim (identifikovana žrtva). */
  IDENTIFIED,
  /** Formal identification found that the person is not a victim of trafficking. */
  NOT_IDENTIFIED,
  /** Receiving assistance (accommodation, health care, legal aid, …). */
  ASSISTANCE,
  /** Reintegration: education, employment, long-term support. */
  REINTEGRATION,
  /** Closed, with a reason. */
  CLOSED;

  /**
   * The stages the owning organisation may move a case to from this one by itself (identification
   * and closure have their own steps).
   *
   * @return the next stages
   */
  public Set<NrmStage> ownerMoves() {
    return switch (this) {
      case SIGNAL -> EnumSet.of(PRESUMED_VICTIM);
      case IDENTIFIED -> EnumSet.of(ASSISTANCE);
      case ASSISTANCE -> EnumSet.of(REINTEGRATION);
      default -> EnumSet.noneOf(NrmStage.class);
    };
  }
}
