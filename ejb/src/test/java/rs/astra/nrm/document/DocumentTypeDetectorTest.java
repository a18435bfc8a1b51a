package rs.astra.nrm.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/**
 * Type from the bytes and the allow-list (issue 17, "Bad files never get in"), with real generated
 * files.
 */
class DocumentTypeDetectorTest {

  private static String refusal(byte[] bytes, String name) {
    return assertThrows(
            DocumentRefusedException.class,
            () -> DocumentTypeDetector.detect(new ByteArrayInputStream(bytes), name))
        .messageKey();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void htmlRenamedPdfIsRefused() {
    assertEquals(
        DocumentTypeDetector.NOT_ALLOWED,
        refusal(
            ascii("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
            "Škola_izjava.pdf"));
  }

  @Test
  void aWindowsExecutableRenamedPdfIsRefused() {
    byte[] exe = new byte[512];
    System.arraycopy(ascii("MZ\u0090\u0000\u0003"), 0, exe, 0, 5);
    exe[0x3c] = (byte) 0x80;
    System.arraycopy(ascii("PE\u0000\u0000"), 0, exe, 0x80, 4);
    assertEquals(DocumentTypeDetector.NOT_ALLOWED, refusal(exe, "Žalba 100%.pdf"));
  }

  @Test
  void svgIsRefused() {
    assertEquals(
        DocumentTypeDetector.NOT_ALLOWED,
        refusal(
            ascii(
                "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
            "slika.png"));
  }

  @Test
  void aPlainZipIsRefusedEvenNamedDocx() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("a.txt"));
      z.write(ascii("hello"));
    }
    assertEquals(DocumentTypeDetector.NOT_ALLOWED, refusal(zip.toByteArray(), "izveštaj.docx"));
  }

  @Test
  void aRealDocxIsAcceptedAndNotUnderAPdfName() throws Exception {
    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    try (XWPFDocument d = new XWPFDocument()) {
      d.createParagraph().createRun().setText("Izjava");
      d.write(docx);
    }
    assertEquals(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentTypeDetector.detect(
            new ByteArrayInputStream(docx.toByteArray()), "Изјава_Ђорђе.docx"));
    assertEquals(
        DocumentTypeDetector.EXTENSION_MISMATCH, refusal(docx.toByteArray(), "Изјава_Ђорђе.pdf"));
  }

  @Test
  void aPdfIsAcceptedUnderItsNameOnly() throws Exception {
    byte[] pdf = ascii("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
    assertEquals(
        "application/pdf",
        DocumentTypeDetector.detect(new ByteArrayInputStream(pdf), "Žalba 100%.PDF"));
    assertEquals(DocumentTypeDetector.EXTENSION_MISMATCH, refusal(pdf, "Škola_izjava.txt"));
  }

  @Test
  void plainTextIsAccepted() throws Exception {
    assertEquals(
        "text/plain",
        DocumentTypeDetector.detect(
            new ByteArrayInputStream("Beleška o razgovoru.\n".getBytes(StandardCharsets.UTF_8)),
            "beleska.txt"));
  }
}
