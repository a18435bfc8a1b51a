package rs.astra.nrm.rights;

/**
 * Where a data-subject request stands: {@code RECEIVED → IN_PROGRESS → ANSWERED | REFUSED}; a
 * request may also be answered or refused straight from {@code RECEIVED}.
 */
public enum RequestStatus {
  /** Registered, nobody works on it yet. */
  RECEIVED,
  /** The data protection officer works on it. */
  IN_PROGRESS,
  /** Answered (the outcome and the answer given are recorded). */
  ANSWERED,
  /** Refused, with the reason given to the person (GDPR Art. 12(4), 12(5)). */
  REFUSED;

  /**
   * @return whether the request still waits for its answer (the deadline runs)
   */
  public boolean isOpen() {
    return this == RECEIVED || this == IN_PROGRESS;
  }
}
