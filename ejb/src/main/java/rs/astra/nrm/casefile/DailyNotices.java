package rs.astra.nrm.casefile;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.logging.Logger;
import rs.astra.nrm.consent.Consent;
import rs.astra.nrm.notification.NotificationKind;
import rs.astra.nrm.notification.Notifications;
import rs.astra.nrm.referral.Referral;
import rs.astra.nrm.referral.ReferralState;
import rs.astra.nrm.shared.ScheduledRuns;
import rs.astra.nrm.shared.SerbianWorkingDays;

/**
 * The notifications of a day (issue 18, "Events"), sent once each morning at 06:30
 * (Europe/Belgrade, or as {@code nrm.schedule.daily-notices} says) for what crossed its threshold
 * since the day before, by the rules of the home page ({@link WorkOverviewService}): a consent that
 * ends in {@value WorkOverviewService.EXPIRY_WINDOW_DAYS} days (to the owner's case staff), and a
 * referral still unanswered after {@value WorkOverviewService#OVERDUE_WORKING_DAYS} working days
 * (Serbian public holidays excluded) — to the sender's case staff and to the recipient's users who
 * answer referrals — and a data subject's request due within 7 days and not answered (to the
 * organisation's data protection officers and coordinators; {@link
 * rs.astra.nrm.rights.DataSubjectRequestService#tellDueSoon}). Nothing personal: the case code and
 * the other organisation.
 */
@Stateless
@jakarta.ejb.Local(rs.astra.nrm.shared.ScheduledJob.class)
@jakarta.ejb.LocalBean
public class DailyNotices implements rs.astra.nrm.shared.ScheduledJob {

  private static final Logger LOG = Logger.getLogger(DailyNotices.class.getName());

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private Notifications notifications;
  @Inject private ScheduledRuns runs;
  @Inject private rs.astra.nrm.rights.DataSubjectRequestService dataSubjectRequests;

  @Override
  public String name() {
    return "daily-notices";
  }

  /** Each morning at 06:30 ({@code nrm.schedule.daily-notices}). */
  @Override
  public String defaultSchedule() {
    return "P1D 06:30";
  }

  /** The notices of the run's day (Europe/Belgrade), in the transaction that claimed the period. */
  @Override
  public void run(java.time.LocalDateTime slot) {
    int told = send(slot.toLocalDate());
    LOG.info(() -> "daily notices: " + told + " users told");
  }

  /**
   * Sends the notices of a day unless an instance already did ({@link ScheduledRuns}).
   *
   * @param today the day (Europe/Belgrade)
   * @return how many notifications were written, or -1 when the day was already done
   */
  public int sendOnce(LocalDate today) {
    if (!runs.claim("daily-notices", today.toString())) {
      return -1;
    }
    int told = send(today);
    LOG.info(() -> "daily notices: " + told + " users told");
    return told;
  }

  /**
   * Sends the notices of one day.
   *
   * @param today the day (Europe/Belgrade)
   * @return how many notifications were written
   */
  public int send(LocalDate today) {
    int told = 0;
    for (Consent k :
        em.createQuery(
                "select k from Consent k join fetch k.caseFile c join fetch k.recipient"
                    + " where k.withdrawnAt is null and k.validUntil = :day",
                Consent.class)
            .setParameter("day", today.plusDays(WorkOverviewService.EXPIRY_WINDOW_DAYS))
            .getResultList()) {
      told +=
          notifications.tell(
              NotificationKind.CONSENT_EXPIRING,
              k.getCaseFile().getId(),
              k.getCaseFile().getCode(),
              k.getCaseFile().getOwnerOrganisation().getId(),
              k.getRecipient().getName());
    }
    // Overdue from today: sent before the 5th working day back, but not before yesterday's.
    LocalDate before =
        SerbianWorkingDays.minusWorkingDays(today, WorkOverviewService.OVERDUE_WORKING_DAYS);
    LocalDate from =
        SerbianWorkingDays.minusWorkingDays(
            today.minusDays(1), WorkOverviewService.OVERDUE_WORKING_DAYS);
    for (Referral r :
        em.createQuery(
                "select r from Referral r join fetch r.caseFile join fetch r.fromOrganisation"
                    + " join fetch r.toOrganisation where r.state = :sent"
                    + " and r.referralDate >= :from and r.referralDate < :before",
                Referral.class)
            .setParameter("sent", ReferralState.SENT)
            .setParameter("from", from)
            .setParameter("before", before)
            .getResultList()) {
      told +=
          notifications.tell(
              NotificationKind.REFERRAL_OVERDUE,
              r.getCaseFile().getId(),
              r.getCaseFile().getCode(),
              r.getFromOrganisation().getId(),
              r.getToOrganisation().getName());
      told +=
          notifications.tell(
              NotificationKind.REFERRAL_UNANSWERED,
              r.getCaseFile().getId(),
              r.getCaseFile().getCode(),
              r.getToOrganisation().getId(),
              r.getFromOrganisation().getName());
    }
    // Data subjects' requests due within 7 days and not answered (issue 21), once per due date.
    told += dataSubjectRequests.tellDueSoon(today);
    return told;
  }
}
