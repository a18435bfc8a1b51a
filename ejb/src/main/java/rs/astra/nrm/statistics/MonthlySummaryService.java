package rs.astra.nrm.statistics;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.ReferralState;
import rs.astra.nrm.shared.NrmTime;

/**
 * The monthly summary of every organisation, for its home page: computed by {@link
 * MonthlySummaryTimer} at start-up and every night (the running month to date and the month before,
 * so the last month is final after its first night) and only read by the page. All counting is done
 * by GROUP BY queries over all organisations at once.
 *
 * <p>An organisation's own figures, shown only to its own users: no small-cell protection is
 * needed. Months are Europe/Belgrade calendar months.
 */
@Stateless
public class MonthlySummaryService {

  private static final Logger LOG = Logger.getLogger(MonthlySummaryService.class.getName());

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * One month's figures.
   *
   * @param month the month
   * @param computedAt when the timer computed them (UTC)
   * @param casesOpened cases the organisation opened
   * @param identifications formal identification decisions on its cases or by it
   * @param referralsSent referrals it sent
   * @param referralsReceived referrals it received
   * @param referralsAccepted referrals it accepted
   * @param proceedingsRecorded criminal-proceedings steps it recorded
   */
  public record MonthView(
      YearMonth month,
      Instant computedAt,
      long casesOpened,
      long identifications,
      long referralsSent,
      long referralsReceived,
      long referralsAccepted,
      long proceedingsRecorded)
      implements Serializable {}

  /**
   * Computes the running month and the month before (the timer's work, see {@link
   * MonthlySummaryTimer}).
   */
  public void refresh() {
    YearMonth now = YearMonth.now(NrmTime.ZONE);
    computeMonth(now.minusMonths(1));
    computeMonth(now);
  }

  /**
   * Computes and stores one month's summary of every organisation, replacing an earlier
   * computation.
   *
   * @param month the month (Europe/Belgrade)
   * @return how many organisations were summarised
   */
  public int computeMonth(YearMonth month) {
    LocalDate first = month.atDay(1);
    LocalDate last = month.atEndOfMonth();
    Instant start = first.atStartOfDay(NrmTime.ZONE).toInstant();
    Instant end = last.plusDays(1).atStartOfDay(NrmTime.ZONE).toInstant();

    Map<Long, Long> opened =
        byOrganisation(
            "select c.ownerOrganisation.id, count(c) from CaseFile c where c.openedOn between :a and :b and c.mergedIntoId is null group by c.ownerOrganisation.id",
            first,
            last);
    Map<Long, Long> identifiedOwn =
        byOrganisation(
            "select c.ownerOrganisation.id, count(c) from CaseFile c where c.identificationDecidedOn between :a and :b and c.mergedIntoId is null group by c.ownerOrganisation.id",
            first,
            last);
    Map<Long, Long> identifiedBy =
        byOrganisation(
            "select c.identificationDecidedBy.id, count(c) from CaseFile c where c.identificationDecidedOn between :a and :b and c.mergedIntoId is null group by c.identificationDecidedBy.id",
            first,
            last);
    Map<Long, Long> sent =
        byOrganisation(
            "select r.fromOrganisation.id, count(r) from Referral r where r.referralDate between :a and :b group by r.fromOrganisation.id",
            first,
            last);
    Map<Long, Long> received =
        byOrganisation(
            "select r.toOrganisation.id, count(r) from Referral r where r.referralDate between :a and :b group by r.toOrganisation.id",
            first,
            last);
    Map<Long, Long> accepted = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select r.toOrganisation.id, count(r) from Referral r where r.answeredAt >= :a and r.answeredAt < :b and r.state in :accepted group by r.toOrganisation.id",
                Object[].class)
            .setParameter("a", start)
            .setParameter("b", end)
            .setParameter("accepted", List.of(ReferralState.ACCEPTED, ReferralState.COMPLETED))
            .getResultList()) {
      accepted.put((Long) row[0], (Long) row[1]);
    }
    Map<Long, Long> proceedings =
        byOrganisation(
            "select e.organisation.id, count(e) from ProceedingsEntry e where e.date between :a and :b group by e.organisation.id",
            first,
            last);

    Instant now = Instant.now();
    List<Organisation> organisations =
        em.createNamedQuery(Organisation.FIND_ALL, Organisation.class).getResultList();
    for (Organisation o : organisations) {
      long id = o.getId();
      MonthlySummary s =
          em.createNamedQuery(MonthlySummary.FIND, MonthlySummary.class)
              .setParameter("organisationId", id)
              .setParameter("month", first)
              .getResultStream()
              .findFirst()
              .orElseGet(
                  () -> {
                    MonthlySummary created = new MonthlySummary(o, first);
                    em.persist(created);
                    return created;
                  });
      s.record(
          now,
          opened.getOrDefault(id, 0L),
          identifiedOwn.getOrDefault(id, 0L) + identifiedBy.getOrDefault(id, 0L),
          sent.getOrDefault(id, 0L),
          received.getOrDefault(id, 0L),
          accepted.getOrDefault(id, 0L),
          proceedings.getOrDefault(id, 0L));
    }
    em.flush();
    LOG.log(
        Level.INFO,
        "Monthly summaries of {0} computed for {1} organisations",
        new Object[] {month, organisations.size()});
    return organisations.size();
  }

  /**
   * The latest summaries of the viewer's organisation, newest first.
   *
   * @param viewer who asks
   * @param months at most this many months
   * @return the summaries the timer has computed, possibly none yet
   */
  public List<MonthView> latest(Viewer viewer, int months) {
    return em
        .createNamedQuery(MonthlySummary.LATEST, MonthlySummary.class)
        .setParameter("organisationId", viewer.organisationId())
        .setMaxResults(Math.max(1, Math.min(24, months)))
        .getResultList()
        .stream()
        .map(
            s ->
                new MonthView(
                    YearMonth.from(s.getMonth()),
                    s.getComputedAt(),
                    s.getCasesOpened(),
                    s.getIdentifications(),
                    s.getReferralsSent(),
                    s.getReferralsReceived(),
                    s.getReferralsAccepted(),
                    s.getProceedingsRecorded()))
        .toList();
  }

  private Map<Long, Long> byOrganisation(String jpql, LocalDate a, LocalDate b) {
    Map<Long, Long> counts = new HashMap<>();
    for (Object[] row :
        em.createQuery(jpql, Object[].class)
            .setParameter("a", a)
            .setParameter("b", b)
            .getResultList()) {
      if (row[0] != null) {
        counts.put((Long) row[0], (Long) row[1]);
      }
    }
    return counts;
  }
}
