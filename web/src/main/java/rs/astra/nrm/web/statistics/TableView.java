package rs.astra.nrm.web.statistics;

import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A statistics table ready for the page: translated labels, the texts shown on screen and the texts
 * an export holds (always small-cell protected), and its chart.
 *
 * @param id a short name, used for the export's file name
 * @param title the translated title
 * @param rowHeader the header of the label column
 * @param columns the translated column headers
 * @param extraColumns headers of columns after the total (rates), possibly none
 * @param lines the rows, the totals row last
 * @param chart the Chart.js configuration (JSON) of the chart beside the table
 * @param showRowTotal whether the table has a total column (not for a single column of counts)
 * @param protectedOnScreen whether the screen shows protected figures
 */
public record TableView(
    String id,
    String title,
    String rowHeader,
    List<String> columns,
    List<String> extraColumns,
    List<Line> lines,
    String chart,
    boolean showRowTotal,
    boolean protectedOnScreen)
    implements Serializable {

  /**
   * One row.
   *
   * @param label the translated row label ("Total" for the totals row)
   * @param shown the texts of its cells on screen
   * @param exported the texts of its cells in an export
   * @param totalShown its total on screen
   * @param totalExported its total in an export
   * @param extraShown the extra columns on screen
   * @param extraExported the extra columns in an export
   * @param total whether this is the totals row
   */
  public record Line(
      String label,
      List<String> shown,
      List<String> exported,
      String totalShown,
      String totalExported,
      List<String> extraShown,
      List<String> extraExported,
      boolean total)
      implements Serializable {}

  /**
   * @return the export file name without extension
   */
  public String fileName() {
    return "nrm-" + id;
  }

  /**
   * @return 0 … columns − 1, for {@code p:columns}
   */
  public List<Integer> columnIndexes() {
    return IntStream.range(0, columns.size()).boxed().toList();
  }

  /**
   * @return 0 … extra columns − 1
   */
  public List<Integer> extraIndexes() {
    return IntStream.range(0, extraColumns.size()).boxed().toList();
  }
}
