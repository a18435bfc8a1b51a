package rs.astra.nrm.web.support;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.shared.NrmTime;
import rs.astra.nrm.support.AssessmentNoteService;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The centres for social work's assessments on the case page (category SOCIAL), and the form a
 * centre for social work permitted to change SOCIAL records uses to add one.
 */
@Named
@ViewScoped
public class RecordAssessment implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AssessmentNoteService assessmentNotes;
  @Inject private SupportSections sections;
  @Inject private ShowCase page;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private LocalDate assessedOn = NrmTime.today();
  private String text;
  private String recommendedMeasures;

  /**
   * @return the assessments the user may read, oldest first
   */
  public List<rs.astra.nrm.support.AssessmentRow> getNotes() {
    return sections.view().assessments();
  }

  /**
   * @return whether the user records assessments here: a centre for social work that may change
   *     SOCIAL records
   */
  public boolean isMayRecord() {
    return user.viewer().organisationType().recordsAssessments()
        && sections.readable(DataCategory.SOCIAL)
        && sections.updatable(DataCategory.SOCIAL);
  }

  /** Records the assessment of the form. */
  public void record() {
    if (feedback.run(
        () ->
            assessmentNotes.recordAssessment(
                user.viewer(),
                page.getCaseId(),
                new rs.astra.nrm.support.NewAssessmentForm(assessedOn, text, recommendedMeasures)),
        "assessment.recorded")) {
      text = null;
      recommendedMeasures = null;
    }
    sections.reset();
    page.load();
  }

  public LocalDate getAssessedOn() {
    return assessedOn;
  }

  public void setAssessedOn(LocalDate assessedOn) {
    this.assessedOn = assessedOn;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getRecommendedMeasures() {
    return recommendedMeasures;
  }

  public void setRecommendedMeasures(String recommendedMeasures) {
    this.recommendedMeasures = recommendedMeasures;
  }
}
