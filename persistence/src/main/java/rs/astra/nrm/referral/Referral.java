package rs.astra.nrm.referral;

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
import java.time.LocalDate;
import java.util.Objects;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.ReferralReason;
import rs.astra.nrm.organisation.Organisation;

/**
 * A referral of a case from one organisation to another (HTCDS {@code cas_ReferredOrganisation},
 * {@code cas_ReasonForOutgoingReferral}, {@code cas_OutgoingReferralDate},
 * {@code cas_OutgoingReferralDetails}), with the NRM's own lifecycle ({@link ReferralState}).
 */
@Entity
@Table(name = "referral")
@NamedQuery(
    name = Referral.FIND_BY_CASE,
    query =
        "select r from Referral r join fetch r.fromOrganisation join fetch r.toOrganisation"
            + " where r.caseFile.id = :caseId order by r.referralDate, r.id")
public class Referral {

  /** Named query: the referrals of a case ({@code caseId}), oldest first, organisations fetched. */
  public static final String FIND_BY_CASE = "Referral.findByCase";

  @Id
  @SequenceGenerator(name = "referral_seq", sequenceName = "referral_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "case_file_id", nullable = false)
  private CaseFile caseFile;

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

  /** @return the database id */
  public Long getId() {
    return id;
  }

  /** @return the case */
  public CaseFile getCaseFile() {
    return caseFile;
  }

  /** @return the sending organisation */
  public Organisation getFromOrganisation() {
    return fromOrganisation;
  }

  /** @return the receiving organisation */
  public Organisation getToOrganisation() {
    return toOrganisation;
  }

  /** @return the HTCDS reason */
  public ReferralReason getReason() {
    return reason;
  }

  /** @return free-text details */
  public String getDetails() {
    return details;
  }

  /** @return the referral day */
  public LocalDate getReferralDate() {
    return referralDate;
  }

  /** @return the lifecycle state */
  public ReferralState getState() {
    return state;
  }
}
