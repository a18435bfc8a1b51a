package rs.astra.nrm.organisation;

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

/**
 * An administrator's request that needs a second administrator (four eyes, issue 15:
 * "administration that cannot escalate"): a new user with a role that reads case data or controls
 * access, another such role for a user, or a new password for a user who has one ({@link
 * PortalRole#grantNeedsSecondAdministrator()}). Nothing changes for the user until another active
 * administrator, who is neither the one who asked nor the user concerned, approves it; the
 * organisation's data protection officer sees every request concerning its users. A new password
 * waits here only as its PBKDF2 hash, and is forgotten once the request is decided.
 */
@Entity
@Table(name = "role_grant")
@NamedQuery(
    name = RoleGrant.FIND_PENDING,
    query =
        "select g from RoleGrant g join fetch g.user u join fetch u.organisation join fetch g.requestedBy"
            + " where g.status = :pending order by g.requestedAt, g.id")
@NamedQuery(
    name = RoleGrant.FIND_PENDING_FOR_USER,
    query =
        "select g from RoleGrant g where g.user.id = :userId and g.kind in :kinds"
            + " and g.status = :pending order by g.id")
@NamedQuery(
    name = RoleGrant.FIND_FOR_ORGANISATION,
    query =
        "select g from RoleGrant g join fetch g.user join fetch g.requestedBy where g.organisationId = :organisationId"
            + " and (g.status = :pending or g.decidedAt >= :since)"
            + " order by g.requestedAt desc, g.id desc")
public class RoleGrant {

  /**
   * Named query: every pending request ({@code pending} = {@link Status#PENDING}), oldest first,
   * with its user, her organisation and the requester.
   */
  public static final String FIND_PENDING = "RoleGrant.findPending";

  /**
   * Named query: the pending ({@code pending}) requests of some {@code kinds} for one user ({@code
   * userId}).
   */
  public static final String FIND_PENDING_FOR_USER = "RoleGrant.findPendingForUser";

  /**
   * Named query: the requests concerning the users of one organisation ({@code organisationId})
   * that are pending ({@code pending}) or were decided from {@code since} on, newest first.
   */
  public static final String FIND_FOR_ORGANISATION = "RoleGrant.findForOrganisation";

  /** What is asked. */
  public enum Kind {
    /** A new user with the requested role: she is created deactivated and let in on approval. */
    NEW_USER,
    /** Another role for an existing user. */
    ROLE_CHANGE,
    /** A new password for a user whose role needs the approval; the role stays as it is. */
    PASSWORD;

    /**
     * @return whether the request gives a role ({@link #NEW_USER} or {@link #ROLE_CHANGE})
     */
    public boolean givesRole() {
      return this != PASSWORD;
    }
  }

  /** Where the request stands. */
  public enum Status {
    /** Waiting for a second administrator. */
    PENDING,
    /** Approved and carried out. */
    APPROVED,
    /** Refused by a second administrator; nothing changed. */
    REJECTED,
    /**
     * Withdrawn by the administrator who asked, or replaced by a newer request; nothing changed.
     */
    CANCELLED
  }

  @Id
  @SequenceGenerator(name = "role_grant_seq", sequenceName = "role_grant_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "role_grant_seq")
  private Long id;

  @Version private long version;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20, updatable = false)
  private Kind kind;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "user_id", nullable = false, updatable = false)
  private PortalUser user;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "previous_role", length = 40, updatable = false)
  private PortalRole previousRole;

  @Enumerated(EnumType.STRING)
  @Column(name = "requested_role", nullable = false, length = 40, updatable = false)
  private PortalRole requestedRole;

  @Column(name = "password_hash", length = 400)
  private String passwordHash;

  @Column(name = "user_version", nullable = false, updatable = false)
  private long userVersion;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "requested_by", nullable = false, updatable = false)
  private PortalUser requestedBy;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private Instant requestedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "decided_by")
  private PortalUser decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  /** For JPA only. */
  protected RoleGrant() {}

  private RoleGrant(
      Kind kind,
      PortalUser user,
      PortalRole requestedRole,
      String passwordHash,
      PortalUser requestedBy,
      Instant at) {
    this.kind = kind;
    this.user = Objects.requireNonNull(user, "user");
    this.organisationId = user.getOrganisation().getId();
    this.previousRole = kind == Kind.NEW_USER ? null : user.getRole();
    this.requestedRole = Objects.requireNonNull(requestedRole, "requestedRole");
    this.passwordHash = passwordHash;
    this.userVersion = user.getVersion();
    this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
    this.requestedAt = Objects.requireNonNull(at, "at");
    this.status = Status.PENDING;
    if (requestedBy.getId().equals(user.getId())) {
      throw new IllegalArgumentException("nobody asks for her own account");
    }
  }

  /**
   * A new user's role, to be approved: the user is held back ({@link PortalUser#holdForApproval()})
   * until then.
   *
   * @param user the new user, already stored (her id and version are taken)
   * @param requestedBy the administrator who created her
   * @param at when (UTC)
   * @return the pending request
   * @throws IllegalArgumentException if her role needs no approval
   */
  public static RoleGrant forNewUser(PortalUser user, PortalUser requestedBy, Instant at) {
    requireApprovalNeeded(user.getRole());
    return new RoleGrant(Kind.NEW_USER, user, user.getRole(), null, requestedBy, at);
  }

  /**
   * Another role for a user, to be approved; she keeps her role until then.
   *
   * @param user the user, as the requester saw her (her version is kept)
   * @param role the role asked for
   * @param requestedBy the administrator who asks, not the user herself
   * @param at when (UTC)
   * @return the pending request
   * @throws IllegalArgumentException if the role needs no approval, or the requester is the user
   */
  public static RoleGrant forRoleChange(
      PortalUser user, PortalRole role, PortalUser requestedBy, Instant at) {
    requireApprovalNeeded(role);
    return new RoleGrant(Kind.ROLE_CHANGE, user, role, null, requestedBy, at);
  }

  /**
   * A new password for a user whose role needs the approval; her password stays until then.
   *
   * @param user the user, as the requester saw her (her version is kept)
   * @param passwordHash the new password's PBKDF2 hash, never the password
   * @param requestedBy the administrator who asks, not the user herself
   * @param at when (UTC)
   * @return the pending request
   * @throws IllegalArgumentException if her role needs no approval, or the requester is the user
   */
  public static RoleGrant forPassword(
      PortalUser user, String passwordHash, PortalUser requestedBy, Instant at) {
    requireApprovalNeeded(user.getRole());
    return new RoleGrant(
        Kind.PASSWORD,
        user,
        user.getRole(),
        Objects.requireNonNull(passwordHash, "passwordHash"),
        requestedBy,
        at);
  }

  private static void requireApprovalNeeded(PortalRole role) {
    if (!Objects.requireNonNull(role, "role").grantNeedsSecondAdministrator()) {
      throw new IllegalArgumentException(role + " takes effect at once");
    }
  }

  /**
   * Whether an administrator may approve or reject the request: it is pending, she did not ask for
   * it and it does not concern her.
   *
   * @param administratorId the deciding administrator's user id
   * @return whether she may decide it
   */
  public boolean mayBeDecidedBy(long administratorId) {
    return status == Status.PENDING
        && !isRequestedBy(administratorId)
        && !concerns(administratorId);
  }

  /**
   * @param userId a user's id
   * @return whether she asked for it
   */
  public boolean isRequestedBy(long userId) {
    return requestedBy.getId() == userId;
  }

  /**
   * @param userId a user's id
   * @return whether it concerns her account
   */
  public boolean concerns(long userId) {
    return user.getId() == userId;
  }

  /**
   * Approves the request and carries it out on the user: the role (and, for a new user, that she
   * may sign in) or the password.
   *
   * @param approver the second administrator ({@link #mayBeDecidedBy})
   * @param at when (UTC)
   * @throws IllegalStateException if the request is not pending
   * @throws IllegalArgumentException if the approver may not decide it
   */
  public void approve(PortalUser approver, Instant at) {
    decide(approver, at, Status.APPROVED);
    if (kind == Kind.PASSWORD) {
      user.changePasswordHash(passwordHash);
    } else {
      user.takeApprovedRole(requestedRole);
    }
    passwordHash = null;
  }

  /**
   * Rejects the request: nothing changes for the user (a new user stays deactivated).
   *
   * @param decider the second administrator ({@link #mayBeDecidedBy})
   * @param at when (UTC)
   * @throws IllegalStateException if the request is not pending
   * @throws IllegalArgumentException if the decider may not decide it
   */
  public void reject(PortalUser decider, Instant at) {
    decide(decider, at, Status.REJECTED);
    passwordHash = null;
  }

  /**
   * Withdraws the request (by the administrator who asked, or because a newer request replaces it):
   * nothing changes for the user.
   *
   * @param by the administrator who withdraws it
   * @param at when (UTC)
   * @throws IllegalStateException if the request is not pending
   */
  public void cancel(PortalUser by, Instant at) {
    requirePending();
    this.status = Status.CANCELLED;
    this.decidedBy = Objects.requireNonNull(by, "by");
    this.decidedAt = Objects.requireNonNull(at, "at");
    passwordHash = null;
  }

  private void decide(PortalUser decider, Instant at, Status outcome) {
    requirePending();
    if (!mayBeDecidedBy(decider.getId())) {
      throw new IllegalArgumentException(
          "neither the requester nor the user concerned decides a request");
    }
    this.status = outcome;
    this.decidedBy = decider;
    this.decidedAt = Objects.requireNonNull(at, "at");
  }

  private void requirePending() {
    if (status != Status.PENDING) {
      throw new IllegalStateException("the request was already decided: " + status);
    }
  }

  /**
   * What the activity record says of the request: codes and ids only, e.g. {@code ROLE_CHANGE
   * csw-officer -> dpo @ 51} or {@code PASSWORD ngo-caseworker @ 50}.
   *
   * @return the kind, the role names and the organisation's id
   */
  public String activityDetail() {
    return kind
        + " "
        + (kind == Kind.ROLE_CHANGE ? previousRole.roleName() + " -> " : "")
        + requestedRole.roleName()
        + " @ "
        + organisationId;
  }

  /**
   * @return the database id
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
   * @return what is asked
   */
  public Kind getKind() {
    return kind;
  }

  /**
   * @return the user concerned
   */
  public PortalUser getUser() {
    return user;
  }

  /**
   * @return the id of the user's organisation when it was asked
   */
  public long getOrganisationId() {
    return organisationId;
  }

  /**
   * @return her role when it was asked; {@code null} for a new user
   */
  public PortalRole getPreviousRole() {
    return previousRole;
  }

  /**
   * @return the role asked for (for a new password: her role)
   */
  public PortalRole getRequestedRole() {
    return requestedRole;
  }

  /**
   * @return the user's version the request was made against
   */
  public long getUserVersion() {
    return userVersion;
  }

  /**
   * @return the administrator who asked
   */
  public PortalUser getRequestedBy() {
    return requestedBy;
  }

  /**
   * @return when it was asked (UTC)
   */
  public Instant getRequestedAt() {
    return requestedAt;
  }

  /**
   * @return where it stands
   */
  public Status getStatus() {
    return status;
  }

  /**
   * @return who approved, rejected or withdrew it; {@code null} while pending
   */
  public PortalUser getDecidedBy() {
    return decidedBy;
  }

  /**
   * @return when it was decided (UTC); {@code null} while pending
   */
  public Instant getDecidedAt() {
    return decidedAt;
  }
}
