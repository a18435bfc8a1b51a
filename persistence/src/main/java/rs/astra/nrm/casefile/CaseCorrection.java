package rs.astra.nrm.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import rs.astra.nrm.shared.RequiredText;

/**
 * One correction of a field of the person or of the case ({@link CorrectableField}; rectification,
 * GDPR Art. 16; issue 21): the earlier value, the new one, who, when, why and the data-subject
 * request it answers. Append-only like the audit trail: no column can be updated through the
 * entity, and on PostgreSQL a trigger refuses changes (a merge of cases may only move it to the
 * surviving case).
 */
@Entity
@Table(name = "case_correction")
@NamedQuery(
    name = CaseCorrection.OF_CASE,
    query =
        "select k from CaseCorrection k where k.caseFileId = :caseId order by k.correctedAt, k.id")
public class CaseCorrection {

  /** Every correction of a case ({@code :caseId}), oldest first. */
  public static final String OF_CASE = "CaseCorrection.ofCase";

  /** The longest reason, in characters. */
  public static final int MAX_REASON = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "caseCorrectionSeq")
  @SequenceGenerator(
      name = "caseCorrectionSeq",
      sequenceName = "case_correction_seq",
      allocationSize = 50)
  private Long id;

  // Moved by a merge of cases (issue 19), by SQL; never through the entity.
  @Column(name = "case_file_id", nullable = false, updatable = false)
  private long caseFileId;

  @Column(name = "person_id", nullable = false, updatable = false)
  private long personId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 40)
  private CorrectableField field;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 40)
  private DataCategory category;

  @Column(name = "old_value", updatable = false, length = 4000)
  private String oldValue;

  @Column(name = "new_value", updatable = false, length = 4000)
  private String newValue;

  @Column(name = "corrected_by", nullable = false, updatable = false)
  private long correctedBy;

  @Column(name = "corrected_at", nullable = false, updatable = false)
  private Instant correctedAt;

  @Column(nullable = false, updatable = false, length = MAX_REASON)
  private String reason;

  @Column(name = "request_id", updatable = false)
  private Long requestId;

  /** For JPA only. */
  protected CaseCorrection() {}

  /**
   * Records a correction.
   *
   * @param caseFileId the case
   * @param personId its person (the data subject, also for a field of the case)
   * @param field the corrected field
   * @param oldValue the earlier value as text, or {@code null}
   * @param newValue the new value as text, or {@code null}
   * @param byUserId who corrected it
   * @param at when (UTC)
   * @param reason why, 1–2000 characters
   * @param requestId the data-subject request (rectification) it answers, or {@code null}
   * @throws IllegalArgumentException if the reason is blank or too long
   */
  public CaseCorrection(
      long caseFileId,
      long personId,
      CorrectableField field,
      String oldValue,
      String newValue,
      long byUserId,
      Instant at,
      String reason,
      Long requestId) {
    String why = RequiredText.of(reason, MAX_REASON, "a reason");
    this.caseFileId = caseFileId;
    this.personId = personId;
    this.field = Objects.requireNonNull(field, "field");
    this.category = field.category();
    this.oldValue = oldValue;
    this.newValue = newValue;
    this.correctedBy = byUserId;
    this.correctedAt = Objects.requireNonNull(at, "at");
    this.reason = why;
    this.requestId = requestId;
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the corrected field
   */
  public CorrectableField getField() {
    return field;
  }

  /**
   * @return its data category
   */
  public DataCategory getCategory() {
    return category;
  }

  /**
   * @return the earlier value, or {@code null}
   */
  public String getOldValue() {
    return oldValue;
  }

  /**
   * @return the new value, or {@code null}
   */
  public String getNewValue() {
    return newValue;
  }

  /**
   * @return who corrected it (user id)
   */
  public long getCorrectedBy() {
    return correctedBy;
  }

  /**
   * @return when (UTC)
   */
  public Instant getCorrectedAt() {
    return correctedAt;
  }

  /**
   * @return why
   */
  public String getReason() {
    return reason;
  }

  /**
   * @return the request it answers, or {@code null}
   */
  public Long getRequestId() {
    return requestId;
  }
}
