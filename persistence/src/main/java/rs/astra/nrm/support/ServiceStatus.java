package rs.astra.nrm.support;

/**
 * Where a service of the support plan stands. Any status may follow any other (plans change, and a
 * wrong status is corrected); each change is recorded on the case's timeline.
 */
public enum ServiceStatus {
  /** Agreed with the person, not yet arranged. */
  PLANNED,
  /** The person was referred to the provider. */
  REFERRED,
  /** Being provided. */
  IN_PROGRESS,
  /** Provided (usluga pružena). */
  PROVIDED,
  /** The person declined it (usluga odbijena). */
  DECLINED_BY_PERSON,
  /** No provider could give it. */
  UNAVAILABLE;

  /**
   * @return whether the service has ended in this status (provided, declined, unavailable)
   */
  public boolean isFinal() {
    return this == PROVIDED || this == DECLINED_BY_PERSON || this == UNAVAILABLE;
  }
}
