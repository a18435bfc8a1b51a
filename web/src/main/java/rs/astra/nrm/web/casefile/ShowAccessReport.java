package rs.astra.nrm.web.casefile;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import rs.astra.nrm.audit.AccessReportService;
import rs.astra.nrm.consent.AccessDeniedException;
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
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private String id;
  private List<AccessReportService.ReportLine> lines;

  /** Loads the report for the case named by the {@code id} view parameter. */
  public void load() {
    lines = null;
    if (id == null || !id.matches("\\d{1,18}")) {
      return;
    }
    feedback.runQuietly(
        () -> {
          try {
            lines = reports.reportForCase(user.viewer(), Long.parseLong(id));
          } catch (AccessDeniedException e) {
            // A case the viewer may not report on answers exactly as a missing one, so that case
            // numbers cannot be probed; the refusal itself is recorded by the service.
            throw new InvalidRequestException("case.notFound");
          }
        });
  }

  /**
   * @return the report's lines, or {@code null} when it could not be shown
   */
  public List<AccessReportService.ReportLine> getLines() {
    return lines;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
