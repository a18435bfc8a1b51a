package rs.astra.nrm.web.casefile;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import rs.astra.nrm.rights.AccessReportService.ReportLine;
import rs.astra.nrm.shared.NrmTime;
import rs.astra.nrm.web.i18n.Messages;

/**
 * The data-subject access report (GDPR Art. 15; Law on Personal Data Protection, Sl. glasnik RS
 * 87/2018, Art. 26) as a PDF to hand to the person, in her language: Serbian Latin, Serbian
 * Cyrillic or English (issue 21). The lines are those {@code AccessReportService} prepared for the
 * viewer (preparing them is what the policy decides and records); this class only lays them out.
 * The font is Liberation Sans (from {@code openpdf-fonts-extra}), embedded, which has Latin and
 * Cyrillic glyphs. Times are shown as dd.MM.yyyy HH:mm:ss in Europe/Belgrade.
 */
public final class AccessReportPdf {

  private static final String FONT = "/liberation/LiberationSans-Regular.ttf";
  private static final String BOLD = "/liberation/LiberationSans-Bold.ttf";
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(NrmTime.ZONE);

  private AccessReportPdf() {}

  /**
   * Lays the report out.
   *
   * @param caseCode the case's code, shown in the heading (no personal data)
   * @param lines the report's lines as prepared for the viewer
   * @param languageTag {@code sr-Latn}, {@code sr-Cyrl} or {@code en}
   * @param preparedAt when it was prepared (UTC), shown in Europe/Belgrade
   * @return the PDF's bytes
   * @throws IllegalArgumentException for another language
   */
  public static byte[] render(
      String caseCode, List<ReportLine> lines, String languageTag, Instant preparedAt) {
    if (!rs.astra.nrm.web.i18n.LanguagePreference.SUPPORTED.contains(languageTag)) {
      throw new IllegalArgumentException("language " + languageTag);
    }
    ResourceBundle msg =
        ResourceBundle.getBundle(Messages.BUNDLE, Locale.forLanguageTag(languageTag));
    Font text = font(FONT, 8);
    Font heading = font(BOLD, 14);
    Font head = font(BOLD, 8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document pdf = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
    try {
      PdfWriter.getInstance(pdf, out);
      pdf.addTitle(msg.getString("report.title") + " — " + caseCode);
      pdf.open();
      pdf.add(new Paragraph(msg.getString("report.title") + " — " + caseCode, heading));
      pdf.add(new Paragraph(msg.getString("report.intro"), text));
      pdf.add(
          new Paragraph(
              msg.getString("report.pdf.prepared") + " " + WHEN.format(preparedAt), text));
      pdf.add(new Paragraph(" ", text));
      if (lines.isEmpty()) {
        pdf.add(new Paragraph(msg.getString("report.empty"), text));
      } else {
        PdfPTable table = new PdfPTable(new float[] {12, 14, 16, 10, 12, 8, 10, 18});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String key :
            List.of(
                "report.when",
                "report.who",
                "report.organisation",
                "referral.categories",
                "report.action",
                "report.decision",
                "report.channel",
                "report.basis")) {
          table.addCell(new PdfPCell(new Phrase(msg.getString(key), head)));
        }
        for (ReportLine l : lines) {
          cell(table, WHEN.format(l.at()), text);
          cell(table, l.user(), text);
          cell(table, l.organisation(), text);
          cell(table, label(msg, "category.", l.category()), text);
          cell(
              table,
              label(msg, "action.", l.action())
                  + (l.documentId() == null
                      ? ""
                      : " · " + msg.getString("report.document") + " " + l.documentId()),
              text);
          cell(table, msg.getString(l.permitted() ? "report.permitted" : "report.denied"), text);
          cell(
              table,
              label(msg, "report.channel.", l.channel())
                  + (l.client() == null ? "" : " · " + l.client()),
              text);
          String basis;
          if (l.permitted()) {
            basis =
                basisText(msg, l)
                    + (l.review() == null
                        ? ""
                        : " · "
                            + msg.getString("review.outcome")
                            + ": "
                            + label(msg, "review.", l.review()));
          } else {
            basis = basisText(msg, l);
          }
          cell(table, basis, text);
        }
        pdf.add(table);
      }
      pdf.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("the access report could not be laid out", e);
    }
    return out.toByteArray();
  }

  private static void cell(PdfPTable table, String value, Font font) {
    table.addCell(new PdfPCell(new Phrase(value == null ? "" : value, font)));
  }

  /**
   * The basis of one line of the report in words, as the page and the PDF show it: for a permit the
   * basis's label ({@code basis.<AccessBasis>}) followed by the consent or emergency-access number,
   * or by the label of the legal-basis rule ({@code legalBasis.<code>}, the codes of {@link
   * rs.astra.nrm.consent.LegalBasisTable}); for a refusal the reason's label ({@code
   * deny.<DenyReason>}).
   *
   * @param msg the bundle in the reader's language
   * @param l the line
   * @return the text; a code without a label is shown as it is (never an exception)
   */
  public static String basisText(ResourceBundle msg, ReportLine l) {
    if (!l.permitted()) {
      return l.basisRef() == null ? "" : label(msg, "deny.", l.basisRef());
    }
    String ref = l.basisRef();
    if (ref != null && l.basis() == rs.astra.nrm.consent.AccessBasis.LEGAL_BASIS) {
      ref = label(msg, "legalBasis.", ref);
    }
    return label(msg, "basis.", l.basis()) + (ref == null ? "" : " " + ref);
  }

  /** The bundle's label of a coded value, or the code itself when the bundle has none. */
  private static String label(ResourceBundle msg, String prefix, Object code) {
    if (code == null) {
      return "";
    }
    try {
      return msg.getString(prefix + code);
    } catch (MissingResourceException e) {
      return String.valueOf(code);
    }
  }

  private static Font font(String resource, float size) {
    try (InputStream in = AccessReportPdf.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font missing: " + resource);
      }
      byte[] ttf = in.readAllBytes();
      BaseFont base =
          BaseFont.createFont(
              resource.substring(resource.lastIndexOf('/') + 1),
              BaseFont.IDENTITY_H,
              BaseFont.EMBEDDED,
              true,
              ttf,
              null);
      return new Font(base, size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DocumentException e) {
      throw new IllegalStateException(e);
    }
  }
}
