package rs.astra.nrm.web.statistics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * PDF exports can show Serbian Cyrillic and Latin letters: the registered font has their glyphs.
 */
class PdfFontsTest {

  @Test
  void theExportFontHasSerbianCyrillicAndLatinLetters() throws Exception {
    Font font = FontFactory.getFont(PdfFonts.unicodeFont(), "Identity-H", true);
    BaseFont base = font.getBaseFont();
    for (char c : "ЉЊЏђжшčćđžš".toCharArray()) {
      assertTrue(base.charExists(c), "glyph for " + c);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document();
    PdfWriter.getInstance(document, out);
    document.open();
    document.add(new Paragraph("Идентификоване жртве — identifikovane žrtve", font));
    document.close();
    assertTrue(
        new String(out.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains("LiberationSans"),
        "the font is embedded");
  }
}
