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
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.organisation.PortalUser;

/**
 * Emergency ("break-glass") access of one user to one category of a case referred to her
 * organisation, without consent, to protect a vital interest (GDPR Art. 6(1)(d) and 9(2)(c)). It
 * lasts {@link #DURATION} and is never changed or deleted.
 */
@Entity
@Table(name = "break_glass_access")
@NamedQuery(
    name = BreakGlassAccess.FIND_BY_CASE,
    query = "select b from BreakGlassAccess b join fetch b.user u join fetch u.organisation where b.caseFile.id = :caseId order by b.openedAt desc")
@NamedQuery(
    name = BreakGlassAccess.FIND_BY_OWNER,
    query =
        "select b from BreakGlassAccess b join fetch b.user u join fetch u.organisation join fetch b.caseFile c"
            + " where c.ownerOrganisation.id = :organisationId order by b.openedAt desc")
public class BreakGlassAccess {

  /** Named query: emergency accesses to a case ({@code caseId}), newest first. */
  public static final String FIND_BY_CASE = "BreakGlassAccess.findByCase";

  /** Named query: emergency accesses to the cases an organisation owns ({@code organisationId}). */
  public static final String FIND_BY_OWNER = "BreakGlassAccess.findByOwner";

  /** How long an emergency access lasts: 4 hours. */
  public static final Duration DURATION = Duration.ofHours(4);

  /** The shortest reason accepted, in characters after trimming: 20. */
  public static final int MIN_REASON_LENGTH = 20;

  @Id
  @SequenceGenerator(name = "break_glass_seq", sequenceName = "break_glass_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "break_glass_seq")
  private Long id;

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

  @Column(name = "opened_at", nullable = false, updatable = false)
  private Instant openedAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  /** For JPA only. */
  protected BreakGlassAccess() {}

  /**
   * Opens an emergency access for {@link #DURATION}.
   *
   * @param caseFile the case
   * @param user who needs the data
   * @param category the one category opened; personal
   * @param reason why, at least {@link #MIN_REASON_LENGTH} characters after trimming, at most 2000
   * @param openedAt when (UTC)
   * @throws IllegalArgumentException if the reason is too short or too long, or the category is not
   *     personal
   */
  public BreakGlassAccess(CaseFile caseFile, PortalUser user, DataCategory category, String reason, Instant openedAt) {
    if (!isAcceptableReason(reason)) {
      throw new IllegalArgumentException("break-glass reason needs at least " + MIN_REASON_LENGTH + " characters");
    }
    if (!Objects.requireNonNull(category, "category").isPersonal()) {
      throw new IllegalArgumentException("the case summary needs no emergency access");
    }
    this.caseFile = Objects.requireNonNull(caseFile, "caseFile");
    this.user = Objects.requireNonNull(user, "user");
    this.category = category;
    this.reason = reason.strip();
    this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
    this.expiresAt = openedAt.plus(DURATION);
  }

  /**
   * Whether a reason is long enough and not too long.
   *
   * @param reason the reason, may be {@code null}
   * @return {@code true} for 20 to 2000 characters after trimming
   */
  public static boolean isAcceptableReason(String reason) {
    return reason != null && reason.strip().length() >= MIN_REASON_LENGTH && reason.strip().length() <= 2000;
  }

  /** @return the id */
  public Long getId() {
    return id;
  }

  /** @return the case */
  public CaseFile getCaseFile() {
    return caseFile;
  }

  /** @return the user who opened it */
  public PortalUser getUser() {
    return user;
  }

  /** @return the category */
  public DataCategory getCategory() {
    return category;
  }

  /** @return the reason */
  public String getReason() {
    return reason;
  }

  /** @return when it was opened (UTC) */
  public Instant getOpenedAt() {
    return openedAt;
  }

  /** @return when it ends (UTC), exclusive */
  public Instant getExpiresAt() {
    return expiresAt;
  }
}
