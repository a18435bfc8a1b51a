package rs.astra.nrm.document;

/**
 * A document's contents cannot be decrypted: the master key is not the one that wrapped its key,
 * the wrapped key or the stored ciphertext was changed, or the stored segments are incomplete. No
 * plaintext of the failing segment is ever released. The message names no personal data.
 */
public class DocumentKeyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Message key (three bundles) shown to the user. */
  public static final String MESSAGE_KEY = "document.unreadable";

  /**
   * A failure to decrypt.
   *
   * @param message what failed, without personal data
   * @param cause the JDK's exception, or {@code null}
   */
  public DocumentKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
