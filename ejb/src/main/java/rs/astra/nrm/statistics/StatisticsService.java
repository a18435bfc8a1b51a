package rs.astra.nrm.statistics;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import rs.astra.nrm.casefile.NrmStage;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.exchange.AgeBand;
import rs.astra.nrm.exchange.Sex;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.proceedings.Offence;
import rs.astra.nrm.proceedings.ProceedingsEntryKind;
import rs.astra.nrm.shared.InvalidRequestException;

/**
 * The figures of the statistics page, counted in the database (GROUP BY; no case is loaded) and
 * protected by {@link SmallCellProtection} whenever they go beyond the viewer's own organisation.
 *
 * <p>Who sees what: NGO coordinators, CPTV officers and administrators see the figures of all
 * organisations, always protected; everyone else sees her own organisation's figures (cases it
 * owns, referrals it sent or received, proceedings on its cases or recorded by it, CTDC records it
 * imported), unprotected on screen. Every export is protected. The scope is the access policy's
 * rule ({@link AccessPolicy#statisticsScope}), applied in each query's WHERE clause.
 *
 * <p>The victims' table counts the portal's presumed and identified victims (HTCDS {@code
 * vic_TraffickingStatus} possible or actual victim) registered in the period, plus the historical
 * CTDC records of the period's years, so that years before the portal appear.
 */
@Stateless
public class StatisticsService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private Instance<StatisticsSection> sections;

  private final SmallCellProtection protection = new SmallCellProtection();

  /**
   * The days counted, both inclusive (Europe/Belgrade calendar days).
   *
   * @param from first day
   * @param to last day
   */
  public record Period(LocalDate from, LocalDate to) implements Serializable {

    /**
     * @throws InvalidRequestException {@code statistics.error.period} when a day is missing or the
     *     period ends before it starts
     */
    public Period {
      if (from == null || to == null || to.isBefore(from)) {
        throw new InvalidRequestException("statistics.error.period");
      }
    }
  }

  /**
   * Acceptance rate and median time to answer of one referral route, or {@code null} where hidden.
   *
   * @param acceptanceRate accepted ÷ (accepted + rejected), 0–1; hidden when either count is
   * @param medianDays median days from sending to the answer, of referrals answered in the portal;
   *     hidden when fewer than 5 were answered or the route's total is hidden
   */
  public record RouteFigures(Double acceptanceRate, Double medianDays) implements Serializable {}

  /**
   * Referrals by route with their rates.
   *
   * @param table counts by route × outcome
   * @param shown rate and median per route for the screen, in row order
   * @param exported the same for exports
   */
  public record ReferralFigures(
      StatisticsTable table, List<RouteFigures> shown, List<RouteFigures> exported)
      implements Serializable {}

  /**
   * Whether a user sees the figures of all organisations.
   *
   * @param viewer who asks
   * @return {@code true} for NGO coordinators, CPTV officers and administrators (the policy's rule,
   *     {@link AccessPolicy#statisticsScope})
   */
  public static boolean seesAllOrganisations(Viewer viewer) {
    return AccessPolicy.statisticsScope(viewer).allOrganisations();
  }

  /**
   * Cases opened in the period by NRM stage (their stage today).
   *
   * @param viewer who asks
   * @param period the days
   * @return one column of counts, rows in stage order
   */
  public StatisticsTable casesByStage(Viewer viewer, Period period) {
    AccessPolicy.StatisticsScope scope = AccessPolicy.statisticsScope(viewer);
    Query q =
        em.createNativeQuery(StatisticsQueries.casesByStage(!scope.allOrganisations()))
            .setParameter(1, period.from())
            .setParameter(2, period.to());
    scope.bind(q, 3, 1);
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row : rows(q)) {
      counts.put((String) row[0], number(row[1]));
    }
    List<String> labels = new ArrayList<>();
    for (NrmStage s : NrmStage.values()) {
      if (counts.containsKey(s.name())) {
        labels.add(s.name());
      }
    }
    return table(
        viewer,
        "statistics.casesByStage",
        Dimension.STAGE,
        Dimension.FIGURE,
        column(labels, counts));
  }

  /**
   * Presumed and identified victims, portal and CTDC records together, by two dimensions.
   *
   * @param viewer who asks
   * @param period the days (CTDC records: the years they touch)
   * @param rows the row dimension, one of the victim dimensions
   * @param columns the column dimension, another one
   * @return the table; rows and columns only for values that occur, in a fixed order (enums in
   *     declaration order, years ascending, countries alphabetically, unknown last)
   * @throws InvalidRequestException {@code statistics.error.dimensions} for a dimension that is not
   *     a victim dimension, or the same one twice
   */
  public StatisticsTable victims(Viewer viewer, Period period, Dimension rows, Dimension columns) {
    if (rows == null
        || columns == null
        || !rows.victimDimension()
        || !columns.victimDimension()
        || rows == columns) {
      throw new InvalidRequestException("statistics.error.dimensions");
    }
    AccessPolicy.StatisticsScope scope = AccessPolicy.statisticsScope(viewer);
    Query q =
        em.createNativeQuery(StatisticsQueries.victims(rows, columns, !scope.allOrganisations()))
            .setParameter(1, period.from())
            .setParameter(2, period.to())
            .setParameter(3, period.from().getYear())
            .setParameter(4, period.to().getYear());
    scope.bind(q, 5, 2);
    Map<List<String>, Long> counts = new HashMap<>();
    Set<String> rowLabels = new TreeSet<>(order(rows));
    Set<String> columnLabels = new TreeSet<>(order(columns));
    for (Object[] row : rows(q)) {
      String a = ((String) row[0]).strip();
      String b = ((String) row[1]).strip();
      rowLabels.add(a);
      columnLabels.add(b);
      counts.merge(List.of(a, b), number(row[2]), Long::sum);
    }
    return table(
        viewer, "statistics.victims", rows, columns, crossTable(rowLabels, columnLabels, counts));
  }

  /**
   * Children and adults among the victims, by year.
   *
   * @param viewer who asks
   * @param period the days
   * @return years × MINOR / ADULT / UNKNOWN
   */
  public StatisticsTable minorsByYear(Viewer viewer, Period period) {
    StatisticsTable t = victims(viewer, period, Dimension.YEAR, Dimension.MAJORITY);
    return new StatisticsTable("statistics.minors", t.rows(), t.columns(), t.shown(), t.exported());
  }

  /**
   * Referrals dated in the period, by route (sending → receiving organisation type) and outcome,
   * with the acceptance rate and the median days to answer.
   *
   * @param viewer who asks
   * @param period the days
   * @return the figures; a rate or median is hidden where the counts behind it are
   */
  public ReferralFigures referrals(Viewer viewer, Period period) {
    AccessPolicy.StatisticsScope scope = AccessPolicy.statisticsScope(viewer);
    boolean one = !scope.allOrganisations();
    Query q =
        em.createNativeQuery(StatisticsQueries.referrals(one))
            .setParameter(1, period.from())
            .setParameter(2, period.to());
    scope.bind(q, 3, 2);
    Map<String, long[]> byRoute = new HashMap<>();
    Map<String, Double> median = new HashMap<>();
    for (Object[] row : rows(q)) {
      String route = row[0] + ">" + row[1];
      byRoute.put(
          route, new long[] {number(row[2]), number(row[3]), number(row[4]), number(row[5])});
      median.put(route, row[6] == null ? null : ((Number) row[6]).doubleValue());
    }
    List<String> routes = new ArrayList<>(byRoute.keySet());
    routes.sort(
        Comparator.comparing(
                (String r) -> OrganisationType.valueOf(r.substring(0, r.indexOf('>'))).ordinal())
            .thenComparing(
                r -> OrganisationType.valueOf(r.substring(r.indexOf('>') + 1)).ordinal()));
    long[][] counts = new long[routes.size()][3];
    for (int i = 0; i < routes.size(); i++) {
      System.arraycopy(byRoute.get(routes.get(i)), 0, counts[i], 0, 3);
    }
    CountTable raw = new CountTable(routes, List.of("ACCEPTED", "REJECTED", "OTHER"), counts);
    StatisticsTable table =
        table(
            viewer,
            "statistics.referrals",
            Dimension.REFERRAL_ROUTE,
            Dimension.REFERRAL_OUTCOME,
            raw);
    List<RouteFigures> shown = new ArrayList<>();
    List<RouteFigures> exported = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      long answered = byRoute.get(routes.get(i))[3];
      Double m = median.get(routes.get(i));
      exported.add(routeFigures(table.exported(), i, answered, m, true));
      shown.add(one ? routeFigures(table.shown(), i, answered, m, false) : exported.get(i));
    }
    return new ReferralFigures(table, shown, exported);
  }

  private static RouteFigures routeFigures(
      ProtectedTable t, int row, long answered, Double median, boolean protect) {
    ProtectedTable.Cell accepted = t.cell(row, 0);
    ProtectedTable.Cell rejected = t.cell(row, 1);
    Double rate = null;
    if (!accepted.hidden() && !rejected.hidden() && accepted.value() + rejected.value() > 0) {
      rate = accepted.value() / (double) (accepted.value() + rejected.value());
    }
    Double days = median;
    if (protect && (answered < SmallCellProtection.THRESHOLD || t.rowTotals().get(row).hidden())) {
      days = null;
    }
    return new RouteFigures(rate, days);
  }

  /**
   * Cases with a step of the criminal proceedings dated in the period, by step.
   *
   * @param viewer who asks
   * @param period the days
   * @return one column of counts, rows in step order
   */
  public StatisticsTable proceedingsBySteps(Viewer viewer, Period period) {
    return oneColumn(
        viewer,
        period,
        StatisticsQueries.proceedingsBySteps(!seesAllOrganisations(viewer)),
        "statistics.proceedings",
        Dimension.PROCEEDINGS_STEP,
        java.util.Arrays.stream(ProceedingsEntryKind.values()).map(Enum::name).toList());
  }

  /**
   * Verdicts dated in the period, by offence.
   *
   * @param viewer who asks
   * @param period the days
   * @return one column of counts
   */
  public StatisticsTable verdicts(Viewer viewer, Period period) {
    List<String> order =
        new ArrayList<>(java.util.Arrays.stream(Offence.values()).map(Enum::name).toList());
    order.add(StatisticsQueries.UNKNOWN);
    return oneColumn(
        viewer,
        period,
        StatisticsQueries.verdicts(!seesAllOrganisations(viewer)),
        "statistics.verdicts",
        Dimension.OFFENCE,
        order);
  }

  /**
   * The tables other parts of the portal contribute (see {@link StatisticsSection}): the support
   * plan's services and the SOS hotline's figures.
   *
   * @param viewer who asks
   * @param period the days
   * @return the tables, protected like the built-in ones
   */
  public List<StatisticsTable> contributed(Viewer viewer, Period period) {
    List<StatisticsTable> tables = new ArrayList<>();
    Long org = AccessPolicy.statisticsScope(viewer).organisationId();
    for (StatisticsSection section : sections) {
      for (StatisticsSection.Contribution c : section.count(period, org)) {
        tables.add(table(viewer, c.titleKey(), c.rows(), c.columns(), c.counts()));
      }
    }
    return tables;
  }

  private StatisticsTable oneColumn(
      Viewer viewer,
      Period period,
      String sql,
      String titleKey,
      Dimension rows,
      List<String> order) {
    Query q = em.createNativeQuery(sql).setParameter(1, period.from()).setParameter(2, period.to());
    AccessPolicy.statisticsScope(viewer).bind(q, 3, 2);
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row : rows(q)) {
      counts.put((String) row[0], number(row[1]));
    }
    List<String> labels = order.stream().filter(counts::containsKey).toList();
    return table(viewer, titleKey, rows, Dimension.FIGURE, column(labels, counts));
  }

  /** The protected and, for one organisation's own figures, unprotected versions of a table. */
  private StatisticsTable table(
      Viewer viewer, String titleKey, Dimension rows, Dimension columns, CountTable counts) {
    ProtectedTable exported = protection.protect(counts);
    ProtectedTable shown =
        seesAllOrganisations(viewer) ? exported : ProtectedTable.unprotected(counts);
    return new StatisticsTable(titleKey, rows, columns, shown, exported);
  }

  private static CountTable column(List<String> labels, Map<String, Long> counts) {
    long[][] c = new long[labels.size()][1];
    for (int i = 0; i < labels.size(); i++) {
      c[i][0] = counts.get(labels.get(i));
    }
    return new CountTable(labels, List.of("COUNT"), c);
  }

  private static CountTable crossTable(
      Set<String> rowLabels, Set<String> columnLabels, Map<List<String>, Long> counts) {
    List<String> rl = new ArrayList<>(rowLabels);
    List<String> cl = new ArrayList<>(columnLabels);
    long[][] c = new long[rl.size()][cl.size()];
    for (int i = 0; i < rl.size(); i++) {
      for (int j = 0; j < cl.size(); j++) {
        c[i][j] = counts.getOrDefault(List.of(rl.get(i), cl.get(j)), 0L);
      }
    }
    return new CountTable(rl, cl, c);
  }

  /**
   * The order of a dimension's labels: enums in declaration order, others alphabetically; unknown
   * last.
   */
  static Comparator<String> order(Dimension d) {
    Function<String, Integer> rank =
        switch (d) {
          case STATUS -> l -> List.of("IDENTIFIED", "PRESUMED").indexOf(l);
          case EXPLOITATION -> l -> ordinal(TypeOfExploitation.class, l);
          case SEX -> l -> ordinal(Sex.class, l);
          case AGE_BAND -> l -> ordinal(AgeBand.class, l);
          case MAJORITY -> l -> List.of("MINOR", "ADULT").indexOf(l);
          default -> l -> 0;
        };
    Comparator<String> unknownLast =
        Comparator.comparing((String l) -> StatisticsQueries.UNKNOWN.equals(l));
    return unknownLast
        .thenComparing(l -> rank.apply(l) < 0 ? Integer.MAX_VALUE : rank.apply(l))
        .thenComparing(Comparator.naturalOrder());
  }

  private static <E extends Enum<E>> int ordinal(Class<E> type, String name) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e.ordinal();
      }
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(Query q) {
    return (List<Object[]>) q.getResultList();
  }

  private static long number(Object o) {
    return o == null ? 0 : ((Number) Objects.requireNonNull(o)).longValue();
  }
}
