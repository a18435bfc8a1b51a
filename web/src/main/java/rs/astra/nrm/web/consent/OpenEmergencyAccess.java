package rs.astra.nrm.web.consent;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import rs.astra.nrm.consent.BreakGlassService;
import rs.astra.nrm.consent.DataCategory;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The emergency-access (break-glass) dialog of the case page: open one hidden category for 4 hours
 * with a reason of at least 20 characters. The owning organisation sees every such access.
 */
@Named
@ViewScoped
public class OpenEmergencyAccess implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private BreakGlassService breakGlass;
  @Inject private ShowCase page;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private DataCategory category;
  private String reason;

  /** Opens the access and reloads the case so that the category shows. */
  public void open() {
    if (page.getCaseId() == null || category == null) {
      return;
    }
    if (feedback.run(() -> breakGlass.open(user.viewer(), page.getCaseId(), category, reason), "breakGlass.opened")) {
      reason = null;
    }
    page.load();
  }

  public DataCategory getCategory() {
    return category;
  }

  public void setCategory(DataCategory category) {
    this.category = category;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
