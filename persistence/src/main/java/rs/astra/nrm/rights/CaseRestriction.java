package rs.astra.nrm.rights;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import rs.astra.nrm.shared.RequiredText;

/**
 * One restriction of processing of a case (GDPR Art. 18; ZZPL art. 31), from the day it was imposed
 * to the day it was lifted: who, when, why, and the data-subject request it answers, if any. The
 * flag the access policy reads is {@code CaseFile.restricted}; this row is its history, kept for
 * the DPO and the supervisory authority. Users are kept by id.
 */
@Entity
@Table(name = "case_restriction")
@NamedQuery(
    name = CaseRestriction.OF_CASE,
    query = "select r from CaseRestriction r where r.caseFileId = :caseId order by r.restrictedAt")
public class CaseRestriction {

  /** Every restriction of a case ({@code :caseId}), oldest first. */
  public static final String OF_CASE = "CaseRestriction.ofCase";

  /** The longest reason, in characters. */
  public static final int MAX_TEXT = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "caseRestrictionSeq")
  @SequenceGenerator(
      name = "caseRestrictionSeq",
      sequenceName = "case_restriction_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "case_file_id", nullable = false)
  private long caseFileId;

  @Column(name = "request_id")
  private Long requestId;

  @Column(name = "restricted_by", nullable = false)
  private long restrictedBy;

  @Column(name = "restricted_at", nullable = false)
  private Instant restrictedAt;

  @Column(nullable = false, length = MAX_TEXT)
  private String reason;

  @Column(name = "lifted_by")
  private Long liftedBy;

  @Column(name = "lifted_at")
  private Instant liftedAt;

  @Column(name = "lift_reason", length = MAX_TEXT)
  private String liftReason;

  /** For JPA only. */
  protected CaseRestriction() {}

  /**
   * Records that a case was restricted.
   *
   * @param caseFileId the case
   * @param requestId the data-subject request (kind restriction) it answers, or {@code null}
   * @param byUserId who restricted it
   * @param at when (UTC)
   * @param reason why, not blank, at most {@value #MAX_TEXT} characters
   * @throws IllegalArgumentException if the reason is blank or too long
   */
  public CaseRestriction(
      long caseFileId, Long requestId, long byUserId, Instant at, String reason) {
    this.caseFileId = caseFileId;
    this.requestId = requestId;
    this.restrictedBy = byUserId;
    this.restrictedAt = Objects.requireNonNull(at, "at");
    this.reason = checked(reason);
  }

  /**
   * Records that the restriction was lifted.
   *
   * @param byUserId who lifted it
   * @param at when (UTC)
   * @param why why, not blank, at most {@value #MAX_TEXT} characters
   * @throws IllegalStateException if it was lifted already
   * @throws IllegalArgumentException if the reason is blank or too long
   */
  public void lift(long byUserId, Instant at, String why) {
    if (liftedAt != null) {
      throw new IllegalStateException("already lifted");
    }
    this.liftReason = checked(why);
    this.liftedBy = byUserId;
    this.liftedAt = Objects.requireNonNull(at, "at");
  }

  private static String checked(String text) {
    return RequiredText.of(text, MAX_TEXT, "a reason");
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the case
   */
  public long getCaseFileId() {
    return caseFileId;
  }

  /**
   * @return the request it answers, or {@code null}
   */
  public Long getRequestId() {
    return requestId;
  }

  /**
   * @return who restricted the case (user id)
   */
  public long getRestrictedBy() {
    return restrictedBy;
  }

  /**
   * @return when (UTC)
   */
  public Instant getRestrictedAt() {
    return restrictedAt;
  }

  /**
   * @return why
   */
  public String getReason() {
    return reason;
  }

  /**
   * @return who lifted it (user id), or {@code null} while it stands
   */
  public Long getLiftedBy() {
    return liftedBy;
  }

  /**
   * @return when it was lifted (UTC), or {@code null} while it stands
   */
  public Instant getLiftedAt() {
    return liftedAt;
  }

  /**
   * @return why it was lifted, or {@code null} while it stands
   */
  public String getLiftReason() {
    return liftReason;
  }
}
