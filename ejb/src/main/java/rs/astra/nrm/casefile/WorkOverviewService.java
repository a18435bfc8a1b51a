package rs.astra.nrm.casefile;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.consent.Consent;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.Referral;
import rs.astra.nrm.referral.ReferralState;
import rs.astra.nrm.shared.SerbianWorkingDays;

/**
 * What needs the user's attention, for her home page: counts and short task lists, all counted in
 * the database and none holding personal data (case codes, organisations, dates only).
 *
 * <ul>
 *   <li>referrals waiting for her organisation's answer, oldest first, with their age in days;
 *   <li>referrals her organisation sent that have had no answer for more than 5 working days
 *       (Monday to Friday; public holidays are not counted out);
 *   <li>consents on her organisation's cases that expire within 14 days;
 *   <li>open cases of her organisation without any event for 90 days;
 *   <li>emergency accesses to her organisation's cases (shown through {@link
 *       rs.astra.nrm.consent.BreakGlassService#accessesToMyCases}).
 * </ul>
 */
@Stateless
public class WorkOverviewService {

  /**
   * Days without an answer after which a sent referral is overdue (working days in Serbia, {@link
   * SerbianWorkingDays}).
   */
  public static final int OVERDUE_WORKING_DAYS = 5;

  /** Days ahead in which an expiring consent is shown. */
  public static final int EXPIRY_WINDOW_DAYS = 14;

  /** Days without activity after which an open case is shown. */
  public static final int QUIET_DAYS = 90;

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * One task line.
   *
   * @param caseId the case, to open it
   * @param caseCode its code
   * @param organisation the other organisation concerned (sender, recipient), or {@code null}
   * @param date the date that matters (referral date, consent's last day, last activity)
   * @param days how many days (waiting, left, quiet)
   */
  public record Task(long caseId, String caseCode, String organisation, LocalDate date, long days)
      implements Serializable {}

  /**
   * The overview.
   *
   * @param waitingForAnswer referrals to the organisation still SENT
   * @param overdueSent referrals the organisation sent with no answer for 5 working days
   * @param expiringConsents consents on its cases ending within 14 days
   * @param quietCases open cases without activity for 90 days
   * @param waitingCount total of {@code waitingForAnswer}
   * @param overdueCount total of {@code overdueSent}
   * @param expiringCount total of {@code expiringConsents}
   * @param quietCount total of {@code quietCases}
   */
  public record Overview(
      List<Task> waitingForAnswer,
      List<Task> overdueSent,
      List<Task> expiringConsents,
      List<Task> quietCases,
      long waitingCount,
      long overdueCount,
      long expiringCount,
      long quietCount)
      implements Serializable {}

  /**
   * The overview for the viewer's organisation; administrators and data protection officers get an
   * empty one.
   *
   * @param viewer who asks
   * @param max at most this many lines per list, 1–50
   * @return the overview
   */
  public Overview overview(Viewer viewer, int max) {
    if (viewer.role().readsNoCaseData()) {
      return new Overview(List.of(), List.of(), List.of(), List.of(), 0, 0, 0, 0);
    }
    int limit = Math.max(1, Math.min(50, max));
    long org = viewer.organisationId();
    LocalDate today = Instant.now().atZone(AccessPolicy.ZONE).toLocalDate();

    String waitingWhere = " from Referral r where r.toOrganisation.id = :org and r.state = :sent";
    List<Task> waiting =
        em
            .createQuery(
                "select r" + waitingWhere + " order by r.referralDate, r.id", Referral.class)
            .setParameter("org", org)
            .setParameter("sent", ReferralState.SENT)
            .setMaxResults(limit)
            .getResultList()
            .stream()
            .map(
                r ->
                    new Task(
                        r.getCaseFile().getId(),
                        r.getCaseFile().getCode(),
                        r.getFromOrganisation().getName(),
                        r.getReferralDate(),
                        ChronoUnit.DAYS.between(r.getReferralDate(), today)))
            .toList();
    long waitingCount =
        em.createQuery("select count(r)" + waitingWhere, Long.class)
            .setParameter("org", org)
            .setParameter("sent", ReferralState.SENT)
            .getSingleResult();

    LocalDate overdueBefore = SerbianWorkingDays.minusWorkingDays(today, OVERDUE_WORKING_DAYS);
    String overdueWhere =
        " from Referral r where r.fromOrganisation.id = :org and r.state = :sent and r.referralDate < :before";
    List<Task> overdue =
        em
            .createQuery(
                "select r" + overdueWhere + " order by r.referralDate, r.id", Referral.class)
            .setParameter("org", org)
            .setParameter("sent", ReferralState.SENT)
            .setParameter("before", overdueBefore)
            .setMaxResults(limit)
            .getResultList()
            .stream()
            .map(
                r ->
                    new Task(
                        r.getCaseFile().getId(),
                        r.getCaseFile().getCode(),
                        r.getToOrganisation().getName(),
                        r.getReferralDate(),
                        ChronoUnit.DAYS.between(r.getReferralDate(), today)))
            .toList();
    long overdueCount =
        em.createQuery("select count(r)" + overdueWhere, Long.class)
            .setParameter("org", org)
            .setParameter("sent", ReferralState.SENT)
            .setParameter("before", overdueBefore)
            .getSingleResult();

    String expiringWhere =
        " from Consent k where k.caseFile.ownerOrganisation.id = :org and k.withdrawnAt is null and k.validUntil >= :today and k.validUntil <= :until";
    List<Task> expiring =
        em
            .createQuery("select k" + expiringWhere + " order by k.validUntil, k.id", Consent.class)
            .setParameter("org", org)
            .setParameter("today", today)
            .setParameter("until", today.plusDays(EXPIRY_WINDOW_DAYS))
            .setMaxResults(limit)
            .getResultList()
            .stream()
            .map(
                k ->
                    new Task(
                        k.getCaseFile().getId(),
                        k.getCaseFile().getCode(),
                        k.getRecipient().getName(),
                        k.getValidUntil(),
                        ChronoUnit.DAYS.between(today, k.getValidUntil())))
            .toList();
    long expiringCount =
        em.createQuery("select count(k)" + expiringWhere, Long.class)
            .setParameter("org", org)
            .setParameter("today", today)
            .setParameter("until", today.plusDays(EXPIRY_WINDOW_DAYS))
            .getSingleResult();

    Instant quietSince = Instant.now().minus(QUIET_DAYS, ChronoUnit.DAYS);
    String quietWhere =
        " from CaseFile c where c.ownerOrganisation.id = :org and c.stage <> :closed and c.createdAt < :since"
            + " and c.mergedIntoId is null"
            + " and not exists (select e.id from CaseEvent e where e.caseFileId = c.id and e.at >= :since)";
    List<Task> quiet =
        em
            .createQuery("select c" + quietWhere + " order by c.openedOn, c.id", CaseFile.class)
            .setParameter("org", org)
            .setParameter("closed", NrmStage.CLOSED)
            .setParameter("since", quietSince)
            .setMaxResults(limit)
            .getResultList()
            .stream()
            .map(
                c ->
                    new Task(
                        c.getId(),
                        c.getCode(),
                        null,
                        c.getOpenedOn(),
                        ChronoUnit.DAYS.between(
                            c.getCreatedAt().atZone(AccessPolicy.ZONE).toLocalDate(), today)))
            .toList();
    long quietCount =
        em.createQuery("select count(c)" + quietWhere, Long.class)
            .setParameter("org", org)
            .setParameter("closed", NrmStage.CLOSED)
            .setParameter("since", quietSince)
            .getSingleResult();

    return new Overview(
        waiting, overdue, expiring, quiet, waitingCount, overdueCount, expiringCount, quietCount);
  }
}
