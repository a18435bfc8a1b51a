package rs.astra.nrm.web.hotline;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import rs.astra.nrm.hotline.RegistryService;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The hotline's part of the case page: the recruiter and employer the case names (the owner edits
 * them), the earlier job-offer checks of a flagged name, and the calls linked to the case. Nothing
 * shows unless the user may read the case's EXPLOITATION category.
 */
@Named
@ViewScoped
public class RecruitmentOnCase implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private RegistryService registry;
  @Inject private ShowCase showCase;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private boolean loaded;
  private RegistryService.CaseHotlineView view;
  private String recruiterName;
  private String employerName;

  /** @return the hotline's view of the case, or {@code null} when it is hidden from the user */
  public RegistryService.CaseHotlineView getView() {
    if (!loaded) {
      load();
    }
    return view;
  }

  private void load() {
    loaded = true;
    Long caseId = showCase.getCaseId();
    view = caseId == null ? null : registry.forCase(user.viewer(), caseId).orElse(null);
    recruiterName = view == null ? null : view.recruiterName();
    employerName = view == null ? null : view.employerName();
  }

  /** Saves the recruiter and employer; the earlier checks of a flagged name show at once. */
  public void save() {
    if (view != null
        && feedback.run(() -> registry.recordRecruitmentParties(user.viewer(), view.caseId(), view.caseVersion(), recruiterName, employerName), "hotline.case.saved")) {
      load();
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
