package rs.astra.nrm.web.casefile;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import rs.astra.nrm.consent.AccessDeniedException;
import rs.astra.nrm.rights.AccessReportService;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The data-subject access report of one case (GDPR Art. 15): every look at the person's data, by
 * whom, when and on what basis, for the owning organisation to hand to her.
 */
@Named
@ViewScoped
public class ShowAccessReport implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AccessReportService reports;
  @Inject private rs.astra.nrm.casefile.CaseCorrectionService corrections;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;
  @Inject private rs.astra.nrm.web.i18n.LanguagePreference language;
  @Inject private rs.astra.nrm.web.i18n.Dates dates;

  private String id;
  private String limitedUntil;
  private List<AccessReportService.ReportLine> lines;
  private List<rs.astra.nrm.casefile.CorrectionLine> correctionLog = List.of();

  /**
   * Loads the report, and the change log of corrections, of the case named by the {@code id} view
   * parameter.
   */
  public void load() {
    prepare(true);
  }

  /**
   * Prepares the report (recorded by the service, as every preparation is).
   *
   * @param withCorrectionLog whether the change log of corrections is read too (the page shows it;
   *     the PDF does not, and its reads are audited)
   */
  private void prepare(boolean withCorrectionLog) {
    lines = null;
    limitedUntil = null;
    if (id == null || !id.matches("\\d{1,18}")) {
      return;
    }
    feedback.runQuietly(
        () -> {
          try {
            AccessReportService.AccessReport report =
                reports.report(user.viewer(), Long.parseLong(id));
            lines = report.lines();
            limitedUntil =
                report.limitedUntil() == null ? null : dates.dayOf(report.limitedUntil());
            if (withCorrectionLog) {
              correctionLog = corrections.history(user.viewer(), Long.parseLong(id));
            }
          } catch (AccessDeniedException e) {
            // A case the viewer may not report on answers exactly as a missing one, so that case
            // numbers cannot be probed; the refusal itself is recorded by the service.
            throw new InvalidRequestException("case.notFound");
          }
        });
  }

  /**
   * Sends the report as a PDF in the person's language (issue 21), to hand over: prepared anew for
   * this download (and so recorded again, as every preparation is).
   *
   * @param languageTag {@code sr-Latn}, {@code sr-Cyrl} or {@code en}
   * @throws java.io.IOException if the answer cannot be written
   */
  public void downloadPdf(String languageTag) throws java.io.IOException {
    if (!rs.astra.nrm.web.i18n.LanguagePreference.SUPPORTED.contains(languageTag)) {
      return;
    }
    prepare(false);
    if (lines == null) {
      return;
    }
    long caseId = Long.parseLong(id);
    String code = reports.caseCode(caseId);
    byte[] pdf = AccessReportPdf.render(code, lines, languageTag, java.time.Instant.now());
    jakarta.faces.context.FacesContext faces =
        jakarta.faces.context.FacesContext.getCurrentInstance();
    jakarta.faces.context.ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType("application/pdf");
    external.setResponseContentLength(pdf.length);
    external.setResponseHeader(
        "Content-Disposition",
        "attachment; filename=\"access-report-"
            + (code.isEmpty() ? String.valueOf(caseId) : code)
            + "-"
            + languageTag
            + ".pdf\"");
    external.setResponseHeader("Cache-Control", "no-store");
    external.getResponseOutputStream().write(pdf);
    faces.responseComplete();
  }

  /**
   * The basis of a line in the user's language ({@link AccessReportPdf#basisText}): the legal-basis
   * rule by its label, never by its code.
   *
   * @param line a line of the report
   * @return the text
   */
  public String basisText(AccessReportService.ReportLine line) {
    return AccessReportPdf.basisText(
        java.util.ResourceBundle.getBundle(
            rs.astra.nrm.web.i18n.Messages.BUNDLE, language.getLocale()),
        line);
  }

  /**
   * @return for the data protection officer of an organisation that handed the case over, the day
   *     the report ends (the handover, {@code dd.MM.yyyy}, Europe/Belgrade); otherwise {@code null}
   */
  public String getLimitedUntil() {
    return limitedUntil;
  }

  /**
   * @return the report's lines, or {@code null} when it could not be shown
   */
  public List<AccessReportService.ReportLine> getLines() {
    return lines;
  }

  /**
   * @return the case's change log of corrections (GDPR Art. 16) as the viewer may see it: values
   *     for the owner's staff, none for the data protection officer
   */
  public List<rs.astra.nrm.casefile.CorrectionLine> getCorrectionLog() {
    return correctionLog;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
