package rs.astra.nrm.web.consent;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rs.astra.nrm.consent.EmergencyReviews;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The home page's review of emergency accesses (issue 18): for a coordinator the accesses to her
 * organisation's cases that wait for review (justified / not justified, with a note); for a data
 * protection officer those found not justified or not reviewed in time. Rows only; loaded once per
 * view and after each review.
 */
@Named
@ViewScoped
public class ReviewEmergencyAccesses implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private EmergencyReviews reviews;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private List<EmergencyReviews.ReviewLine> toReview;
  private List<EmergencyReviews.ReviewLine> forOfficer;
  private final Map<Long, String> notes = new HashMap<>();

  /**
   * @return the accesses waiting for the coordinator's review, oldest first
   */
  public List<EmergencyReviews.ReviewLine> getToReview() {
    if (toReview == null) {
      toReview = reviews.toReview(user.viewer());
    }
    return toReview;
  }

  /**
   * @return for a data protection officer: the accesses found not justified or not reviewed in time
   */
  public List<EmergencyReviews.ReviewLine> getForOfficer() {
    if (forOfficer == null) {
      forOfficer = reviews.forOfficer(user.viewer());
    }
    return forOfficer;
  }

  /**
   * @return whether the signed-in user reviews emergency accesses (a coordinator)
   */
  public boolean isReviewer() {
    return EmergencyReviews.reviews(user.viewer());
  }

  /**
   * @return whether the signed-in user is a data protection officer
   */
  public boolean isOfficer() {
    return EmergencyReviews.oversees(user.viewer());
  }

  /**
   * @return the note typed per access
   */
  public Map<Long, String> getNotes() {
    return notes;
  }

  /**
   * Records the review of an access.
   *
   * @param id the access
   * @param justified the outcome
   * @return the home page afresh after a review, or {@code null} to stay with the message
   */
  public String review(long id, boolean justified) {
    if (feedback.run(
        () -> reviews.review(user.viewer(), id, justified, notes.get(id)), "review.done")) {
      // A fresh page: the list of this view stays as it was drawn, so that a repeated post (Back
      // and resend, a double click, a replay) names the same access — already reviewed — and
      // never the one that moved up into its row.
      jakarta.faces.context.FacesContext.getCurrentInstance()
          .getExternalContext()
          .getFlash()
          .setKeepMessages(true);
      return "/app/home?faces-redirect=true";
    }
    return null;
  }
}
