package rs.astra.nrm.document;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key that wraps every document's own content key (issue 17, "Storage that survives and
 * scales"; GDPR Art. 32(1)(a): encryption of personal data at rest). A restored database is
 * unreadable without it. Wrapping is AES-256-GCM with a random 96-bit nonce and the fixed
 * associated data {@code nrm-document-key}, so a wrapped key that was changed, or one wrapped by
 * another master key, is refused, never unwrapped to a wrong key.
 *
 * <p>The key never appears in {@link #toString()} or a log; {@link #id()} is a fingerprint (the
 * first 16 hex digits of SHA-256 over the key) stored beside each wrapped key, so a re-wrap knows
 * which documents still need it.
 */
public final class MasterKey {

  /** Length of the master key and of each document key in bytes (AES-256). */
  public static final int KEY_BYTES = 32;

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] WRAP_AAD = "nrm-document-key".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final String id;

  private MasterKey(byte[] raw) {
    if (raw.length != KEY_BYTES) {
      throw new IllegalArgumentException("the document master key must be " + KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(raw, "AES");
    try {
      this.id =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(raw))
              .substring(0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /**
   * The master key from its configured form ({@code nrm.document.key} / {@code NRM_DOCUMENT_KEY}).
   *
   * @param base64 standard base64 of exactly 32 bytes; surrounding white space is ignored
   * @return the key
   * @throws IllegalArgumentException if not base64 or not 32 bytes (the message does not quote it)
   */
  public static MasterKey fromBase64(String base64) {
    Objects.requireNonNull(base64, "base64");
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the document master key is not base64");
    }
    return new MasterKey(raw);
  }

  /**
   * A new random master key (demo mode's first start, or a rotation).
   *
   * @return a key from {@link SecureRandom}
   */
  public static MasterKey generate() {
    byte[] raw = new byte[KEY_BYTES];
    RANDOM.nextBytes(raw);
    return new MasterKey(raw);
  }

  /**
   * The key in its configured form, to be written to the demo key file or handed to an operator.
   *
   * @return standard base64 of the 32 bytes
   */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /**
   * The key's fingerprint stored beside each wrapped key.
   *
   * @return 16 lower-case hex digits
   */
  public String id() {
    return id;
  }

  /**
   * A new random content key for one document (issue 17: "a random key per document").
   *
   * @return an AES-256 key
   */
  public static SecretKey newDocumentKey() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(KEY_BYTES * 8, RANDOM);
      return generator.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES missing from the JDK", e);
    }
  }

  /**
   * Wraps a document key with this master key.
   *
   * @param documentKey the document's AES-256 key
   * @return base64 of nonce (12 bytes) followed by the GCM ciphertext and tag (48 bytes): 80
   *     characters
   */
  public String wrap(SecretKey documentKey) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(WRAP_AAD);
      byte[] sealed = cipher.doFinal(documentKey.getEncoded());
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }

  /**
   * Unwraps a document key wrapped by {@link #wrap}.
   *
   * @param wrapped the stored base64 text
   * @return the document's AES-256 key
   * @throws DocumentKeyException if this is not the master key that wrapped it, or the text was
   *     changed or is not a wrapped key
   */
  public SecretKey unwrap(String wrapped) {
    byte[] all;
    try {
      all = Base64.getDecoder().decode(wrapped);
    } catch (IllegalArgumentException e) {
      throw new DocumentKeyException("the wrapped document key is not base64", null);
    }
    if (all.length != NONCE_BYTES + KEY_BYTES + TAG_BITS / 8) {
      throw new DocumentKeyException("the wrapped document key has the wrong length", null);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(WRAP_AAD);
      byte[] raw = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      SecretKey documentKey = new SecretKeySpec(raw, "AES");
      Arrays.fill(raw, (byte) 0);
      return documentKey;
    } catch (AEADBadTagException e) {
      throw new DocumentKeyException(
          "the document key was not wrapped by this master key (" + id + ") or was changed", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }

  /**
   * Re-wraps a document key under a new master key (key rotation; issue 17).
   *
   * @param wrapped the key as wrapped by this master key
   * @param next the new master key
   * @return the same document key wrapped by {@code next}
   * @throws DocumentKeyException if this master key does not unwrap it
   */
  public String rewrap(String wrapped, MasterKey next) {
    return next.wrap(unwrap(wrapped));
  }

  /**
   * @return {@code MasterKey[id]}, never the key
   */
  @Override
  public String toString() {
    return "MasterKey[" + id + "]";
  }
}
