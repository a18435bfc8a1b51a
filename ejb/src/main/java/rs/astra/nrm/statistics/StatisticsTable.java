package rs.astra.nrm.statistics;

import java.io.Serializable;
import java.util.Objects;

/**
 * One table of the statistics page: what the screen shows and what an export of it holds. Both are
 * protected by {@link SmallCellProtection} when the figures go beyond the viewer's own
 * organisation; for her own organisation's figures the screen shows every count and only the export
 * is protected.
 *
 * @param titleKey resource-bundle key of the title
 * @param rows what the rows stand for
 * @param columns what the columns stand for
 * @param shown the table for the screen
 * @param exported the table for XLSX, CSV and PDF exports, always protected
 */
public record StatisticsTable(
    String titleKey,
    Dimension rows,
    Dimension columns,
    ProtectedTable shown,
    ProtectedTable exported)
    implements Serializable {

  /**
   * @throws NullPointerException if an argument is {@code null}
   */
  public StatisticsTable {
    Objects.requireNonNull(titleKey, "titleKey");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(shown, "shown");
    Objects.requireNonNull(exported, "exported");
  }
}
