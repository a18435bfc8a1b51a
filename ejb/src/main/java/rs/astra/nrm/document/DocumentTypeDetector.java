package rs.astra.nrm.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * The type of an uploaded file, detected from its bytes with Apache Tika's detector — never from
 * the name or the browser's header — and checked against the allow-list of issue 17 ("Bad files
 * never get in"): PDF, JPEG, PNG, TIFF, WebP, DOCX, XLSX, ODT, ODS, plain text. HTML, SVG, scripts,
 * executables and archives are refused whatever their name; so is a name whose extension is not one
 * of the detected type's.
 *
 * <p>DOCX and XLSX: tika-core with tika-parser-zip-commons detects both only as {@code
 * application/x-tika-ooxml} (an Office Open XML package, not a plain ZIP, which is refused). Which
 * of the two it is, is then read from the package itself by {@link OoxmlPackageType} (the main
 * part's content type, ECMA-376 Part 2), not taken from the extension; Tika's own OPC detector
 * would need tika-parser-microsoft-module with its many parser dependencies.
 */
public final class DocumentTypeDetector {

  /** The file is not of an allowed type (or is HTML, SVG, a script, an executable, an archive). */
  public static final String NOT_ALLOWED = "document.refused.type";

  /** The name's extension contradicts the type detected from the bytes. */
  public static final String EXTENSION_MISMATCH = "document.refused.extension";

  private static final String OOXML = "application/x-tika-ooxml";

  /** Detected type → the extensions a file of that type may carry (lower case, without dot). */
  private static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("application/pdf", Set.of("pdf")),
          Map.entry("image/jpeg", Set.of("jpg", "jpeg")),
          Map.entry("image/png", Set.of("png")),
          Map.entry("image/tiff", Set.of("tif", "tiff")),
          Map.entry("image/webp", Set.of("webp")),
          Map.entry(OoxmlPackageType.DOCX, Set.of("docx")),
          Map.entry(OoxmlPackageType.XLSX, Set.of("xlsx")),
          Map.entry("application/vnd.oasis.opendocument.text", Set.of("odt")),
          Map.entry("application/vnd.oasis.opendocument.spreadsheet", Set.of("ods")),
          Map.entry("text/plain", Set.of("txt")));

  private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

  private DocumentTypeDetector() {}

  /**
   * Detects the type of a file and checks it against the allow-list and its name.
   *
   * @param content the file's bytes from the start; consumed and closed (Tika reads the head, and
   *     spools a ZIP container to a temporary file to look inside): pass a stream over the spooled
   *     upload and store from a second one
   * @param fileName the original name, whose extension must be one of the detected type's
   * @return the media type to store, e.g. {@code application/pdf}; for an OOXML package the DOCX or
   *     XLSX type read from its main part
   * @throws DocumentRefusedException {@link #NOT_ALLOWED} (also for an OOXML package that is
   *     neither a Word document nor a workbook, e.g. a presentation, a macro-enabled file or a
   *     broken or oversized package) or {@link #EXTENSION_MISMATCH} (also for a DOCX named {@code
   *     .xlsx} and the reverse)
   * @throws IOException if the stream cannot be read
   */
  public static String detect(InputStream content, String fileName) throws IOException {
    String type;
    try (TikaInputStream tis = TikaInputStream.get(content)) {
      type = DETECTOR.detect(tis, new Metadata()).getBaseType().toString();
      if (OOXML.equals(type)
          || type.equals(OoxmlPackageType.DOCX)
          || type.equals(OoxmlPackageType.XLSX)) {
        type = OoxmlPackageType.of(tis.getPath());
      }
    }
    Set<String> extensions = ALLOWED.get(type);
    if (extensions == null) {
      throw new DocumentRefusedException(NOT_ALLOWED, "type not allowed: " + type);
    }
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!extensions.contains(extension)) {
      throw new DocumentRefusedException(EXTENSION_MISMATCH, "extension does not match " + type);
    }
    return type;
  }
}
