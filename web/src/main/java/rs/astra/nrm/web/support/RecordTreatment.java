package rs.astra.nrm.web.support;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.shared.NrmTime;
import rs.astra.nrm.support.TreatmentRecordService;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The health institutions' treatment records on the case page (category HEALTH), and the form a
 * health institution permitted to change HEALTH records uses to add one.
 */
@Named
@ViewScoped
public class RecordTreatment implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private TreatmentRecordService treatmentRecords;
  @Inject private SupportSections sections;
  @Inject private ShowCase page;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private LocalDate treatedOn = NrmTime.today();
  private String treatment;
  private String note;

  /**
   * @return the treatment records the user may read, oldest first
   */
  public List<rs.astra.nrm.support.TreatmentRow> getRecords() {
    return sections.view().treatments();
  }

  /**
   * @return whether the user records treatments here: a health institution that may change HEALTH
   *     records
   */
  public boolean isMayRecord() {
    return user.viewer().organisationType().recordsTreatments()
        && sections.readable(DataCategory.HEALTH)
        && sections.updatable(DataCategory.HEALTH);
  }

  /** Records the treatment of the form. */
  public void record() {
    if (feedback.run(
        () ->
            treatmentRecords.recordTreatment(
                user.viewer(),
                page.getCaseId(),
                new rs.astra.nrm.support.NewTreatmentForm(treatedOn, treatment, note)),
        "treatment.recorded")) {
      treatment = null;
      note = null;
    }
    sections.reset();
    page.load();
  }

  public LocalDate getTreatedOn() {
    return treatedOn;
  }

  public void setTreatedOn(LocalDate treatedOn) {
    this.treatedOn = treatedOn;
  }

  public String getTreatment() {
    return treatment;
  }

  public void setTreatment(String treatment) {
    this.treatment = treatment;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
