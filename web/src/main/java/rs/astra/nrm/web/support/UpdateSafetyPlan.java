package rs.astra.nrm.web.support;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.support.SafetyPlanService;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The safety plan on the case page (category SOCIAL): the current plan, and a form to draw it up or
 * revise it for those who may. The form starts from the plan shown and sends back its version; if
 * someone else saved in between, nothing is saved and the page shows her plan.
 */
@Named
@ViewScoped
public class UpdateSafetyPlan implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private SafetyPlanService safetyPlans;
  @Inject private SupportSections sections;
  @Inject private ShowCase page;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private long filledFrom = -1;

  private Long version;
  private String risks;
  private String measures;
  private String emergencyContacts;
  private LocalDate reviewOn;

  /**
   * @return the current plan, or {@code null} when there is none or SOCIAL is not readable
   */
  public rs.astra.nrm.support.SafetyPlanView getPlan() {
    rs.astra.nrm.support.SafetyPlanView plan = sections.view().safetyPlan();
    if (filledFrom != sections.loads()) {
      // The plan was read again: the form starts from it.
      filledFrom = sections.loads();
      version = plan == null ? null : plan.version();
      risks = plan == null ? null : plan.risks();
      measures = plan == null ? null : plan.measures();
      emergencyContacts = plan == null ? null : plan.emergencyContacts();
      reviewOn = plan == null ? null : plan.reviewOn();
    }
    return plan;
  }

  /**
   * @return whether the user may draw up the plan (none yet) or revise the one shown
   */
  public boolean isMayEdit() {
    rs.astra.nrm.support.SafetyPlanView current = getPlan();
    return sections.readable(DataCategory.SOCIAL)
        && (current == null ? sections.updatable(DataCategory.SOCIAL) : current.editable());
  }

  /**
   * Saves the form as the current plan. After a failure the plan shown (and its version) is the
   * current one, and the form keeps what the user wrote, so that after a conflict she compares the
   * two and saves again deliberately.
   */
  public void save() {
    boolean saved =
        feedback.run(
            () ->
                safetyPlans.saveSafetyPlan(
                    user.viewer(),
                    page.getCaseId(),
                    new rs.astra.nrm.support.SafetyPlanForm(
                        version, risks, measures, emergencyContacts, reviewOn)),
            "safetyPlan.saved");
    String[] written = {risks, measures, emergencyContacts};
    LocalDate writtenReview = reviewOn;
    sections.reset();
    page.load();
    if (!saved) {
      getPlan();
      risks = written[0];
      measures = written[1];
      emergencyContacts = written[2];
      reviewOn = writtenReview;
    }
  }

  public String getRisks() {
    return risks;
  }

  public void setRisks(String risks) {
    this.risks = risks;
  }

  public String getMeasures() {
    return measures;
  }

  public void setMeasures(String measures) {
    this.measures = measures;
  }

  public String getEmergencyContacts() {
    return emergencyContacts;
  }

  public void setEmergencyContacts(String emergencyContacts) {
    this.emergencyContacts = emergencyContacts;
  }

  public LocalDate getReviewOn() {
    return reviewOn;
  }

  public void setReviewOn(LocalDate reviewOn) {
    this.reviewOn = reviewOn;
  }
}
