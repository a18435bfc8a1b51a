package rs.astra.nrm.statistics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table as it may be shown: every cell, row total, column total and the grand total either with
 * its value or hidden. A hidden cell does not carry its value, so that no page, chart or export can
 * leak it by mistake.
 *
 * @param rowLabels the row labels
 * @param columnLabels the column labels
 * @param cells {@code cells.get(row).get(column)}
 * @param rowTotals one per row: the sum of the row
 * @param columnTotals one per column: the sum of the column
 * @param grandTotal the sum of all cells
 */
public record ProtectedTable(
    List<String> rowLabels,
    List<String> columnLabels,
    List<List<Cell>> cells,
    List<Cell> rowTotals,
    List<Cell> columnTotals,
    Cell grandTotal)
    implements Serializable {

  /** Copies the lists. */
  public ProtectedTable {
    rowLabels = List.copyOf(rowLabels);
    columnLabels = List.copyOf(columnLabels);
    cells = cells.stream().map(List::copyOf).toList();
    rowTotals = List.copyOf(rowTotals);
    columnTotals = List.copyOf(columnTotals);
    Objects.requireNonNull(grandTotal, "grandTotal");
  }

  /** Why a figure is shown or hidden. */
  public enum Protection {
    /** Shown as it is. */
    SHOWN,
    /** A count from 1 to 4: shown as "&lt;5" (primary suppression). */
    SMALL,
    /**
     * Hidden so that a small count cannot be computed back from the totals (secondary suppression).
     */
    COMPLEMENTARY
  }

  /**
   * One figure.
   *
   * @param value the count, or {@code null} when hidden
   * @param protection shown, small or complementary
   */
  public record Cell(Long value, Protection protection) implements Serializable {

    /** The text shown for a small count. */
    public static final String SMALL_TEXT = "<5";

    /** The text shown for a complementary hidden count. */
    public static final String COMPLEMENTARY_TEXT = "x";

    /**
     * @throws IllegalArgumentException if a shown cell has no value or a hidden one has one
     */
    public Cell {
      Objects.requireNonNull(protection, "protection");
      if ((protection == Protection.SHOWN) != (value != null)) {
        throw new IllegalArgumentException("a shown cell has a value, a hidden one none");
      }
    }

    /**
     * @param value the count
     * @return a shown cell
     */
    public static Cell shown(long value) {
      return new Cell(value, Protection.SHOWN);
    }

    /**
     * @return whether the figure is hidden
     */
    public boolean hidden() {
      return protection != Protection.SHOWN;
    }

    /**
     * @return the text to show: the number, "&lt;5" or "x"
     */
    public String text() {
      return switch (protection) {
        case SHOWN -> String.valueOf(value);
        case SMALL -> SMALL_TEXT;
        case COMPLEMENTARY -> COMPLEMENTARY_TEXT;
      };
    }

    /**
     * @return the value for a chart: the count, or 0 when hidden (charts show hidden figures as
     *     empty)
     */
    public long chartValue() {
      return value == null ? 0 : value;
    }
  }

  /**
   * The table with every figure shown: for an organisation's own figures on its own screens.
   *
   * @param table the counts
   * @return the table with totals, nothing hidden
   */
  public static ProtectedTable unprotected(CountTable table) {
    List<List<Cell>> cells = new ArrayList<>();
    long[] columnSums = new long[table.columns()];
    List<Cell> rowTotals = new ArrayList<>();
    long grand = 0;
    for (int i = 0; i < table.rows(); i++) {
      List<Cell> row = new ArrayList<>();
      long sum = 0;
      for (int j = 0; j < table.columns(); j++) {
        long v = table.count(i, j);
        row.add(Cell.shown(v));
        sum += v;
        columnSums[j] += v;
      }
      cells.add(row);
      rowTotals.add(Cell.shown(sum));
      grand += sum;
    }
    List<Cell> columnTotals = new ArrayList<>();
    for (long s : columnSums) {
      columnTotals.add(Cell.shown(s));
    }
    return new ProtectedTable(
        table.rowLabels(), table.columnLabels(), cells, rowTotals, columnTotals, Cell.shown(grand));
  }

  /**
   * @return the number of rows
   */
  public int rows() {
    return rowLabels.size();
  }

  /**
   * @return the number of columns
   */
  public int columns() {
    return columnLabels.size();
  }

  /**
   * @param row 0-based row
   * @param column 0-based column
   * @return the cell
   */
  public Cell cell(int row, int column) {
    return cells.get(row).get(column);
  }

  /**
   * @return how many figures (cells and totals) are hidden
   */
  public int hiddenCount() {
    int n = grandTotal.hidden() ? 1 : 0;
    for (List<Cell> row : cells) {
      n += (int) row.stream().filter(Cell::hidden).count();
    }
    n += (int) rowTotals.stream().filter(Cell::hidden).count();
    n += (int) columnTotals.stream().filter(Cell::hidden).count();
    return n;
  }
}
