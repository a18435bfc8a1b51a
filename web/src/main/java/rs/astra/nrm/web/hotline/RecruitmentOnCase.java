package rs.astra.nrm.web.hotline;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import rs.astra.nrm.casefile.CaseView;
import rs.astra.nrm.hotline.RegistryService;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The hotline's part of the case page: the recruiter and employer the case names (from the case
 * view; the owner edits them), the earlier job-offer checks of a name the hotline flagged, and the
 * calls linked to the case. Nothing shows unless the user may read the case's EXPLOITATION
 * category.
 */
@Named
@ViewScoped
public class RecruitmentOnCase implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private RegistryService registry;
  @Inject private ShowCase showCase;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  /**
   * The page's load that the view was read for: {@code null} before the first read, and while no
   * case is shown (then there is nothing to read).
   */
  private ShowCase.Loaded readFor;

  private long shownVersion;
  private RegistryService.CaseHotlineView view;
  private String recruiterName;
  private String employerName;

  /**
   * @return the hotline's records about the case, or {@code null} when they are hidden from the
   *     user
   */
  public RegistryService.CaseHotlineView getView() {
    // Read again when the page loaded the case again after a change made on it (a correction of
    // the names, a merge): the form never offers the names from before it for saving.
    if (!java.util.Objects.equals(showCase.getLoaded(), readFor)) {
      load();
    }
    return view;
  }

  private void load() {
    readFor = showCase.getLoaded();
    CaseView c = showCase.getCase();
    shownVersion = c == null ? 0 : c.version();
    view =
        c == null || c.exploitation() == null
            ? null
            // The names the case's view carries, read in this request: not read again.
            : registry
                .forCase(
                    user.viewer(),
                    c.id(),
                    c.exploitation().recruiterName(),
                    c.exploitation().employerName())
                .orElse(null);
    recruiterName = c == null || c.exploitation() == null ? null : c.exploitation().recruiterName();
    employerName = c == null || c.exploitation() == null ? null : c.exploitation().employerName();
  }

  /**
   * @return whether the user may change the names: the owning organisation's case workers
   */
  public boolean isMayEdit() {
    CaseView c = showCase.getCase();
    return c != null && c.owned() && user.isReadsCaseData();
  }

  /**
   * Saves the recruiter and employer under the case version they were shown with; the earlier
   * checks of a flagged name show at once. After a conflict the section shows the current names.
   */
  public void save() {
    CaseView c = showCase.getCase();
    if (c == null) {
      return;
    }
    // The version of the case the names were shown with: a change since (by a colleague, or by a
    // correction on this page) is a conflict, never overwritten.
    long version = shownVersion;
    String recruiter = recruiterName;
    String employer = employerName;
    boolean saved =
        feedback.run(
            () ->
                registry.recordRecruitmentParties(
                    user.viewer(), c.id(), version, recruiter, employer),
            "hotline.case.saved");
    showCase.load();
    load();
    if (!saved && showCase.getCase() != null && showCase.getCase().version() == version) {
      // Refused for what she typed (e.g. too long): she keeps it to mend. After a conflict the
      // section shows the names as they are now, as the message says.
      recruiterName = recruiter;
      employerName = employer;
    }
  }

  public String getRecruiterName() {
    return recruiterName;
  }

  public void setRecruiterName(String recruiterName) {
    this.recruiterName = recruiterName;
  }

  public String getEmployerName() {
    return employerName;
  }

  public void setEmployerName(String employerName) {
    this.employerName = employerName;
  }
}
