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
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.organisation.PortalUser;

/**
 * Emergency ("break-glass") access of one user to one category of a case referred to her
 * organisation, without consent, to protect a vital interest (GDPR Art. 6(1)(d) and 9(2)(c)). It
 * lasts {@link #DURATION} and is never changed or deleted.
 */
@Entity
@jakarta.persistence.EntityListeners(rs.astra.nrm.casefile.CaseFactsWrites.class)
@Table(name = "break_glass_access")
@NamedQuery(
    name = BreakGlassAccess.FIND_BY_CASE,
    query =
        "select b from BreakGlassAccess b join fetch b.user u join fetch u.organisation where b.caseFile.id = :caseId order by b.openedAt desc")
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
  @SequenceGenerator(
      name = "break_glass_seq",
      sequenceName = "break_glass_seq",
      allocationSize = 50)
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

  /**
   * Opened for a threat to the person's life or health (GDPR Art. 9(2)(c)), as its opener
   * confirmed.
   */
  @Column(name = "vital_interest", nullable = false, updatable = false)
  private boolean vitalInterest;

  /** The owner's review (issue 18): {@code JUSTIFIED} or {@code NOT_JUSTIFIED}; null until then. */
  @Column(name = "review_outcome", length = 20)
  private String reviewOutcome;

  @Column(name = "review_note", length = 2000)
  private String reviewNote;

  @Column(name = "reviewed_by")
  private Long reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "escalated_at")
  private Instant escalatedAt;

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
  public BreakGlassAccess(
      CaseFile caseFile, PortalUser user, DataCategory category, String reason, Instant openedAt) {
    this(caseFile, user, category, reason, openedAt, false);
  }

  /**
   * Opens an emergency access for {@link #DURATION}, recording whether it was opened for a threat
   * to the person's life or health.
   *
   * @param caseFile the case
   * @param user who needs the data
   * @param category the one category opened; personal
   * @param reason why (see {@link #isAcceptableReason(String)})
   * @param openedAt when (UTC)
   * @param vitalInterest whether the opener confirmed a threat to the person's life or health (GDPR
   *     Art. 9(2)(c)), required when the person withdrew her consent for the organisation
   * @throws IllegalArgumentException if the reason is not acceptable, or the category is not
   *     personal
   */
  public BreakGlassAccess(
      CaseFile caseFile,
      PortalUser user,
      DataCategory category,
      String reason,
      Instant openedAt,
      boolean vitalInterest) {
    this.vitalInterest = vitalInterest;
    if (!isAcceptableReason(reason)) {
      throw new IllegalArgumentException(
          "break-glass reason needs at least " + MIN_REASON_LENGTH + " characters");
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
   * Whether a reason may stand: long enough ({@link #isLongEnough}) and meaningful ({@link
   * #isMeaningful}).
   *
   * @param reason the reason, may be {@code null}
   * @return {@code true} when it may stand
   */
  public static boolean isAcceptableReason(String reason) {
    return isLongEnough(reason) && isMeaningful(reason);
  }

  /**
   * Whether a reason has at least {@value #MIN_REASON_LENGTH} visible characters and at most 2000
   * in all: white space of every kind (the no-break space included), format characters (zero-width
   * spaces and joiners, direction marks), control characters and blank fillers do not count.
   *
   * @param reason the reason as typed
   * @return whether long enough
   */
  public static boolean isLongEnough(String reason) {
    return reason != null
        && reason.strip().length() <= 2000
        && visible(reason).codePoints().count() >= MIN_REASON_LENGTH;
  }

  /**
   * Whether a reason says something: not one character or a short group of characters repeated
   * ("xxxxxxxx…", "abcabcabc…"), at least 5 different visible characters, and not a placeholder
   * ("test", "asdf", "n/a", "hitno", …) alone.
   *
   * @param reason the reason as typed
   * @return whether it may stand as a reason
   */
  public static boolean isMeaningful(String reason) {
    if (reason == null) {
      return false;
    }
    String seen = visible(reason).toLowerCase(java.util.Locale.ROOT);
    if (seen.codePoints().distinct().count() < 5 || seen.matches("(.{1,8}?)\\1+")) {
      return false;
    }
    String letters = seen.replaceAll("[^\\p{L}]", "");
    return !PLACEHOLDERS.contains(letters)
        && !letters.matches(
            "(test|asdf|qwer|xyz|abc|lorem|ipsum|placeholder|hitno|razlog|reason|emergency)+");
  }

  /** Words that stand in for a reason, in the portal's languages. */
  private static final java.util.Set<String> PLACEHOLDERS =
      java.util.Set.of(
          "test",
          "testing",
          "asdf",
          "qwerty",
          "na",
          "none",
          "nothing",
          "reason",
          "emergency",
          "urgent",
          "hitno",
          "razlog",
          "nema",
          "ништа",
          "хитно",
          "разлог",
          "тест");

  /** The reason without the characters that cannot be seen. */
  private static String visible(String reason) {
    StringBuilder b = new StringBuilder();
    reason
        .codePoints()
        .filter(
            c ->
                !Character.isWhitespace(c)
                    && !Character.isSpaceChar(c)
                    && Character.getType(c) != Character.FORMAT
                    && Character.getType(c) != Character.CONTROL
                    && c != 0x2800
                    && c != 0x3164
                    && c != 0x115F
                    && c != 0x1160
                    && c != 0xFFA0)
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  /**
   * @return whether opened for a threat to the person's life or health (GDPR Art. 9(2)(c))
   */
  public boolean isVitalInterest() {
    return vitalInterest;
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
  public CaseFile getCaseFile() {
    return caseFile;
  }

  /**
   * @return the user who opened it
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
   * @return the reason
   */
  public String getReason() {
    return reason;
  }

  /**
   * @return when it was opened (UTC)
   */
  public Instant getOpenedAt() {
    return openedAt;
  }

  /**
   * @return when it ends (UTC), exclusive
   */
  public Instant getExpiresAt() {
    return expiresAt;
  }

  /**
   * The owner's review (issue 18).
   *
   * @return {@code JUSTIFIED}, {@code NOT_JUSTIFIED}, or {@code null} while not reviewed
   */
  public String getReviewOutcome() {
    return reviewOutcome;
  }

  /**
   * @return the reviewer's note, or {@code null}
   */
  public String getReviewNote() {
    return reviewNote;
  }

  /**
   * @return the reviewing user's id, or {@code null}
   */
  public Long getReviewedBy() {
    return reviewedBy;
  }

  /**
   * @return when it was reviewed (UTC), or {@code null}
   */
  public Instant getReviewedAt() {
    return reviewedAt;
  }

  /**
   * @return when the unreviewed access was escalated to the data protection officer (UTC), or
   *     {@code null}
   */
  public Instant getEscalatedAt() {
    return escalatedAt;
  }
}
