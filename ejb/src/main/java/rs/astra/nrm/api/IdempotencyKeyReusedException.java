package rs.astra.nrm.api;

import jakarta.ejb.ApplicationException;

/**
 * A caller sent an {@code Idempotency-Key} she had used before with a different request (method,
 * path or body): nothing is created, and the earlier record stays as it was (IETF draft "The
 * Idempotency-Key HTTP Header Field", §2.7: 422).
 */
@ApplicationException(rollback = true)
public class IdempotencyKeyReusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The key's value is not in the message: it is the caller's, and may name anything. */
  public IdempotencyKeyReusedException() {
    super("idempotency key reused with a different request");
  }
}
