package rs.astra.nrm.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private static byte[] docx() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XWPFDocument d = new XWPFDocument()) {
      d.createParagraph().createRun().setText("Izjava");
      d.write(out);
    }
    return out.toByteArray();
  }

  private static byte[] xlsx() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook w = new XSSFWorkbook()) {
      w.createSheet("Troškovi").createRow(0).createCell(0).setCellValue("Smeštaj");
      w.write(out);
    }
    return out.toByteArray();
  }

  @Test
  void aRealXlsxIsAcceptedByItsBytes() throws Exception {
    assertEquals(
        XLSX, DocumentTypeDetector.detect(new ByteArrayInputStream(xlsx()), "Troškovi 2026.XLSX"));
  }

  @Test
  void aDocxNamedXlsxIsRefused() throws Exception {
    assertEquals(DocumentTypeDetector.EXTENSION_MISMATCH, refusal(docx(), "Izjava.xlsx"));
  }

  @Test
  void anXlsxNamedDocxIsRefused() throws Exception {
    assertEquals(DocumentTypeDetector.EXTENSION_MISMATCH, refusal(xlsx(), "Troškovi.docx"));
  }

  @Test
  void aPresentationNamedDocxIsRefusedAsNotAllowed() throws Exception {
    ByteArrayOutputStream pptx = new ByteArrayOutputStream();
    try (XMLSlideShow show = new XMLSlideShow()) {
      show.createSlide();
      show.write(pptx);
    }
    assertEquals(DocumentTypeDetector.NOT_ALLOWED, refusal(pptx.toByteArray(), "izjava.docx"));
  }

  /** An OOXML-looking package: the two parts that name the main part, plus a dummy main part. */
  private static byte[] package_(String contentTypes, String rels) throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("[Content_Types].xml"));
      z.write(contentTypes.getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("_rels/.rels"));
      z.write(rels.getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("word/document.xml"));
      z.write(ascii("<w:document xmlns:w=\"urn:x\"/>"));
    }
    return zip.toByteArray();
  }

  private static final String RELS =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
          + "2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

  private static final String DOCX_TYPES =
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
          + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

  @Test
  void aHandBuiltPackageIsJudgedByItsMainPart() throws Exception {
    assertEquals(
        DOCX,
        DocumentTypeDetector.detect(
            new ByteArrayInputStream(package_(DOCX_TYPES, RELS)), "izjava.docx"));
  }

  @Test
  void anOversizedContentTypesPartIsRefused() throws Exception {
    String padded = DOCX_TYPES.replace("</Types>", " ".repeat(2 * 1024 * 1024) + "</Types>");
    assertEquals(DocumentTypeDetector.NOT_ALLOWED, refusal(package_(padded, RELS), "izjava.docx"));
  }

  @Test
  void aContentTypesPartWithADoctypeIsRefused() throws Exception {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE Types [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + DOCX_TYPES;
    assertEquals(DocumentTypeDetector.NOT_ALLOWED, refusal(package_(xxe, RELS), "izjava.docx"));
  }

  @Test
  void aMacroEnabledDocumentIsRefused() throws Exception {
    String docm =
        DOCX_TYPES.replace(
            "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "vnd.ms-word.document.macroEnabled.main+xml");
    assertEquals(DocumentTypeDetector.NOT_ALLOWED, refusal(package_(docm, RELS), "izjava.docx"));
  }

  @Test
  void aRealDocxIsAcceptedAndNotUnderAPdfName() throws Exception {
    assertEquals(
        DOCX, DocumentTypeDetector.detect(new ByteArrayInputStream(docx()), "Изјава_Ђорђе.docx"));
    assertEquals(DocumentTypeDetector.EXTENSION_MISMATCH, refusal(docx(), "Изјава_Ђорђе.pdf"));
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
