package rs.astra.nrm.hotline;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.NrmTime;

/**
 * The hotline statistics of the viewer's NGO: counted in the database (calls grouped by month,
 * purpose, channel and caller type; checks by month and outcome) and added up by {@link
 * HotlineStatistics}. Only the NGO's own calls are counted.
 */
@Stateless
public class HotlineStatisticsService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * The figures of a year, or of one month of it.
   *
   * @param viewer a hotline user
   * @param year 2000–2100 (Europe/Belgrade calendar)
   * @param month 1–12, or {@code null} for the whole year
   * @return the figures
   * @throws InvalidRequestException {@code hotline.error.period} for a year or month out of range
   * @throws rs.astra.nrm.organisation.NotPermittedException for other users
   */
  public HotlineStatistics statistics(Viewer viewer, int year, Integer month) {
    HotlineUsers.require(viewer);
    if (year < 2000 || year > 2100 || (month != null && (month < 1 || month > 12))) {
      throw new InvalidRequestException("hotline.error.period");
    }
    List<HotlineStatistics.CallCount> calls =
        em
            .createQuery(
                "select c.callMonth, c.purpose, c.channel, c.callerType, count(c) from HotlineCall c"
                    + " where c.organisation.id = :org and c.callYear = :year group by c.callMonth, c.purpose, c.channel, c.callerType",
                Object[].class)
            .setParameter("org", viewer.organisationId())
            .setParameter("year", year)
            .getResultList()
            .stream()
            .map(
                r ->
                    new HotlineStatistics.CallCount(
                        ((Number) r[0]).intValue(),
                        (CallPurpose) r[1],
                        (CallChannel) r[2],
                        (CallerType) r[3],
                        ((Number) r[4]).longValue()))
            .toList();
    List<HotlineStatistics.CheckCount> checks =
        em
            .createQuery(
                "select c.callMonth, k.outcome, count(k) from JobOfferCheck k join k.call c"
                    + " where k.organisation.id = :org and c.callYear = :year group by c.callMonth, k.outcome",
                Object[].class)
            .setParameter("org", viewer.organisationId())
            .setParameter("year", year)
            .getResultList()
            .stream()
            .map(
                r ->
                    new HotlineStatistics.CheckCount(
                        ((Number) r[0]).intValue(),
                        (CheckOutcome) r[1],
                        ((Number) r[2]).longValue()))
            .toList();
    return HotlineStatistics.of(year, month, calls, checks);
  }

  /**
   * The years the organisation has calls in, and the current one.
   *
   * @param viewer a hotline user
   * @return the years, newest first
   */
  public List<Integer> years(Viewer viewer) {
    HotlineUsers.require(viewer);
    TreeSet<Integer> years = new TreeSet<>(java.util.Comparator.reverseOrder());
    years.add(Instant.now().atZone(NrmTime.ZONE).getYear());
    years.addAll(
        em.createQuery(
                "select distinct c.callYear from HotlineCall c where c.organisation.id = :org",
                Integer.class)
            .setParameter("org", viewer.organisationId())
            .getResultList());
    return List.copyOf(years);
  }
}
