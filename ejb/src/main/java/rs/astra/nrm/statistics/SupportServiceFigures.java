package rs.astra.nrm.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rs.astra.nrm.support.ServiceStatus;
import rs.astra.nrm.support.ServiceType;

/**
 * Services planned and provided, by type and status, from the support plans: a {@link
 * StatisticsSection}, counted with GROUP BY in the caller's transaction. For one organisation: the
 * services on its cases, recorded by it or provided by it.
 */
@ApplicationScoped
public class SupportServiceFigures implements StatisticsSection {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Override
  public List<Contribution> count(StatisticsService.Period period, Long organisationId) {
    Query q =
        em.createNativeQuery(StatisticsQueries.services(organisationId != null))
            .setParameter(1, period.from())
            .setParameter(2, period.to());
    if (organisationId != null) {
      q.setParameter(3, organisationId)
          .setParameter(4, organisationId)
          .setParameter(5, organisationId);
    }
    Map<List<String>, Long> counts = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    for (Object[] row : rows) {
      counts.put(
          List.of(((String) row[0]).strip(), ((String) row[1]).strip()),
          ((Number) row[2]).longValue());
    }
    List<String> types =
        Arrays.stream(ServiceType.values())
            .map(Enum::name)
            .filter(t -> counts.keySet().stream().anyMatch(k -> k.get(0).equals(t)))
            .toList();
    List<String> statuses = Arrays.stream(ServiceStatus.values()).map(Enum::name).toList();
    long[][] table = new long[types.size()][statuses.size()];
    for (int i = 0; i < types.size(); i++) {
      for (int j = 0; j < statuses.size(); j++) {
        table[i][j] = counts.getOrDefault(List.of(types.get(i), statuses.get(j)), 0L);
      }
    }
    return new ArrayList<>(
        List.of(
            new Contribution(
                "statistics.services",
                Dimension.SERVICE_TYPE,
                Dimension.SERVICE_STATUS,
                new CountTable(types, statuses, table))));
  }
}
