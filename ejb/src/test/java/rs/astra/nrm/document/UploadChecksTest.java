package rs.astra.nrm.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names, size and emptiness of an upload (issue 17, items 4 and 5). */
class UploadChecksTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"Škola_izjava.pdf", "Žalba 100%.pdf", "Изјава_Ђорђе.pdf", "a \"b\" #1 'c'.pdf"})
  void aNameIsKeptExactlyAndTheHeaderCarriesItExactly(String name) {
    assertEquals(name, UploadChecks.checkFileName(name));
    String header = UploadChecks.contentDisposition(name);
    String prefix = "filename*=UTF-8''";
    String encoded = header.substring(header.indexOf(prefix) + prefix.length());
    assertEquals(
        name,
        URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8),
        "the browser decodes the exact name");
    assertEquals(true, header.startsWith("attachment; filename=\""), "never inline");
    assertEquals(
        true,
        encoded.matches("[A-Za-z0-9!#$&+\\-.^_`|~%]+"),
        "only RFC 5987 attr-chars and %XX: " + encoded);
    assertEquals(
        true,
        header.substring(0, header.indexOf(prefix)).chars().allMatch(c -> c < 0x7f),
        "the fallback is ASCII");
  }

  @Test
  void theHeaderForKnownNames() {
    assertEquals(
        "attachment; filename=\"_alba 100_.pdf\"; filename*=UTF-8''%C5%BDalba%20100%25.pdf",
        UploadChecks.contentDisposition("Žalba 100%.pdf"));
    assertEquals(
        "attachment; filename=\"____________.pdf\"; filename*=UTF-8''%D0%98%D0%B7%D1%98%D0%B0%D0%B2%D0%B0_%D0%82%D0%BE%D1%80%D1%92%D0%B5.pdf",
        UploadChecks.contentDisposition("Изјава_Ђорђе.pdf"));
  }

  @Test
  void aClientPathIsDroppedSoNoCaseworkersUserNameTravels() {
    assertEquals(
        "izjava.pdf", UploadChecks.checkFileName("C:\\Users\\jelena\\Desktop\\izjava.pdf"));
    assertEquals("passwd.pdf", UploadChecks.checkFileName("../../etc/passwd.pdf"));
    assertEquals("win.pdf", UploadChecks.checkFileName("C:\\fakepath\\win.pdf"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "a\nb.pdf",
        "a\r\nContent-Type: text/html.pdf",
        "dir/",
        "abc\u202Egpj.pdf"
      })
  void blankOrControlCharacterNamesAreRefused(String name) {
    assertEquals(
        DocumentRefusedException.BAD_NAME,
        assertThrows(DocumentRefusedException.class, () -> UploadChecks.checkFileName(name))
            .messageKey());
  }

  @Test
  void anEmptyFileIsRefused() {
    InputStream in = UploadChecks.limited(new ByteArrayInputStream(new byte[0]), 10);
    assertEquals(
        DocumentRefusedException.EMPTY,
        assertThrows(DocumentRefusedException.class, in::readAllBytes).messageKey());
  }

  @Test
  void theLimitIsEnforcedWhileStreamingAndExactlyTheLimitPasses() throws Exception {
    byte[] ten = new byte[10];
    assertArrayEquals(ten, UploadChecks.limited(new ByteArrayInputStream(ten), 10).readAllBytes());
    long[] served = {0};
    // A "40 MB" stream that counts what was read from it: the refusal comes right after the limit.
    InputStream huge =
        new InputStream() {
          @Override
          public int read() {
            served[0]++;
            return 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            served[0] += len;
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            return len;
          }
        };
    InputStream limited = UploadChecks.limited(huge, UploadChecks.DEFAULT_MAX_BYTES);
    assertEquals(
        DocumentRefusedException.TOO_LARGE,
        assertThrows(
                DocumentRefusedException.class,
                () -> limited.transferTo(java.io.OutputStream.nullOutputStream()))
            .messageKey());
    assertEquals(
        true,
        served[0] <= UploadChecks.DEFAULT_MAX_BYTES + 1,
        "read no more than the limit and one byte: " + served[0]);
  }
}
