package rs.astra.nrm.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.organisation.PortalUser;

/**
 * An emergency access asked for beyond the user's daily limit ({@code nrm.emergency.perUserPerDay};
 * issue 15): it waits for the data protection officer of the organisation that owns the case, who
 * approves it — the emergency access then opens for {@link BreakGlassAccess#DURATION} — or rejects
 * it. Its state changes once; concurrent decisions are caught by the version.
 */
@Entity
@Table(name = "emergency_access_request")
@NamedQuery(
    name = EmergencyAccessRequest.FIND_PENDING_FOR_OWNER,
    query =
        "select r from EmergencyAccessRequest r join fetch r.user u join fetch u.organisation join fetch r.caseFile c"
            + " where c.ownerOrganisation.id = :organisationId and r.state = rs.astra.nrm.consent.EmergencyAccessRequest.State.PENDING"
            + " order by r.requestedAt")
public class EmergencyAccessRequest {

  /**
   * Named query: the pending requests on the cases an organisation owns ({@code organisationId}),
   * oldest first.
   */
  public static final String FIND_PENDING_FOR_OWNER = "EmergencyAccessRequest.findPendingForOwner";

  /** Where a request stands. */
  public enum State {
    /** Waiting for the data protection officer. */
    PENDING,
    /** Approved: the emergency access is open. */
    APPROVED,
    /** Rejected: nothing opened. */
    REJECTED
  }

  @Id
  @SequenceGenerator(
      name = "emergency_request_seq",
      sequenceName = "emergency_request_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "emergency_request_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "case_file_id", nullable = false, updatable = false)
  private CaseFile caseFile;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "user_id", nullable = false, updatable = false)
  private PortalUser user;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40, updatable = false)
  private DataCategory category;

  @Column(nullable = false, length = 2000, updatable = false)
  private String reason;

  @Column(name = "vital_interest", nullable = false, updatable = false)
  private boolean vitalInterest;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private Instant requestedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private State state;

  @Column(name = "decided_by")
  private Long decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "break_glass_id")
  private Long breakGlassId;

  /** For JPA only. */
  protected EmergencyAccessRequest() {}

  /**
   * A new pending request.
   *
   * @param caseFile the case
   * @param user who asks
   * @param category the personal category
   * @param reason her reason (already accepted by the policy's reason rules), at most 2000
   *     characters
   * @param vitalInterest whether she confirmed a threat to life or health (GDPR Art. 9(2)(c))
   * @param requestedAt when (UTC)
   */
  public EmergencyAccessRequest(
      CaseFile caseFile,
      PortalUser user,
      DataCategory category,
      String reason,
      boolean vitalInterest,
      Instant requestedAt) {
    this.caseFile = Objects.requireNonNull(caseFile, "caseFile");
    this.user = Objects.requireNonNull(user, "user");
    this.category = Objects.requireNonNull(category, "category");
    this.reason = Objects.requireNonNull(reason, "reason").strip();
    this.vitalInterest = vitalInterest;
    this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
    this.state = State.PENDING;
  }

  /**
   * Records the officer's approval and the emergency access it opened.
   *
   * @param officerId the data protection officer
   * @param at when (UTC)
   * @param breakGlassId the access opened
   * @throws IllegalStateException when already decided
   */
  public void approve(long officerId, Instant at, long breakGlassId) {
    decide(State.APPROVED, officerId, at);
    this.breakGlassId = breakGlassId;
  }

  /**
   * Records the officer's rejection.
   *
   * @param officerId the data protection officer
   * @param at when (UTC)
   * @throws IllegalStateException when already decided
   */
  public void reject(long officerId, Instant at) {
    decide(State.REJECTED, officerId, at);
  }

  private void decide(State to, long officerId, Instant at) {
    if (state != State.PENDING) {
      throw new IllegalStateException("already " + state);
    }
    state = to;
    decidedBy = officerId;
    decidedAt = Objects.requireNonNull(at, "at");
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the version, for optimistic locking
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
   * @return who asked
   */
  public PortalUser getUser() {
    return user;
  }

  /**
   * @return the category
   */
  public DataCategory getCategory() {
    return category;
  }

  /**
   * @return her reason
   */
  public String getReason() {
    return reason;
  }

  /**
   * @return whether she confirmed a threat to life or health
   */
  public boolean isVitalInterest() {
    return vitalInterest;
  }

  /**
   * @return when she asked (UTC)
   */
  public Instant getRequestedAt() {
    return requestedAt;
  }

  /**
   * @return where it stands
   */
  public State getState() {
    return state;
  }

  /**
   * @return the emergency access opened on approval, or {@code null}
   */
  public Long getBreakGlassId() {
    return breakGlassId;
  }
}
