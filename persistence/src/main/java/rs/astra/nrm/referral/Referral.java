package rs.astra.nrm.referral;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.ReferralReason;
import rs.astra.nrm.consent.Consent;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.shared.RequiredText;

/**
 * A referral of a case from one organisation to another (HTCDS {@code cas_ReferredOrganisation},
 * {@code cas_ReasonForOutgoingReferral}, {@code cas_OutgoingReferralDate}, {@code
 * cas_OutgoingReferralDetails}), with the NRM's own lifecycle ({@link ReferralState}).
 */
@Entity
@jakarta.persistence.EntityListeners(rs.astra.nrm.casefile.CaseFactsWrites.class)
@Table(name = "referral")
public class Referral {

  /**
   * The revocation reason the portal writes itself when the consent a referral rests on is
   * withdrawn (stored as this text; pages show it in the user's language).
   */
  public static final String REVOKED_CONSENT_WITHDRAWN = "Consent withdrawn";

  /**
   * The revocation reason the portal writes itself when the consent a referral rests on expires
   * (stored as this text; pages show it in the user's language).
   */
  public static final String REVOKED_CONSENT_EXPIRED = "Consent expired";

  /** The calendar of referral dates. */
  private static final ZoneId ZONE = rs.astra.nrm.shared.NrmTime.ZONE;

  @Id
  @SequenceGenerator(name = "referral_seq", sequenceName = "referral_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "case_file_id", nullable = false)
  private CaseFile caseFile;

  /**
   * The same column as {@link #caseFile}, read-only: queries that only need the case's id read it
   * from the referral's own index instead of joining the case (the case list's count).
   */
  @Column(name = "case_file_id", insertable = false, updatable = false)
  private Long caseFileId;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "from_organisation_id", nullable = false)
  private Organisation fromOrganisation;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "to_organisation_id", nullable = false)
  private Organisation toOrganisation;

  @Enumerated(EnumType.STRING)
  @Column(length = 60)
  private ReferralReason reason;

  @Column(length = 4000)
  private String details;

  @Column(name = "referral_date", nullable = false)
  private LocalDate referralDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ReferralState state;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(length = 40)
  private Purpose purpose;

  @ElementCollection(fetch = FetchType.LAZY)
  // One query for the categories of every referral read together (a case page lists them all), not
  // one each.
  @org.eclipse.persistence.annotations.BatchFetch(
      org.eclipse.persistence.annotations.BatchFetchType.IN)
  @CollectionTable(name = "referral_category", joinColumns = @JoinColumn(name = "referral_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "category", nullable = false, length = 40)
  private Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "consent_id")
  private Consent consent;

  @Column(name = "legal_basis", length = 60)
  private String legalBasis;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "sent_by_id")
  private PortalUser sentBy;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "answered_by_id")
  private PortalUser answeredBy;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "rejection_reason", length = 2000)
  private String rejectionReason;

  @Column(name = "completed_at")
  private Instant completedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "revoked_by_id")
  private PortalUser revokedBy;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revocation_reason", length = 2000)
  private String revocationReason;

  /** For JPA only. */
  protected Referral() {}

  /**
   * Records a referral.
   *
   * @param caseFile the case referred
   * @param from the sending organisation
   * @param to the receiving organisation, different from {@code from}
   * @param reason HTCDS reason, may be {@code null}
   * @param details free text up to 4000 characters, may be {@code null}
   * @param referralDate the day of the referral (Europe/Belgrade calendar day)
   * @param state the state it starts in ({@code SENT} for a new referral; imported historic
   *     referrals may start further on)
   * @param createdAt when the record was created (UTC)
   * @throws IllegalArgumentException if a case is referred by an organisation to itself
   * @throws NullPointerException if a required argument is {@code null}
   */
  public Referral(
      CaseFile caseFile,
      Organisation from,
      Organisation to,
      ReferralReason reason,
      String details,
      LocalDate referralDate,
      ReferralState state,
      Instant createdAt) {
    this.caseFile = Objects.requireNonNull(caseFile, "caseFile");
    this.fromOrganisation = Objects.requireNonNull(from, "from");
    this.toOrganisation = Objects.requireNonNull(to, "to");
    if (from == to || (from.getId() != null && from.getId().equals(to.getId()))) {
      throw new IllegalArgumentException("an organisation cannot refer a case to itself");
    }
    this.reason = reason;
    this.details = details;
    this.referralDate = Objects.requireNonNull(referralDate, "referralDate");
    this.state = Objects.requireNonNull(state, "state");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * Sends a new referral ({@link ReferralState#SENT}) for a purpose and the categories the
   * recipient needs, on the consent or legal basis that covers them.
   *
   * @param caseFile the case
   * @param from the sending organisation
   * @param to the receiving organisation
   * @param purpose the purpose
   * @param categories the categories the recipient needs; CASE_SUMMARY is always included
   * @param details free text up to 4000 characters, may be {@code null}
   * @param consent the consent that covers the personal categories, or {@code null} when a legal
   *     basis does
   * @param legalBasis the code of the legal basis that covers them, or {@code null} when a consent
   *     does (both {@code null} only when no personal category is requested)
   * @param sentBy the user who sends it
   * @param at when (UTC); its Europe/Belgrade day becomes the referral date
   * @return the referral, to be persisted
   */
  public static Referral send(
      CaseFile caseFile,
      Organisation from,
      Organisation to,
      Purpose purpose,
      Set<DataCategory> categories,
      String details,
      Consent consent,
      String legalBasis,
      PortalUser sentBy,
      Instant at) {
    Referral r =
        new Referral(
            caseFile,
            from,
            to,
            null,
            details,
            at.atZone(ZONE).toLocalDate(),
            ReferralState.SENT,
            at);
    r.purpose = Objects.requireNonNull(purpose, "purpose");
    r.categories = EnumSet.of(DataCategory.CASE_SUMMARY);
    r.categories.addAll(categories);
    r.consent = consent;
    r.legalBasis = legalBasis;
    r.sentBy = Objects.requireNonNull(sentBy, "sentBy");
    return r;
  }

  /**
   * The recipient accepts: SENT → ACCEPTED.
   *
   * @param by the recipient's user
   * @param at when (UTC)
   * @throws IllegalStateException if the referral is not SENT
   */
  public void accept(PortalUser by, Instant at) {
    requireState(ReferralState.SENT);
    state = ReferralState.ACCEPTED;
    answeredBy = Objects.requireNonNull(by, "by");
    answeredAt = Objects.requireNonNull(at, "at");
  }

  /**
   * The recipient rejects, with a reason: SENT → REJECTED.
   *
   * @param by the recipient's user
   * @param reason why, not blank, at most 2000 characters
   * @param at when (UTC)
   * @throws IllegalStateException if the referral is not SENT
   * @throws IllegalArgumentException if the reason is blank or too long
   */
  public void reject(PortalUser by, String reason, Instant at) {
    requireState(ReferralState.SENT);
    // Everything checked before anything changes: a refused call leaves the referral as it was.
    String checked = requireReason(reason);
    answeredBy = Objects.requireNonNull(by, "by");
    answeredAt = Objects.requireNonNull(at, "at");
    rejectionReason = checked;
    state = ReferralState.REJECTED;
  }

  /**
   * The recipient has done what was asked: ACCEPTED → COMPLETED.
   *
   * @param by the recipient's user
   * @param at when (UTC)
   * @throws IllegalStateException if the referral is not ACCEPTED
   */
  public void complete(PortalUser by, Instant at) {
    requireState(ReferralState.ACCEPTED);
    state = ReferralState.COMPLETED;
    completedAt = Objects.requireNonNull(at, "at");
  }

  /**
   * Revokes the referral before completion (by the sender, or because the consent it rests on was
   * withdrawn or expired): SENT or ACCEPTED → REVOKED.
   *
   * @param by the user who revokes it, or {@code null} when the system does (consent expiry)
   * @param reason why, not blank
   * @param at when (UTC)
   * @throws IllegalStateException if the referral is not SENT or ACCEPTED
   * @throws IllegalArgumentException if the reason is blank or too long
   */
  public void revoke(PortalUser by, String reason, Instant at) {
    if (!state.isOpen()) {
      throw new IllegalStateException(
          "only a SENT or ACCEPTED referral can be revoked, not " + state);
    }
    String checked = requireReason(reason);
    revokedAt = Objects.requireNonNull(at, "at");
    revokedBy = by;
    revocationReason = checked;
    state = ReferralState.REVOKED;
  }

  private void requireState(ReferralState expected) {
    if (state != expected) {
      throw new IllegalStateException("referral is " + state + ", not " + expected);
    }
  }

  private static String requireReason(String reason) {
    return RequiredText.of(reason, 2000, "a reason");
  }

  /**
   * @return the optimistic-lock version
   */
  public long getVersion() {
    return version;
  }

  /**
   * @return the purpose, {@code null} for an imported historic referral
   */
  public Purpose getPurpose() {
    return purpose;
  }

  /**
   * @return the categories the recipient needs (always with CASE_SUMMARY for sent referrals)
   */
  public Set<DataCategory> getCategories() {
    return Collections.unmodifiableSet(
        categories.isEmpty() ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(categories));
  }

  /**
   * @return the consent it rests on, or {@code null}
   */
  public Consent getConsent() {
    return consent;
  }

  /**
   * @return the code of the legal basis it rests on, or {@code null}
   */
  public String getLegalBasis() {
    return legalBasis;
  }

  /**
   * @return who sent it, {@code null} for an imported referral
   */
  public PortalUser getSentBy() {
    return sentBy;
  }

  /**
   * @return who accepted or rejected it, or {@code null}
   */
  public PortalUser getAnsweredBy() {
    return answeredBy;
  }

  /**
   * @return when it was accepted or rejected, or {@code null}
   */
  public Instant getAnsweredAt() {
    return answeredAt;
  }

  /**
   * @return why it was rejected, or {@code null}
   */
  public String getRejectionReason() {
    return rejectionReason;
  }

  /**
   * @return when it was completed, or {@code null}
   */
  public Instant getCompletedAt() {
    return completedAt;
  }

  /**
   * @return when it was revoked, or {@code null}
   */
  public Instant getRevokedAt() {
    return revokedAt;
  }

  /**
   * @return why it was revoked, or {@code null}
   */
  public String getRevocationReason() {
    return revocationReason;
  }

  /**
   * @return when it was created (UTC)
   */
  public Instant getCreatedAt() {
    return createdAt;
  }

  /**
   * @return the database id
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
   * @return the sending organisation
   */
  public Organisation getFromOrganisation() {
    return fromOrganisation;
  }

  /**
   * @return the receiving organisation
   */
  public Organisation getToOrganisation() {
    return toOrganisation;
  }

  /**
   * @return the HTCDS reason
   */
  public ReferralReason getReason() {
    return reason;
  }

  /**
   * @return free-text details
   */
  public String getDetails() {
    return details;
  }

  /**
   * @return the referral day
   */
  public LocalDate getReferralDate() {
    return referralDate;
  }

  /**
   * @return the lifecycle state
   */
  public ReferralState getState() {
    return state;
  }
}
