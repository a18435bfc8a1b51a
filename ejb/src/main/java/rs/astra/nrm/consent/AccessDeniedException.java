package rs.astra.nrm.consent;

import jakarta.ejb.ApplicationException;
import rs.astra.nrm.casefile.DataCategory;

/**
 * Thrown when a user explicitly asks for something the {@link AccessPolicy} denies (the deny is
 * already in the audit trail). Carries the reason for the user's message; rolls the transaction
 * back.
 */
@ApplicationException(rollback = true)
public class AccessDeniedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final DenyReason reason;

  /**
   * @param category what was asked for
   * @param action what for
   * @param reason why it was denied
   */
  public AccessDeniedException(DataCategory category, AccessAction action, DenyReason reason) {
    super("denied " + action + " of " + category + ": " + reason);
    this.reason = reason;
  }

  /**
   * @return why it was denied; message key {@code deny.<NAME>}
   */
  public DenyReason reason() {
    return reason;
  }
}
