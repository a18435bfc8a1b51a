package rs.astra.nrm.statistics;

import java.util.List;

/**
 * EXTENSION POINT for figures that other parts of the portal own: each contributes a CDI bean
 * implementing this interface and the statistics page shows its tables after the built-in ones,
 * protected by the same rules: services planned and provided by type ({@link
 * SupportServiceFigures}) and the SOS hotline's calls and job-offer checks ({@link
 * HotlineFigures}).
 *
 * <p>An implementation counts in the database (GROUP BY), never loads records into Java, and
 * returns raw counts; {@link StatisticsService} applies {@link SmallCellProtection}.
 */
public interface StatisticsSection {

  /**
   * One contributed table of counts.
   *
   * @param titleKey resource-bundle key of its title
   * @param rows what its rows stand for
   * @param columns what its columns stand for
   * @param counts the counts, labelled with the values of the dimensions
   */
  record Contribution(String titleKey, Dimension rows, Dimension columns, CountTable counts) {}

  /**
   * Counts the section's figures.
   *
   * @param period the days to count
   * @param organisationId the organisation whose figures are asked for, or {@code null} for all
   * @return the tables, possibly none
   */
  List<Contribution> count(StatisticsService.Period period, Long organisationId);
}
