package rs.astra.nrm.web.api;

import java.util.List;

/**
 * Input a resource found invalid after Bean Validation passed it (e.g. a day written well that the
 * calendar lacks, {@code 2026-02-30}): {@link ApiExceptionMapper} answers {@code invalid-input}
 * naming each field with the given message. Carries no value the caller sent, so nothing personal
 * can reach a log.
 */
public class ApiInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> fields;
  private final String messageKey;

  /**
   * @param messageKey the key of the fields' message in the message bundles
   * @param fields the parameters or members that failed, as the caller wrote their names
   */
  public ApiInputException(String messageKey, List<String> fields) {
    super(messageKey, null, false, false);
    this.messageKey = messageKey;
    this.fields = List.copyOf(fields);
  }

  /**
   * @return the names of the failing parameters or members
   */
  public List<String> fields() {
    return fields;
  }

  /**
   * @return the key of their message
   */
  public String messageKey() {
    return messageKey;
  }
}
