package rs.astra.nrm.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rs.astra.nrm.hotline.CallPurpose;
import rs.astra.nrm.hotline.CallerType;
import rs.astra.nrm.hotline.CheckOutcome;

/**
 * The SOS hotline's figures on the statistics page, a {@link StatisticsSection}: calls by purpose
 * and caller type, and job-offer checks by outcome, counted by calendar month (the months the
 * period touches) with GROUP BY. For one organisation: the calls and checks of the hotline it
 * keeps. The hotline's own page (`hotline-statistics.xhtml`) keeps its monthly detail.
 */
@ApplicationScoped
public class HotlineFigures implements StatisticsSection {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Override
  public List<Contribution> count(StatisticsService.Period period, Long organisationId) {
    int first = period.from().getYear() * 100 + period.from().getMonthValue();
    int last = period.to().getYear() * 100 + period.to().getMonthValue();
    Map<List<String>, Long> calls = new HashMap<>();
    for (Object[] row :
        rows(StatisticsQueries.hotlineCalls(organisationId != null), first, last, organisationId)) {
      calls.put(
          List.of(((String) row[0]).strip(), ((String) row[1]).strip()),
          ((Number) row[2]).longValue());
    }
    List<String> purposes =
        Arrays.stream(CallPurpose.values())
            .map(Enum::name)
            .filter(p -> calls.keySet().stream().anyMatch(k -> k.get(0).equals(p)))
            .toList();
    List<String> callers = Arrays.stream(CallerType.values()).map(Enum::name).toList();
    long[][] byPurpose = new long[purposes.size()][callers.size()];
    for (int i = 0; i < purposes.size(); i++) {
      for (int j = 0; j < callers.size(); j++) {
        byPurpose[i][j] = calls.getOrDefault(List.of(purposes.get(i), callers.get(j)), 0L);
      }
    }
    Map<String, Long> checks = new HashMap<>();
    for (Object[] row :
        rows(
            StatisticsQueries.jobOfferChecks(organisationId != null),
            first,
            last,
            organisationId)) {
      checks.put(((String) row[0]).strip(), ((Number) row[1]).longValue());
    }
    List<String> outcomes =
        Arrays.stream(CheckOutcome.values()).map(Enum::name).filter(checks::containsKey).toList();
    long[][] byOutcome = new long[outcomes.size()][1];
    for (int i = 0; i < outcomes.size(); i++) {
      byOutcome[i][0] = checks.get(outcomes.get(i));
    }
    return List.of(
        new Contribution(
            "statistics.hotlineCalls",
            Dimension.CALL_PURPOSE,
            Dimension.CALLER_TYPE,
            new CountTable(purposes, callers, byPurpose)),
        new Contribution(
            "statistics.jobOfferChecks",
            Dimension.CHECK_OUTCOME,
            Dimension.FIGURE,
            new CountTable(outcomes, List.of("COUNT"), byOutcome)));
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, int first, int last, Long organisationId) {
    Query q = em.createNativeQuery(sql).setParameter(1, first).setParameter(2, last);
    if (organisationId != null) {
      q.setParameter(3, organisationId);
    }
    return q.getResultList();
  }
}
