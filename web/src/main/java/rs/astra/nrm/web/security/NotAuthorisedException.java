package rs.astra.nrm.web.security;

/**
 * Thrown when the caller is not (or no longer) a known, active user of the portal. The error page
 * shows a plain "not authorised" message.
 */
public class NotAuthorisedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; it carries no details, so nothing about the caller can leak. */
  public NotAuthorisedException() {
    super("not authorised for NRM Portal");
  }
}
