package rs.astra.nrm.support;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalUser;

/**
 * A centre for social work's assessment of the person's situation and needs (procena), with the
 * measures it recommends; data category SOCIAL. Only centres for social work record them (the
 * assessment is their task under the Law on Social Protection, Sl. glasnik RS 24/2011); each note
 * belongs to the centre that wrote it and is not changed afterwards. Its {@link #getDay() day} is
 * the day of the assessment (column {@code assessed_on}), its {@link #getText() text} the
 * assessment, its {@link #getNote() note} the recommended measures.
 */
@Entity
@Table(name = "assessment_note")
@AttributeOverride(name = "day", column = @Column(name = "assessed_on", updatable = false))
@AttributeOverride(name = "text", column = @Column(name = "assessment", updatable = false))
@AttributeOverride(
    name = "note",
    column = @Column(name = "recommended_measures", updatable = false))
public class AssessmentNote extends InstitutionRecord {

  @Id
  @SequenceGenerator(
      name = "assessment_note_seq",
      sequenceName = "assessment_note_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_note_seq")
  private Long id;

  /** For JPA only. */
  protected AssessmentNote() {}

  /**
   * Records an assessment.
   *
   * @param caseFile the case
   * @param by a professional of a centre for social work; her centre owns the note
   * @param assessedOn the day of the assessment (Europe/Belgrade)
   * @param text the assessment, not blank, up to {@value #MAX_TEXT} characters
   * @param recommendedMeasures the measures recommended, may be {@code null}, up to {@value
   *     #MAX_TEXT} characters
   * @param at when it is recorded (UTC)
   * @throws IllegalArgumentException when the author's organisation is not a centre for social
   *     work, the text is blank or a text is too long
   */
  public AssessmentNote(
      CaseFile caseFile,
      PortalUser by,
      LocalDate assessedOn,
      String text,
      String recommendedMeasures,
      Instant at) {
    super(
        caseFile,
        by,
        OrganisationType::recordsAssessments,
        "only a centre for social work records an assessment",
        assessedOn,
        text,
        recommendedMeasures,
        at);
  }

  /**
   * @return the id, {@code null} until persisted
   */
  @Override
  public Long getId() {
    return id;
  }
}
