package rs.astra.nrm.web.consent;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import rs.astra.nrm.consent.EmergencyApprovals;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The data protection officer's list, on her home page, of emergency accesses asked for beyond the
 * daily limit on her organisation's cases, with Approve and Reject (issue 15). Loaded once per view
 * and after each decision; shows the case code, who asks, the category and the reason only.
 */
@Named
@ViewScoped
public class DecideEmergencyRequests implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private EmergencyApprovals approvals;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private List<EmergencyApprovals.PendingRequest> pending;

  /**
   * @return whether the signed-in user decides such requests (a data protection officer)
   */
  public boolean isOfficer() {
    return user.viewer().role() == PortalRole.DPO;
  }

  /**
   * @return the pending requests, oldest first (none for other roles)
   */
  public List<EmergencyApprovals.PendingRequest> getPending() {
    if (pending == null) {
      pending = approvals.pending(user.viewer());
    }
    return pending;
  }

  /**
   * Approves a request: the emergency access opens for four hours.
   *
   * @param id the request
   * @param version the version shown
   * @return the home page afresh after the decision, or {@code null} to stay with the message
   */
  public String approve(long id, long version) {
    return freshPage(
        feedback.run(
            () -> approvals.approve(user.viewer(), id, version), "emergencyRequests.approved"));
  }

  /**
   * Rejects a request.
   *
   * @param id the request
   * @param version the version shown
   * @return the home page afresh after the decision, or {@code null} to stay with the message
   */
  public String reject(long id, long version) {
    return freshPage(
        feedback.run(
            () -> approvals.reject(user.viewer(), id, version), "emergencyRequests.rejected"));
  }

  /**
   * After a decision, a fresh home page; this view's list stays as it was drawn, so that a repeated
   * post (Back and resend, a double click, a replay) names the same request — already decided — and
   * never the one that moved up into its row.
   */
  private static String freshPage(boolean done) {
    if (!done) {
      return null;
    }
    jakarta.faces.context.FacesContext.getCurrentInstance()
        .getExternalContext()
        .getFlash()
        .setKeepMessages(true);
    return "/app/home?faces-redirect=true";
  }
}
