package rs.astra.nrm.rights;

/**
 * A step the rules of a data-subject request do not allow (e.g. an extension without a reason, or
 * after the due date); carries the message key of the user's message. Nothing is changed.
 */
public class RequestRuleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param messageKey the key of the user's message in the three bundles, e.g. {@code
   *     dsr.error.reasonRequired}
   */
  public RequestRuleException(String messageKey) {
    super(messageKey);
  }

  /**
   * @return the key of the user's message
   */
  public String messageKey() {
    return getMessage();
  }
}
