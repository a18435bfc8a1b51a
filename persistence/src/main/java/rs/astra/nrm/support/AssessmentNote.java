package rs.astra.nrm.support;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;

/**
 * A centre for social work's assessment of the person's situation and needs (procena), with the
 * measures it recommends; data category SOCIAL. Only centres for social work record them (the
 * assessment is their task under the Law on Social Protection, Sl. glasnik RS 24/2011); each note
 * belongs to the centre that wrote it and is not changed afterwards.
 */
@Entity
@Table(name = "assessment_note")
public class AssessmentNote {

  /** Longest text of each field. */
  public static final int MAX_TEXT = 4000;

  @Id
  @SequenceGenerator(
      name = "assessment_note_seq",
      sequenceName = "assessment_note_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_note_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "case_file_id", nullable = false, updatable = false)
  private CaseFile caseFile;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
  private Organisation organisation;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "recorded_by_id", nullable = false, updatable = false)
  private PortalUser recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "assessed_on", nullable = false, updatable = false)
  private LocalDate assessedOn;

  @Column(name = "assessment", nullable = false, length = MAX_TEXT, updatable = false)
  private String text;

  @Column(name = "recommended_measures", length = MAX_TEXT, updatable = false)
  private String recommendedMeasures;

  /** For JPA only. */
  protected AssessmentNote() {}

  /**
   * Records an assessment.
   *
   * @param caseFile the case
   * @param by a professional of a centre for social work; her centre owns the note
   * @param assessedOn the day of the assessment
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
    if (!by.getOrganisation().getType().recordsAssessments()) {
      throw new IllegalArgumentException("only a centre for social work records an assessment");
    }
    if (text == null
        || text.isBlank()
        || text.length() > MAX_TEXT
        || (recommendedMeasures != null && recommendedMeasures.length() > MAX_TEXT)) {
      throw new IllegalArgumentException("text blank or too long");
    }
    this.caseFile = Objects.requireNonNull(caseFile, "caseFile");
    this.recordedBy = by;
    this.organisation = by.getOrganisation();
    this.assessedOn = Objects.requireNonNull(assessedOn, "assessedOn");
    this.text = text;
    this.recommendedMeasures = recommendedMeasures;
    this.recordedAt = Objects.requireNonNull(at, "at");
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the optimistic-lock version
   */
  public long getVersion() {
    return version;
  }

  /**
   * @return the case
   */
  public CaseFile getCaseFile() {
    return caseFile;
  }

  /**
   * @return the centre that wrote it
   */
  public Organisation getOrganisation() {
    return organisation;
  }

  /**
   * @return who wrote it
   */
  public PortalUser getRecordedBy() {
    return recordedBy;
  }

  /**
   * @return when it was recorded (UTC)
   */
  public Instant getRecordedAt() {
    return recordedAt;
  }

  /**
   * @return the day of the assessment
   */
  public LocalDate getAssessedOn() {
    return assessedOn;
  }

  /**
   * @return the assessment
   */
  public String getText() {
    return text;
  }

  /**
   * @return the recommended measures, or {@code null}
   */
  public String getRecommendedMeasures() {
    return recommendedMeasures;
  }
}
