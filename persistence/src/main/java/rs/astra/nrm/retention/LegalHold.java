package rs.astra.nrm.retention;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import rs.astra.nrm.shared.RequiredText;

/**
 * A legal hold on a case, recorded by hand by the owning organisation's coordinator or its data
 * protection officer: while it is open (not lifted) the case is never anonymised, neither by the
 * retention schedule nor on a request for erasure. It has a basis in law ({@link LegalHoldBasis}),
 * a reason and a day by which it is to be reviewed (Europe/Belgrade); it is lifted with a reason
 * and never deleted. Users are kept by id.
 */
@Entity
@Table(name = "legal_hold")
@NamedQuery(
    name = LegalHold.OPEN,
    query = "select h from LegalHold h where h.liftedAt is null order by h.reviewOn, h.id")
public class LegalHold {

  /** Named query: every open hold, the earliest review first. */
  public static final String OPEN = "LegalHold.open";

  /** The longest reason, in characters. */
  public static final int MAX_TEXT = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "legalHoldSeq")
  @SequenceGenerator(name = "legalHoldSeq", sequenceName = "legal_hold_seq", allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "case_file_id", nullable = false, updatable = false)
  private long caseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40, updatable = false)
  private LegalHoldBasis basis;

  @Column(nullable = false, length = MAX_TEXT)
  private String reason;

  @Column(name = "review_on", nullable = false)
  private LocalDate reviewOn;

  @Column(name = "recorded_by", nullable = false, updatable = false)
  private long recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "lifted_by")
  private Long liftedBy;

  @Column(name = "lifted_at")
  private Instant liftedAt;

  @Column(name = "lift_reason", length = MAX_TEXT)
  private String liftReason;

  /** For JPA only. */
  protected LegalHold() {}

  /**
   * Records a hold.
   *
   * @param caseId the case
   * @param basis its basis in law; not {@link LegalHoldBasis#CRIMINAL_PROCEEDINGS}, which the
   *     portal derives from the proceedings track
   * @param reason why, 1 to {@value #MAX_TEXT} characters
   * @param reviewOn the day to review it by, not before {@code today}
   * @param today today in Europe/Belgrade
   * @param by the user's id
   * @param at when (UTC)
   * @throws IllegalArgumentException for a blank or too long reason, a past review day or the
   *     automatic basis
   */
  public LegalHold(
      long caseId,
      LegalHoldBasis basis,
      String reason,
      LocalDate reviewOn,
      LocalDate today,
      long by,
      Instant at) {
    if (!Objects.requireNonNull(basis, "basis").recordedByHand()) {
      throw new IllegalArgumentException("this basis is not recorded by hand");
    }
    if (Objects.requireNonNull(reviewOn, "reviewOn").isBefore(today)) {
      throw new IllegalArgumentException("the review day is in the past");
    }
    this.caseId = caseId;
    this.basis = basis;
    this.reason = text(reason);
    this.reviewOn = reviewOn;
    this.recordedBy = by;
    this.recordedAt = Objects.requireNonNull(at, "at");
  }

  private static String text(String s) {
    return RequiredText.of(s, MAX_TEXT, "a reason");
  }

  /**
   * Lifts the hold.
   *
   * @param reason why, 1 to {@value #MAX_TEXT} characters
   * @param by the user's id
   * @param at when (UTC)
   * @throws IllegalStateException if it was lifted already
   * @throws IllegalArgumentException for a blank or too long reason
   */
  public void lift(String reason, long by, Instant at) {
    if (liftedAt != null) {
      throw new IllegalStateException("lifted already");
    }
    this.liftReason = text(reason);
    this.liftedBy = by;
    this.liftedAt = Objects.requireNonNull(at, "at");
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the version (optimistic locking)
   */
  public long getVersion() {
    return version;
  }

  /**
   * @return the case's id
   */
  public long getCaseId() {
    return caseId;
  }

  /**
   * @return the basis in law
   */
  public LegalHoldBasis getBasis() {
    return basis;
  }

  /**
   * @return the reason
   */
  public String getReason() {
    return reason;
  }

  /**
   * @return the day to review it by (Europe/Belgrade)
   */
  public LocalDate getReviewOn() {
    return reviewOn;
  }

  /**
   * @return who recorded it (user id)
   */
  public long getRecordedBy() {
    return recordedBy;
  }

  /**
   * @return when it was recorded (UTC)
   */
  public Instant getRecordedAt() {
    return recordedAt;
  }

  /**
   * @return when it was lifted (UTC), or {@code null} while open
   */
  public Instant getLiftedAt() {
    return liftedAt;
  }

  /**
   * @return the reason it was lifted, or {@code null}
   */
  public String getLiftReason() {
    return liftReason;
  }

  /**
   * @return whether it is open (not lifted)
   */
  public boolean isOpen() {
    return liftedAt == null;
  }
}
