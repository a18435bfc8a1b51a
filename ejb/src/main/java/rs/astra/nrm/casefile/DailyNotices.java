package rs.astra.nrm.casefile;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.CaseFactsLoader;
import rs.astra.nrm.consent.Consent;
import rs.astra.nrm.consent.DataCategory;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.notification.NotificationKind;
import rs.astra.nrm.notification.Notifications;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.proceedings.ProceedingsEntry;
import rs.astra.nrm.proceedings.ProceedingsEntryKind;
import rs.astra.nrm.referral.Referral;
import rs.astra.nrm.referral.ReferralState;
import rs.astra.nrm.shared.NrmTime;
import rs.astra.nrm.shared.SerbianWorkingDays;

/**
 * The notifications of a day (issue 18, "Events"), sent once each morning at 06:30 (server clock)
 * for what crossed its threshold since the day before, by the rules of the home page ({@link
 * WorkOverviewService}): a consent that ends in {@value WorkOverviewService.EXPIRY_WINDOW_DAYS}
 * days (to the owner's case staff), and a referral still unanswered after {@value
 * WorkOverviewService#OVERDUE_WORKING_DAYS} working days (Serbian public holidays excluded) — to
 * the sender's case staff and to the recipient's users who answer referrals. Nothing personal: the
 * case code and the other organisation. And a hearing tomorrow, to each user the access policy lets
 * read it ({@link #hearingsTomorrow}).
 */
@Stateless
public class DailyNotices {

  private static final Logger LOG = Logger.getLogger(DailyNotices.class.getName());

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private Notifications notifications;
  @Inject private CaseFactsLoader factsLoader;
  @Inject private AccessEnforcer enforcer;

  /** Every morning: the notices of today (Europe/Belgrade). */
  @Schedule(hour = "6", minute = "30", persistent = false, info = "daily notices")
  public void everyMorning() {
    int told = send(NrmTime.today());
    LOG.info(() -> "daily notices: " + told + " users told");
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
    return told + hearingsTomorrow(today);
  }

  /**
   * A hearing tomorrow, to each active user whom the access policy lets read that hearing's entry
   * (READ of {@link DataCategory#LEGAL_PROCEEDINGS} for the entry's organisation: the owner, and
   * organisations referred the case with a legal basis or the person's consent). The candidates are
   * the users of the owner and of the organisations the case was referred to; the policy decides
   * each, and each permit is recorded in the audit trail (she learns that the case has a hearing),
   * as the home page's list of hearings is.
   *
   * @param today the day (Europe/Belgrade); the hearings told are on the next day
   * @return how many users were told
   */
  private int hearingsTomorrow(LocalDate today) {
    List<ProceedingsEntry> hearings =
        em.createQuery(
                "select e from ProceedingsEntry e join fetch e.caseFile join fetch e.organisation"
                    + " where e.kind = :hearing and e.date = :day order by e.id",
                ProceedingsEntry.class)
            .setParameter("hearing", ProceedingsEntryKind.HEARING)
            .setParameter("day", today.plusDays(1))
            .getResultList();
    if (hearings.isEmpty()) {
      return 0;
    }
    Instant now = Instant.now();
    Map<Long, CaseFacts> cases =
        factsLoader.load(hearings.stream().map(e -> e.getCaseFile().getId()).distinct().toList());
    int told = 0;
    Set<String> toldOfCase = new HashSet<>();
    for (ProceedingsEntry e : hearings) {
      CaseFacts f = cases.get(e.getCaseFile().getId());
      if (f == null) {
        continue;
      }
      Set<Long> organisations = new HashSet<>();
      organisations.add(f.ownerOrganisationId());
      f.referrals().forEach(r -> organisations.add(r.toOrganisationId()));
      for (PortalUser u :
          em.createQuery(
                  "select u from PortalUser u join fetch u.organisation o"
                      + " where o.id in :orgs and u.active = true and o.active = true order by u.id",
                  PortalUser.class)
              .setParameter("orgs", organisations)
              .getResultList()) {
        if (u.getRole().readsNoCaseData()
            || !u.getOrganisation().getType().allows(u.getRole())
            || toldOfCase.contains(u.getId() + ":" + f.caseId())) {
          continue;
        }
        Viewer v = UserDirectory.viewerOf(u);
        Decision d =
            AccessPolicy.forRecord(
                enforcer.decide(v, f, DataCategory.LEGAL_PROCEEDINGS, AccessAction.READ, now),
                e.getOrganisation().getId(),
                v);
        if (d.permitted()
            && notifications.tellUser(
                NotificationKind.HEARING_TOMORROW,
                u.getId(),
                f.caseId(),
                e.getCaseFile().getCode(),
                e.getOrganisation().getName())) {
          toldOfCase.add(u.getId() + ":" + f.caseId());
          enforcer.recordPermits(
              v,
              now,
              List.of(
                  new AuditTrail.Entry(
                      f.caseId(),
                      f.personId(),
                      DataCategory.LEGAL_PROCEEDINGS,
                      AccessAction.READ,
                      d)));
          told++;
        }
      }
    }
    return told;
  }
}
