package rs.astra.nrm.shared;

import jakarta.ejb.ApplicationException;

/**
 * Thrown when someone else changed a record since the user loaded it (optimistic locking,
 * {@code @Version}). Nothing is changed; the user reloads and sees the other change. Message key
 * {@code error.concurrentUpdate}.
 */
@ApplicationException(rollback = true)
public class ConcurrentUpdateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param what the kind of record, in English, for the log (e.g. "referral")
   */
  public ConcurrentUpdateException(String what) {
    super(what + " was changed by someone else");
  }
}
