package rs.astra.nrm.support;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Predicate;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalUser;

/**
 * What an institution's record on a case holds, whichever institution writes it: the case, the
 * organisation that owns the record, its author, when it was recorded, the day it speaks of, a
 * required text and an optional note. Written once and never changed. Each kind is an entity of its
 * own with its own table and column names ({@link AssessmentNote}: a centre for social work's
 * assessment, SOCIAL; {@link TreatmentRecord}: a health institution's treatment, HEALTH, GDPR Art.
 * 9); the kind decides which organisation type may write it.
 *
 * <p>The columns of the day and the two texts are named by each entity ({@code @AttributeOverride},
 * which keeps them not updatable; that they are required or optional and their length, {@value
 * #MAX_TEXT}, stand in the schema, Flyway's V7, and are checked here); the neutral names here
 * ({@code day}, {@code text}, {@code note}) are the ones JPQL uses.
 */
@MappedSuperclass
public abstract class InstitutionRecord {

  /** Longest text of each field, in characters. */
  public static final int MAX_TEXT = 4000;

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

  @Column(name = "day", nullable = false, updatable = false)
  private LocalDate day;

  @Column(name = "text", nullable = false, length = MAX_TEXT, updatable = false)
  private String text;

  @Column(name = "note", length = MAX_TEXT, updatable = false)
  private String note;

  /** For JPA only. */
  protected InstitutionRecord() {}

  /**
   * Records what an institution wrote; the author's organisation owns the record.
   *
   * @param caseFile the case
   * @param by the author
   * @param mayRecord whether the author's organisation type writes this kind of record (the rule is
   *     stated on {@link OrganisationType})
   * @param refusal the exception's message when it does not (no personal data)
   * @param day the day the record speaks of (a Europe/Belgrade calendar day)
   * @param text the required text, not blank, up to {@value #MAX_TEXT} characters
   * @param note an optional note, may be {@code null}, up to {@value #MAX_TEXT} characters
   * @param at when it is recorded (UTC)
   * @throws IllegalArgumentException when the author's organisation may not record it, the text is
   *     blank or a text is too long
   * @throws NullPointerException when the case, the day or the instant is missing
   */
  protected InstitutionRecord(
      CaseFile caseFile,
      PortalUser by,
      Predicate<OrganisationType> mayRecord,
      String refusal,
      LocalDate day,
      String text,
      String note,
      Instant at) {
    if (!mayRecord.test(by.getOrganisation().getType())) {
      throw new IllegalArgumentException(refusal);
    }
    if (text == null
        || text.isBlank()
        || text.length() > MAX_TEXT
        || (note != null && note.length() > MAX_TEXT)) {
      throw new IllegalArgumentException("text blank or too long");
    }
    this.caseFile = Objects.requireNonNull(caseFile, "caseFile");
    this.recordedBy = by;
    this.organisation = by.getOrganisation();
    this.day = Objects.requireNonNull(day, "day");
    this.text = text;
    this.note = note;
    this.recordedAt = Objects.requireNonNull(at, "at");
  }

  /**
   * @return the id, {@code null} until persisted
   */
  public abstract Long getId();

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
   * @return the institution that wrote it and owns it
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
   * @return the day the record speaks of (Europe/Belgrade calendar day): the day of the assessment
   *     or of the treatment
   */
  public LocalDate getDay() {
    return day;
  }

  /**
   * @return the required text: the assessment, or the treatment given
   */
  public String getText() {
    return text;
  }

  /**
   * @return the optional note (the recommended measures of an assessment, a treatment's note), or
   *     {@code null}
   */
  public String getNote() {
    return note;
  }
}
