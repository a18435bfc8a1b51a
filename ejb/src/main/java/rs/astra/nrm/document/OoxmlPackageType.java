package rs.astra.nrm.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Tells a Word document (DOCX) from a workbook (XLSX) by the contents of an Office Open XML
 * package, as ECMA-376 Part 2 (Open Packaging Conventions) defines them: the package relationship
 * {@code officeDocument} in {@code _rels/.rels} names the main part, and {@code
 * [Content_Types].xml} gives that part's content type ({@code …wordprocessingml.document.main+xml}
 * or {@code …spreadsheetml.sheet.main+xml}). Templates, macro-enabled files, presentations and
 * anything else are neither.
 *
 * <p>Reads only the ZIP's central directory and these two small parts with the JDK's {@code
 * java.util.zip}, bounded against zip bombs: at most {@link #MAX_ENTRIES} entries and {@link
 * #MAX_PART_BYTES} inflated bytes per part. The XML is parsed with DTDs and external entities off.
 */
final class OoxmlPackageType {

  /** The DOCX media type (IANA). */
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /** The XLSX media type (IANA). */
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Most entries a package may have (a large real workbook has a few hundred). */
  static final int MAX_ENTRIES = 10_000;

  /** Most inflated bytes read of {@code [Content_Types].xml} or {@code _rels/.rels}. */
  static final int MAX_PART_BYTES = 1024 * 1024;

  // Lower case: content types compare case-insensitively (RFC 2045).
  private static final String DOCX_MAIN =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
  private static final String XLSX_MAIN =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

  /** Relationship type of the main part: transitional and strict (ECMA-376 Part 1, 15.2.12.1). */
  private static final String OFFICE_DOCUMENT_TRANSITIONAL =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

  private static final String OFFICE_DOCUMENT_STRICT =
      "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

  private OoxmlPackageType() {}

  /**
   * The type of an OOXML package from its main part.
   *
   * @param zip the package as a file (Tika's spooled copy of the upload)
   * @return {@link #DOCX} or {@link #XLSX}
   * @throws DocumentRefusedException {@link DocumentTypeDetector#NOT_ALLOWED} if it is not a
   *     readable ZIP, has too many entries or too large a part, lacks the main part's relationship
   *     or content type, or its main part is neither a Word document nor a workbook
   * @throws IOException if the file cannot be read
   */
  static String of(Path zip) throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      if (file.size() > MAX_ENTRIES) {
        throw refused("package has more than " + MAX_ENTRIES + " entries");
      }
      String mainPart = mainPartName(parse(part(file, "_rels/.rels")));
      String contentType = contentType(parse(part(file, "[Content_Types].xml")), mainPart);
      if (DOCX_MAIN.equals(contentType)) {
        return DOCX;
      }
      if (XLSX_MAIN.equals(contentType)) {
        return XLSX;
      }
      throw refused("package main part is neither a document nor a workbook");
    } catch (ZipException e) {
      throw refused("package is not a readable ZIP");
    }
  }

  private static byte[] part(ZipFile file, String name) throws IOException {
    ZipEntry entry = file.getEntry(name);
    if (entry == null) {
      throw refused("package lacks " + name);
    }
    try (InputStream in = file.getInputStream(entry)) {
      byte[] bytes = in.readNBytes(MAX_PART_BYTES + 1);
      if (bytes.length > MAX_PART_BYTES) {
        throw refused("package part " + name + " is too large");
      }
      return bytes;
    }
  }

  private static Document parse(byte[] xml) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXException e) {
      throw refused("package part is not well-formed XML");
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser refused a standard feature", e);
    }
  }

  /** The main part's name as in {@code [Content_Types].xml}, e.g. {@code /word/document.xml}. */
  private static String mainPartName(Document rels) {
    NodeList relationships = rels.getElementsByTagNameNS("*", "Relationship");
    for (int i = 0; i < relationships.getLength(); i++) {
      Element relationship = (Element) relationships.item(i);
      String type = relationship.getAttribute("Type");
      if ((type.equals(OFFICE_DOCUMENT_TRANSITIONAL) || type.equals(OFFICE_DOCUMENT_STRICT))
          && !"External".equals(relationship.getAttribute("TargetMode"))) {
        String target = relationship.getAttribute("Target");
        return target.startsWith("/") ? target : "/" + target;
      }
    }
    throw refused("package has no main part");
  }

  /** A part's content type: its Override, else the Default of its extension (OPC 10.1.2.2). */
  private static String contentType(Document types, String partName) {
    NodeList overrides = types.getElementsByTagNameNS("*", "Override");
    for (int i = 0; i < overrides.getLength(); i++) {
      Element override = (Element) overrides.item(i);
      // Part names compare case-insensitively (ECMA-376 Part 2, 9.1.1.1).
      if (override.getAttribute("PartName").equalsIgnoreCase(partName)) {
        return override.getAttribute("ContentType").strip().toLowerCase(Locale.ROOT);
      }
    }
    int dot = partName.lastIndexOf('.');
    String extension = dot < 0 ? "" : partName.substring(dot + 1);
    NodeList defaults = types.getElementsByTagNameNS("*", "Default");
    for (int i = 0; i < defaults.getLength(); i++) {
      Element fallback = (Element) defaults.item(i);
      if (fallback.getAttribute("Extension").equalsIgnoreCase(extension)) {
        return fallback.getAttribute("ContentType").strip().toLowerCase(Locale.ROOT);
      }
    }
    throw refused("package main part has no content type");
  }

  private static DocumentRefusedException refused(String detail) {
    return new DocumentRefusedException(DocumentTypeDetector.NOT_ALLOWED, detail);
  }
}
