package rs.astra.nrm.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import rs.astra.nrm.organisation.Organisation;

/**
 * An organisation's figures for one calendar month (Europe/Belgrade), computed by the monthly
 * summary timer, never on a page view: the home page only reads it. Recomputed while the month is
 * running, so it is versioned.
 */
@Entity
@Table(name = "monthly_summary")
@NamedQuery(
    name = MonthlySummary.FIND,
    query =
        "select s from MonthlySummary s where s.organisation.id = :organisationId and s.month = :month")
@NamedQuery(
    name = MonthlySummary.LATEST,
    query =
        "select s from MonthlySummary s where s.organisation.id = :organisationId order by s.month desc")
public class MonthlySummary {

  /**
   * Named query: the summary of an organisation ({@code organisationId}) for a month ({@code
   * month}, its first day).
   */
  public static final String FIND = "MonthlySummary.find";

  /** Named query: an organisation's summaries ({@code organisationId}), latest month first. */
  public static final String LATEST = "MonthlySummary.latest";

  @Id
  @SequenceGenerator(
      name = "monthly_summary_seq",
      sequenceName = "monthly_summary_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "monthly_summary_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
  private Organisation organisation;

  @Column(name = "month_start", nullable = false, updatable = false)
  private LocalDate month;

  @Column(name = "computed_at", nullable = false)
  private Instant computedAt;

  @Column(name = "cases_opened", nullable = false)
  private long casesOpened;

  @Column(nullable = false)
  private long identifications;

  @Column(name = "referrals_sent", nullable = false)
  private long referralsSent;

  @Column(name = "referrals_received", nullable = false)
  private long referralsReceived;

  @Column(name = "referrals_accepted", nullable = false)
  private long referralsAccepted;

  @Column(name = "proceedings_recorded", nullable = false)
  private long proceedingsRecorded;

  /** For JPA only. */
  protected MonthlySummary() {}

  /**
   * Creates an empty summary.
   *
   * @param organisation the organisation
   * @param month the first day of the month
   * @throws IllegalArgumentException if {@code month} is not the first day of a month
   */
  public MonthlySummary(Organisation organisation, LocalDate month) {
    this.organisation = Objects.requireNonNull(organisation, "organisation");
    if (month.getDayOfMonth() != 1) {
      throw new IllegalArgumentException("a month starts on its first day");
    }
    this.month = month;
  }

  /**
   * Records the figures of a computation.
   *
   * @param at when they were computed (UTC)
   * @param casesOpened cases the organisation opened in the month
   * @param identifications formal identification decisions in the month on its cases or by it
   * @param referralsSent referrals it sent, dated in the month
   * @param referralsReceived referrals it received, dated in the month
   * @param referralsAccepted referrals it accepted in the month
   * @param proceedingsRecorded criminal-proceedings steps it recorded, dated in the month
   */
  public void record(
      Instant at,
      long casesOpened,
      long identifications,
      long referralsSent,
      long referralsReceived,
      long referralsAccepted,
      long proceedingsRecorded) {
    this.computedAt = Objects.requireNonNull(at, "at");
    this.casesOpened = casesOpened;
    this.identifications = identifications;
    this.referralsSent = referralsSent;
    this.referralsReceived = referralsReceived;
    this.referralsAccepted = referralsAccepted;
    this.proceedingsRecorded = proceedingsRecorded;
  }

  /**
   * @return the organisation
   */
  public Organisation getOrganisation() {
    return organisation;
  }

  /**
   * @return the first day of the month
   */
  public LocalDate getMonth() {
    return month;
  }

  /**
   * @return when computed (UTC)
   */
  public Instant getComputedAt() {
    return computedAt;
  }

  /**
   * @return cases opened
   */
  public long getCasesOpened() {
    return casesOpened;
  }

  /**
   * @return identification decisions
   */
  public long getIdentifications() {
    return identifications;
  }

  /**
   * @return referrals sent
   */
  public long getReferralsSent() {
    return referralsSent;
  }

  /**
   * @return referrals received
   */
  public long getReferralsReceived() {
    return referralsReceived;
  }

  /**
   * @return referrals accepted
   */
  public long getReferralsAccepted() {
    return referralsAccepted;
  }

  /**
   * @return proceedings steps recorded
   */
  public long getProceedingsRecorded() {
    return proceedingsRecorded;
  }
}
