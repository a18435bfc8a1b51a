package rs.astra.nrm.web.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessBasis;
import rs.astra.nrm.rights.AccessReportService.ReportLine;
import rs.astra.nrm.web.i18n.Messages;

/** The access report as a PDF in the person's language (GDPR Art. 15; issue 21). */
class AccessReportPdfTest {

  private static final Instant AT = Instant.parse("2026-12-06T10:15:30Z");

  private static final List<ReportLine> LINES =
      List.of(
          new ReportLine(
              AT,
              "Ана Ђорђевић",
              "Centar za socijalni rad Beograd",
              DataCategory.IDENTITY,
              AccessAction.READ,
              true,
              AccessBasis.CONSENT,
              "17",
              null,
              null,
              "WEB",
              null),
          new ReportLine(
              AT.plusSeconds(60),
              "police-registry",
              "Uprava granične policije",
              DataCategory.HEALTH,
              AccessAction.READ,
              false,
              AccessBasis.NONE,
              null,
              null,
              null,
              "API",
              "police-registry"));

  private static String text(byte[] pdf) throws Exception {
    PdfReader reader = new PdfReader(pdf);
    try {
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      StringBuilder all = new StringBuilder();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        all.append(extractor.getTextFromPage(page)).append('\n');
      }
      // Word spacing in extracted PDF text is not the document's: compare without blanks.
      return all.toString().replaceAll("\\s+", "");
    } finally {
      reader.close();
    }
  }

  private static String label(String tag, String key) {
    return ResourceBundle.getBundle(Messages.BUNDLE, Locale.forLanguageTag(tag))
        .getString(key)
        .replaceAll("\\s+", "");
  }

  @Test
  void inCyrillicTheHeadingLabelsAndNamesAreTextNotMissingGlyphs() throws Exception {
    byte[] pdf = AccessReportPdf.render("NRM-2026-K7QX-M4P2", LINES, "sr-Cyrl", AT);
    assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
    String text = text(pdf);
    assertTrue(text.contains(label("sr-Cyrl", "report.title")), text);
    assertTrue(text.contains("NRM-2026-K7QX-M4P2"), text);
    assertTrue(text.contains(label("sr-Cyrl", "category.IDENTITY")), text);
    assertTrue(text.contains("АнаЂорђевић"), "a Cyrillic name survives: " + text);
    assertTrue(text.contains("Upravagraničnepolicije"), "Latin with diacritics too: " + text);
    // 10:15:30 UTC is 11:15:30 in Belgrade in December.
    assertTrue(text.contains("06.12.202611:15:30"), text);
  }

  @Test
  void eachLanguageUsesItsOwnTexts() throws Exception {
    for (String tag : List.of("sr-Latn", "en")) {
      String text = text(AccessReportPdf.render("NRM-1", LINES, tag, AT));
      assertTrue(text.contains(label(tag, "report.title")), tag + ": " + text);
      assertTrue(text.contains(label(tag, "report.denied")), tag + ": " + text);
    }
    assertThrows(
        IllegalArgumentException.class, () -> AccessReportPdf.render("NRM-1", LINES, "de", AT));
  }

  @Test
  void anEmptyReportSaysSo() throws Exception {
    String text = text(AccessReportPdf.render("NRM-1", List.of(), "sr-Latn", AT));
    assertTrue(text.contains(label("sr-Latn", "report.empty")), text);
    assertEquals(-1, text.indexOf(label("sr-Latn", "report.decision")), "no table without lines");
  }

  @Test
  void aLegalBasisIsNamedInWordsInEveryLanguageNeverByItsCode() {
    for (String tag : List.of("sr-Latn", "sr-Cyrl", "en")) {
      ResourceBundle msg = ResourceBundle.getBundle(Messages.BUNDLE, Locale.forLanguageTag(tag));
      for (rs.astra.nrm.consent.LegalBasisTable.Rule r :
          rs.astra.nrm.consent.LegalBasisTable.RULES) {
        ReportLine line =
            new ReportLine(
                AT,
                "user",
                "Policija",
                DataCategory.LEGAL_PROCEEDINGS,
                AccessAction.READ,
                true,
                AccessBasis.LEGAL_BASIS,
                r.code(),
                null,
                null,
                "WEB",
                null);
        String text = AccessReportPdf.basisText(msg, line);
        assertEquals(
            msg.getString("basis.LEGAL_BASIS") + " " + msg.getString("legalBasis." + r.code()),
            text,
            tag);
        assertTrue(!text.contains(r.code()), tag + ": " + text);
      }
      ReportLine consent = LINES.get(0);
      assertEquals(msg.getString("basis.CONSENT") + " 17", AccessReportPdf.basisText(msg, consent));
    }
  }
}
