package rs.astra.nrm.web.referral;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import rs.astra.nrm.referral.ReferralService;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The steps of a referral's lifecycle from a page (the case page or the inbox): accept, reject with
 * a reason, complete, revoke with a reason. Each passes the version the user saw, so a concurrent
 * change by a colleague is caught and explained instead of overwritten.
 */
@Named
@ViewScoped
public class AnswerReferral implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ReferralService referrals;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;
  @Inject private ShowCase page;

  private long referralId;
  private long version;
  // One field per dialog: both dialogs sit in the case page's form, and a full submit of one
  // would otherwise overwrite the reason typed there with the other's empty field.
  private String rejectReason;
  private String revokeReason;

  /**
   * Remembers which referral the reason dialog is for.
   *
   * @param id the referral
   * @param shownVersion the version shown
   */
  public void choose(long id, long shownVersion) {
    this.referralId = id;
    this.version = shownVersion;
    this.rejectReason = null;
    this.revokeReason = null;
  }

  /**
   * Accepts a referral.
   *
   * @param id the referral
   * @param shownVersion the version shown
   */
  public void accept(long id, long shownVersion) {
    feedback.run(() -> referrals.accept(user.viewer(), id, shownVersion), "referral.accepted");
    reloadCasePage();
  }

  /**
   * Completes a referral.
   *
   * @param id the referral
   * @param shownVersion the version shown
   */
  public void complete(long id, long shownVersion) {
    feedback.run(() -> referrals.complete(user.viewer(), id, shownVersion), "referral.completed");
    reloadCasePage();
  }

  /** Rejects the chosen referral with the typed reason. */
  public void reject() {
    String reason = rejectReason;
    feedback.run(
        () -> referrals.reject(user.viewer(), referralId, version, reason), "referral.rejected");
    reloadCasePage();
  }

  /** Revokes the chosen referral with the typed reason. */
  public void revoke() {
    String reason = revokeReason;
    feedback.run(
        () -> referrals.revoke(user.viewer(), referralId, version, reason), "referral.revoked");
    reloadCasePage();
  }

  /**
   * On the case page, loads the case again after a step (done or refused as a conflict), so that
   * its referral lines and every section show the referral as it is now; on the inbox, whose list
   * is read for each answer, nothing to do.
   */
  private void reloadCasePage() {
    if (page.getCase() != null) {
      page.load();
    }
  }

  public String getRejectReason() {
    return rejectReason;
  }

  public void setRejectReason(String rejectReason) {
    this.rejectReason = rejectReason;
  }

  public String getRevokeReason() {
    return revokeReason;
  }

  public void setRevokeReason(String revokeReason) {
    this.revokeReason = revokeReason;
  }
}
