package rs.astra.nrm.shared;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Thrown when a request cannot be carried out as asked (bad input, or a step the lifecycle does not
 * allow). Carries a message key and arguments for the user's language; nothing is changed.
 */
@ApplicationException(rollback = true)
public class InvalidRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final List<String> arguments;

  /**
   * @param messageKey resource-bundle key of the user's message, e.g. {@code
   *     referral.error.reasonRequired}
   * @param arguments values for the message's placeholders; never personal data
   */
  public InvalidRequestException(String messageKey, String... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = List.of(arguments);
  }

  /**
   * @return the message key
   */
  public String messageKey() {
    return messageKey;
  }

  /**
   * @return the arguments
   */
  public List<String> arguments() {
    return arguments;
  }
}
