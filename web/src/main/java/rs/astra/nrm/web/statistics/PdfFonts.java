package rs.astra.nrm.web.statistics;

import com.lowagie.text.FontFactory;

/**
 * The font of PDF exports. The PDF standard fonts have no Cyrillic and no č, ć, đ; OpenPDF ships
 * Liberation Sans (SIL Open Font License), which has both, and PrimeFaces' exporter embeds it when
 * the exporter's encoding is Identity-H.
 */
final class PdfFonts {

  /** The alias the font is registered under. */
  static final String ALIAS = "nrm-unicode-sans";

  /** Liberation Sans inside the OpenPDF jar. */
  static final String RESOURCE = "font-fallback/LiberationSans-Regular.ttf";

  private PdfFonts() {}

  /**
   * Registers the font once and names it.
   *
   * @return the name for {@code PDFOptions.setFontName}
   */
  static synchronized String unicodeFont() {
    if (!FontFactory.isRegistered(ALIAS)) {
      FontFactory.register(RESOURCE, ALIAS);
    }
    return ALIAS;
  }
}
