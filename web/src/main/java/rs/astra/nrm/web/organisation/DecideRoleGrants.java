package rs.astra.nrm.web.organisation;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import rs.astra.nrm.organisation.RoleGrantRow;
import rs.astra.nrm.organisation.RoleGrantService;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The second pair of eyes on the administrator's users page (issue 15): the requests that wait for
 * a second administrator, each approved or rejected by another administrator than the one who asked
 * (she may withdraw it). The list is kept for the view, so that a button acts on the row it was
 * shown on, and read again after every change.
 */
@Named
@ViewScoped
public class DecideRoleGrants implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private RoleGrantService grants;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private List<RoleGrantRow> pending;

  /**
   * @return the pending requests of every organisation, oldest first
   */
  public List<RoleGrantRow> getPending() {
    if (pending == null) {
      pending = grants.pending(user.viewer());
    }
    return pending;
  }

  /**
   * Approves a request: the user gets the role or the password.
   *
   * @param id the request
   * @param version the version listed
   */
  public void approve(long id, long version) {
    feedback.run(() -> grants.approve(user.viewer(), id, version), "grants.approved");
    refresh();
  }

  /**
   * Rejects a request: nothing changes for the user.
   *
   * @param id the request
   * @param version the version listed
   */
  public void reject(long id, long version) {
    feedback.run(() -> grants.reject(user.viewer(), id, version), "grants.rejected");
    refresh();
  }

  /**
   * Withdraws a request the administrator asked for herself.
   *
   * @param id the request
   * @param version the version listed
   */
  public void cancel(long id, long version) {
    feedback.run(() -> grants.cancel(user.viewer(), id, version), "grants.cancelled");
    refresh();
  }

  /** Reads the list again at the next rendering (after a request was made or decided). */
  public void refresh() {
    pending = null;
  }
}
