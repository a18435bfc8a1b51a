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
import java.time.Instant;
import java.util.Objects;

/**
 * One run of the retention schedule, or one erasure on request, with its counts (accountability,
 * GDPR Art. 5(2)). Holds no case id and no personal data; which cases were anonymised is on the
 * cases ({@code anonymised_on}). Written once, never changed.
 */
@Entity
@Table(name = "retention_run")
@NamedQuery(
    name = RetentionRun.LATEST,
    query = "select r from RetentionRun r order by r.startedAt desc, r.id desc")
public class RetentionRun {

  /** Named query: runs, newest first. */
  public static final String LATEST = "RetentionRun.latest";

  /** What the run was. */
  public enum Kind {
    /** The nightly retention job. */
    SCHEDULE,
    /** An erasure on the data subject's request (GDPR Art. 17), confirmed by the DPO. */
    ERASURE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "retentionRunSeq")
  @SequenceGenerator(
      name = "retentionRunSeq",
      sequenceName = "retention_run_seq",
      allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20, updatable = false)
  private Kind kind;

  @Column(name = "started_at", nullable = false, updatable = false)
  private Instant startedAt;

  @Column(name = "finished_at", nullable = false, updatable = false)
  private Instant finishedAt;

  @Column(name = "cases_anonymised", nullable = false, updatable = false)
  private int casesAnonymised;

  @Column(name = "calls_anonymised", nullable = false, updatable = false)
  private int callsAnonymised;

  @Column(name = "documents_destroyed", nullable = false, updatable = false)
  private int documentsDestroyed;

  @Column(name = "cases_held", nullable = false, updatable = false)
  private int casesHeld;

  @Column(name = "request_id", updatable = false)
  private Long requestId;

  @Column(name = "run_by", updatable = false)
  private Long runBy;

  /** For JPA only. */
  protected RetentionRun() {}

  /**
   * Records a run.
   *
   * @param kind schedule or erasure
   * @param startedAt when it started (UTC)
   * @param finishedAt when it finished (UTC)
   * @param casesAnonymised cases anonymised
   * @param callsAnonymised hotline calls never linked to a case that were anonymised
   * @param documentsDestroyed documents whose contents were destroyed
   * @param casesHeld cases due under the schedule but kept by a hold
   * @param requestId the data-subject request (erasure), or {@code null}
   * @param runBy the DPO who confirmed an erasure, or {@code null} for the job
   */
  public RetentionRun(
      Kind kind,
      Instant startedAt,
      Instant finishedAt,
      int casesAnonymised,
      int callsAnonymised,
      int documentsDestroyed,
      int casesHeld,
      Long requestId,
      Long runBy) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    this.finishedAt = Objects.requireNonNull(finishedAt, "finishedAt");
    this.casesAnonymised = casesAnonymised;
    this.callsAnonymised = callsAnonymised;
    this.documentsDestroyed = documentsDestroyed;
    this.casesHeld = casesHeld;
    this.requestId = requestId;
    this.runBy = runBy;
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return schedule or erasure
   */
  public Kind getKind() {
    return kind;
  }

  /**
   * @return when it started (UTC)
   */
  public Instant getStartedAt() {
    return startedAt;
  }

  /**
   * @return when it finished (UTC)
   */
  public Instant getFinishedAt() {
    return finishedAt;
  }

  /**
   * @return cases anonymised
   */
  public int getCasesAnonymised() {
    return casesAnonymised;
  }

  /**
   * @return hotline calls anonymised
   */
  public int getCallsAnonymised() {
    return callsAnonymised;
  }

  /**
   * @return documents destroyed
   */
  public int getDocumentsDestroyed() {
    return documentsDestroyed;
  }

  /**
   * @return cases due but held
   */
  public int getCasesHeld() {
    return casesHeld;
  }

  /**
   * @return the data-subject request of an erasure, or {@code null}
   */
  public Long getRequestId() {
    return requestId;
  }
}
