package rs.astra.nrm.organisation;

import jakarta.ejb.ApplicationException;

/**
 * Thrown by a service when the caller's role does not allow the action at all (not when a single
 * case is hidden from her: hidden cases simply do not exist for her). Rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class NotPermittedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param action what was refused, in English, for the log; never personal data
   */
  public NotPermittedException(String action) {
    super("not permitted: " + action);
  }
}
