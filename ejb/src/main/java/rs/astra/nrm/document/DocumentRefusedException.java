package rs.astra.nrm.document;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * An uploaded file is refused before anything of it is stored (issue 17, "Bad files never get in").
 * {@link #messageKey()} names the message shown to the user, in the three bundles {@code
 * rs/astra/nrm/web/i18n/Messages*.properties}; the exception's own message names no personal data
 * (never the file name or contents).
 */
@ApplicationException(rollback = true)
public class DocumentRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The file has no bytes. */
  public static final String EMPTY = "document.refused.empty";

  /** The file is larger than {@code nrm.document.maxBytes}. */
  public static final String TOO_LARGE = "document.refused.tooLarge";

  /** The file name is blank, too long or holds control characters. */
  public static final String BAD_NAME = "document.refused.name";

  private final String messageKey;

  /**
   * A refusal.
   *
   * @param messageKey one of the constants of this class
   * @param detail what was refused, for the log, without personal data
   */
  public DocumentRefusedException(String messageKey, String detail) {
    super(detail);
    this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
  }

  /**
   * The message key shown to the user.
   *
   * @return a key present in the three message bundles
   */
  public String messageKey() {
    return messageKey;
  }
}
