package rs.astra.nrm.web.support;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import rs.astra.nrm.shared.NrmTime;
import rs.astra.nrm.support.InstitutionRecordForm;
import rs.astra.nrm.support.InstitutionRecordKind;
import rs.astra.nrm.support.InstitutionRecordRow;
import rs.astra.nrm.support.InstitutionRecordService;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The institutions' records on the case page, one section per {@link InstitutionRecordKind kind}:
 * the centres for social work's assessments (category SOCIAL) and the health institutions'
 * treatment records (category HEALTH, GDPR Art. 9), and for each the form with which an institution
 * of the kind's organisation type, permitted to change the category's records, adds one. The pages
 * name the kind by its name, e.g. {@code #{institutionRecords.rows('ASSESSMENT')}}.
 */
@Named
@ViewScoped
public class InstitutionRecords implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private InstitutionRecordService records;
  @Inject private SupportSections sections;
  @Inject private ShowCase page;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private final Map<InstitutionRecordKind, Draft> drafts =
      new EnumMap<>(InstitutionRecordKind.class);

  /** Starts each kind's form on today (Europe/Belgrade). */
  public InstitutionRecords() {
    for (InstitutionRecordKind kind : InstitutionRecordKind.values()) {
      drafts.put(kind, new Draft());
    }
  }

  /**
   * @param kind {@code ASSESSMENT} or {@code TREATMENT}
   * @return the records of the kind the user may read, oldest first (empty unless the page may show
   *     the kind's category)
   */
  public List<InstitutionRecordRow> rows(String kind) {
    return sections.view().records(InstitutionRecordKind.valueOf(kind));
  }

  /**
   * @param kind {@code ASSESSMENT} or {@code TREATMENT}
   * @return whether the user records the kind here: her organisation type writes it (a centre for
   *     social work an assessment, a health institution a treatment) and she may read and change
   *     records of its category
   */
  public boolean mayRecord(String kind) {
    InstitutionRecordKind k = InstitutionRecordKind.valueOf(kind);
    return k.recordedBy(user.viewer().organisationType())
        && sections.readable(k.category())
        && sections.updatable(k.category());
  }

  /**
   * @param kind {@code ASSESSMENT} or {@code TREATMENT}
   * @return the kind's form, kept for the view
   */
  public Draft form(String kind) {
    return drafts.get(InstitutionRecordKind.valueOf(kind));
  }

  /**
   * Records the kind's form, shows {@code assessment.recorded} or {@code treatment.recorded} (or
   * the error) and empties its texts on success.
   *
   * @param kind {@code ASSESSMENT} or {@code TREATMENT}
   */
  public void record(String kind) {
    InstitutionRecordKind k = InstitutionRecordKind.valueOf(kind);
    Draft d = drafts.get(k);
    if (feedback.run(
        () ->
            records.record(
                k,
                user.viewer(),
                page.getCaseId(),
                new InstitutionRecordForm(d.day, d.text, d.note)),
        switch (k) {
          case ASSESSMENT -> "assessment.recorded";
          case TREATMENT -> "treatment.recorded";
        })) {
      d.text = null;
      d.note = null;
    }
    sections.reset();
    page.load();
  }

  /**
   * What the user typed into one kind's form: the day (Europe/Belgrade, today to begin with), the
   * text (the assessment, or the treatment given) and the note (the recommended measures, or a
   * treatment's note).
   */
  public static final class Draft implements Serializable {

    private static final long serialVersionUID = 1L;

    private LocalDate day = NrmTime.today();
    private String text;
    private String note;

    /**
     * @return the day of the assessment or treatment
     */
    public LocalDate getDay() {
      return day;
    }

    /**
     * @param day the day of the assessment or treatment
     */
    public void setDay(LocalDate day) {
      this.day = day;
    }

    /**
     * @return the assessment, or the treatment given
     */
    public String getText() {
      return text;
    }

    /**
     * @param text the assessment, or the treatment given
     */
    public void setText(String text) {
      this.text = text;
    }

    /**
     * @return the recommended measures, or the treatment's note
     */
    public String getNote() {
      return note;
    }

    /**
     * @param note the recommended measures, or the treatment's note
     */
    public void setNote(String note) {
      this.note = note;
    }
  }
}
