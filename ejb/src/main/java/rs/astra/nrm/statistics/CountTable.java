package rs.astra.nrm.statistics;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A two-way table of counts as it comes out of the database, before any protection: rows × columns
 * of non-negative counts. Totals are not part of it: {@link SmallCellProtection} computes them as
 * sums of the cells, so that what is shown always adds up.
 *
 * @param rowLabels the row labels (codes, e.g. enum names or years), one per row
 * @param columnLabels the column labels, one per column
 * @param counts {@code counts[row][column]}, copied; every row has one count per column
 */
public record CountTable(List<String> rowLabels, List<String> columnLabels, long[][] counts)
    implements Serializable {

  /**
   * @throws IllegalArgumentException if the shape does not match the labels or a count is negative
   * @throws NullPointerException if an argument is {@code null}
   */
  public CountTable {
    rowLabels = List.copyOf(rowLabels);
    columnLabels = List.copyOf(columnLabels);
    Objects.requireNonNull(counts, "counts");
    if (counts.length != rowLabels.size()) {
      throw new IllegalArgumentException("one row of counts per row label");
    }
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      if (counts[i].length != columnLabels.size()) {
        throw new IllegalArgumentException("one count per column label in row " + i);
      }
      for (long v : counts[i]) {
        if (v < 0) {
          throw new IllegalArgumentException("counts are never negative");
        }
      }
      copy[i] = counts[i].clone();
    }
    counts = copy;
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
   * @return the count
   */
  public long count(int row, int column) {
    return counts[row][column];
  }

  /**
   * @return a copy of the counts
   */
  @Override
  public long[][] counts() {
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CountTable t
        && rowLabels.equals(t.rowLabels)
        && columnLabels.equals(t.columnLabels)
        && java.util.Arrays.deepEquals(counts, t.counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rowLabels, columnLabels, java.util.Arrays.deepHashCode(counts));
  }
}
