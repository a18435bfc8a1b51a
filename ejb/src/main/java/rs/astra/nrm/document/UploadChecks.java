package rs.astra.nrm.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The checks of an uploaded file that need no content-type detection (issue 17, items 4 and 5): the
 * size limit enforced while the stream is read, empty files, the file name kept exactly, and the
 * {@code Content-Disposition} header of a download. Detection of the type from the bytes (Apache
 * Tika) and removal of photo metadata are not here yet.
 */
public final class UploadChecks {

  /** The default largest file in bytes: 25 MiB ({@code nrm.document.maxBytes}; issue 17). */
  public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;

  /**
   * The longest file name kept, in characters (column {@code case_document.original_file_name}).
   */
  public static final int FILE_NAME_MAX = 500;

  private UploadChecks() {}

  /**
   * Checks an uploaded file name, which is then kept exactly as given (Serbian Latin, Cyrillic,
   * spaces, {@code %}, {@code #}, quotes are all fine).
   *
   * @param submitted the name the browser sent; a client path before the last {@code /} or {@code
   *     \} is dropped
   * @return the name, otherwise unchanged
   * @throws DocumentRefusedException ({@link DocumentRefusedException#BAD_NAME}) if {@code null},
   *     blank, longer than {@link #FILE_NAME_MAX} characters, or holding a control character (which
   *     would break a header or a log line) or a bidirectional override or isolate character
   */
  public static String checkFileName(String submitted) {
    // Some browsers send the client's whole path (C:\Users\<name>\Desktop\…), which would show a
    // caseworker's user name to partners: only the last part is the file's name.
    String name =
        submitted == null
            ? null
            : submitted.substring(
                Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1);
    if (name == null
        || name.isBlank()
        || name.length() > FILE_NAME_MAX
        || submitted.chars().anyMatch(Character::isISOControl)
        || submitted.chars().anyMatch(UploadChecks::isBidiControl)) {
      throw new DocumentRefusedException(DocumentRefusedException.BAD_NAME, "file name refused");
    }
    return name;
  }

  /**
   * Whether a character is a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069), with
   * which a name can be made to read differently from what it is ("abc" + U+202E + "gpj.exe" shows
   * as "abcexe.jpg"; Unicode Technical Standard #39; issue 15).
   */
  private static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }

  /**
   * Wraps an upload so that reading it past the limit refuses the file while streaming (never after
   * the whole file was taken in), and reaching its end with no byte read refuses it as empty.
   *
   * @param upload the raw upload stream
   * @param maxBytes the largest size allowed in bytes, positive ({@link #DEFAULT_MAX_BYTES})
   * @return a stream that throws {@link DocumentRefusedException} ({@link
   *     DocumentRefusedException#TOO_LARGE} or {@link DocumentRefusedException#EMPTY}) from {@code
   *     read}
   */
  public static InputStream limited(InputStream upload, long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    return new FilterInputStream(upload) {
      private long count;

      @Override
      public int read() throws IOException {
        int b = super.read();
        account(b < 0 ? -1 : 1);
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) Math.min(length, maxBytes + 1 - count));
        account(n);
        return n;
      }

      private void account(int n) {
        if (n < 0) {
          if (count == 0) {
            throw new DocumentRefusedException(DocumentRefusedException.EMPTY, "empty file");
          }
          return;
        }
        count += n;
        if (count > maxBytes) {
          throw new DocumentRefusedException(
              DocumentRefusedException.TOO_LARGE, "file larger than " + maxBytes + " bytes");
        }
      }
    };
  }

  /**
   * The {@code Content-Disposition} header value of a download (RFC 6266 with the RFC 5987/8187
   * {@code filename*} parameter): always {@code attachment}, never inline; a plain ASCII {@code
   * filename} fallback (non-ASCII and unsafe characters replaced by {@code _}) for old clients, and
   * {@code filename*=UTF-8''…} with every byte outside RFC 5987's attr-char percent-encoded, so
   * that the exact name reaches the browser.
   *
   * @param fileName the stored original file name
   * @return e.g. {@code attachment; filename="_kola_izjava.pdf";
   *     filename*=UTF-8''%C5%A0kola_izjava.pdf}
   */
  public static String contentDisposition(String fileName) {
    StringBuilder ascii = new StringBuilder();
    fileName
        .codePoints()
        .forEach(
            c ->
                ascii.append(
                    c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
    StringBuilder encoded = new StringBuilder();
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded
            .append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
