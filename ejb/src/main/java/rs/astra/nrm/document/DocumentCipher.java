package rs.astra.nrm.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Streaming AES-256-GCM for a document's contents (issue 17; GDPR Art. 32(1)(a)), with the JDK's
 * own crypto. The plaintext is cut into segments of at most {@link #SEGMENT_BYTES}; each is sealed
 * on its own (the STREAM construction): nonce = 7 zero bytes, the segment number (4 bytes,
 * big-endian) and a last-segment flag. The document's key is random and used for one document only,
 * so the nonces never repeat under a key; moving, dropping or appending a segment, or cutting the
 * stream short, fails authentication.
 *
 * <p>Why segments: the JDK's GCM decryption holds back all plaintext until the whole ciphertext is
 * authenticated, so one GCM message of 25 MB would sit whole in the heap. Here the heap holds one
 * segment at a time, and each segment row of {@code case_document_content} is one sealed segment.
 *
 * <p>Decryption releases a segment's plaintext only once that segment has authenticated. A change
 * found in segment n stops the stream with a {@link DocumentKeyException} after the n−1 segments
 * before it were written: the caller must abort the download (never complete a response).
 */
public final class DocumentCipher {

  /** Plaintext bytes per segment: 64 KiB. */
  public static final int SEGMENT_BYTES = 64 * 1024;

  /** Bytes a segment's ciphertext is longer than its plaintext (the GCM tag). */
  public static final int TAG_BYTES = 16;

  private DocumentCipher() {}

  /** Receives the sealed segments in order, e.g. rows of {@code case_document_content}. */
  @FunctionalInterface
  public interface SegmentSink {
    /**
     * Takes one sealed segment.
     *
     * @param segmentNo 0, 1, 2, … in order
     * @param ciphertext the segment's ciphertext and tag; owned by the sink from now on
     * @throws IOException if it cannot be kept
     */
    void accept(int segmentNo, byte[] ciphertext) throws IOException;
  }

  /** Hands out the sealed segments in the order they were written. */
  @FunctionalInterface
  public interface SegmentSource {
    /**
     * The next sealed segment.
     *
     * @return its bytes, or {@code null} after the last
     * @throws IOException if it cannot be read
     */
    byte[] next() throws IOException;
  }

  /**
   * Encrypts a stream segment by segment.
   *
   * @param key the document's AES-256 key ({@link MasterKey#newDocumentKey()})
   * @param plaintext read to its end, not closed
   * @param sink receives each sealed segment
   * @return the number of plaintext bytes encrypted
   * @throws IOException from the stream or the sink
   */
  public static long encrypt(SecretKey key, InputStream plaintext, SegmentSink sink)
      throws IOException {
    byte[] current = new byte[SEGMENT_BYTES];
    int currentLength = plaintext.readNBytes(current, 0, SEGMENT_BYTES);
    long total = 0;
    int segmentNo = 0;
    while (true) {
      byte[] next = new byte[SEGMENT_BYTES];
      int nextLength =
          currentLength < SEGMENT_BYTES ? 0 : plaintext.readNBytes(next, 0, SEGMENT_BYTES);
      boolean last = nextLength == 0;
      sink.accept(segmentNo, seal(key, segmentNo, last, current, currentLength));
      total += currentLength;
      if (last) {
        return total;
      }
      current = next;
      currentLength = nextLength;
      segmentNo++;
    }
  }

  /**
   * Decrypts segment by segment into a stream.
   *
   * @param key the document's AES-256 key
   * @param source the sealed segments in order
   * @param out receives the plaintext of each segment once it authenticated; not closed
   * @return the number of plaintext bytes written
   * @throws DocumentKeyException if a segment is not authentic under this key (wrong key, changed,
   *     moved, missing or surplus segment, or no segment at all); nothing of that segment is
   *     written
   * @throws IOException from the source or the stream
   */
  public static long decrypt(SecretKey key, SegmentSource source, OutputStream out)
      throws IOException {
    byte[] current = source.next();
    if (current == null) {
      throw new DocumentKeyException("the document has no stored contents", null);
    }
    long total = 0;
    int segmentNo = 0;
    while (current != null) {
      byte[] next = source.next();
      byte[] plain = open(key, segmentNo, next == null, current);
      out.write(plain);
      total += plain.length;
      current = next;
      segmentNo++;
    }
    return total;
  }

  private static byte[] seal(SecretKey key, int segmentNo, boolean last, byte[] plain, int length) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce(segmentNo, last)));
      return cipher.doFinal(plain, 0, length);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }

  private static byte[] open(SecretKey key, int segmentNo, boolean last, byte[] sealed) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce(segmentNo, last)));
      return cipher.doFinal(sealed);
    } catch (AEADBadTagException e) {
      throw new DocumentKeyException(
          "segment " + segmentNo + " of the document is not authentic", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }

  private static byte[] nonce(int segmentNo, boolean last) {
    return ByteBuffer.allocate(12)
        .put(new byte[7])
        .putInt(segmentNo)
        .put((byte) (last ? 1 : 0))
        .array();
  }
}
