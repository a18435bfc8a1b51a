package rs.astra.nrm.web.referral;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.referral.ReferralService;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * Sending a referral from the case page (owner only): choose the institution, purpose and the
 * categories it needs, and see at once what consent or legal basis covers them and what is missing.
 */
@Named
@ViewScoped
public class SendReferral implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ReferralService referrals;
  @Inject private ShowCase page;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private Long toOrganisationId;
  private Purpose purpose;
  private List<DataCategory> categories = new ArrayList<>();
  private String details;
  private ReferralService.Coverage coverage;

  /** Recomputes what covers the choice; called when a field of the dialog changes. */
  public void check() {
    coverage = null;
    if (page.getCaseId() == null || toOrganisationId == null || purpose == null) {
      return;
    }
    feedback.runQuietly(
        () ->
            coverage =
                referrals.coverage(
                    user.viewer(), page.getCaseId(), toOrganisationId, purpose, chosen()));
  }

  /** Sends the referral. */
  public void send() {
    if (page.getCaseId() == null) {
      return;
    }
    boolean ok =
        feedback.run(
            () ->
                referrals.send(
                    user.viewer(),
                    page.getCaseId(),
                    toOrganisationId == null ? -1 : toOrganisationId,
                    purpose,
                    chosen(),
                    details),
            "referral.sent");
    if (ok) {
      toOrganisationId = null;
      purpose = null;
      categories = new ArrayList<>();
      details = null;
      coverage = null;
    }
    page.load();
  }

  private EnumSet<DataCategory> chosen() {
    return categories.isEmpty() ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(categories);
  }

  /**
   * @return the coverage of the current choice, or {@code null} until institution and purpose are
   *     chosen
   */
  public ReferralService.Coverage getCoverage() {
    return coverage;
  }

  public Long getToOrganisationId() {
    return toOrganisationId;
  }

  public void setToOrganisationId(Long toOrganisationId) {
    this.toOrganisationId = toOrganisationId;
  }

  public Purpose getPurpose() {
    return purpose;
  }

  public void setPurpose(Purpose purpose) {
    this.purpose = purpose;
  }

  public List<DataCategory> getCategories() {
    return categories;
  }

  public void setCategories(List<DataCategory> categories) {
    this.categories = categories == null ? new ArrayList<>() : new ArrayList<>(categories);
  }

  public String getDetails() {
    return details;
  }

  public void setDetails(String details) {
    this.details = details;
  }
}
