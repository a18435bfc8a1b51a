package rs.astra.nrm.statistics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import rs.astra.nrm.statistics.ProtectedTable.Cell;
import rs.astra.nrm.statistics.ProtectedTable.Protection;

/**
 * The one component that protects identities in every table the portal shows outside the owning
 * organisation and in every export: small-cell suppression with complementary suppression.
 *
 * <ol>
 *   <li><b>Primary suppression.</b> Every count from 1 to {@value #THRESHOLD}−1 — cell, row total,
 *       column total or grand total — is shown as "&lt;5". Zero stays 0: an empty cell names
 *       nobody.
 *   <li><b>Complementary (secondary) suppression.</b> Further cells are hidden (shown as "x") until
 *       no hidden figure can be computed back from the figures shown, by subtracting within a row
 *       or column or by any sum and difference of rows and columns.
 * </ol>
 *
 * <p>How the second step decides: the table with its totals is an (r+1)×(c+1) grid in which every
 * row and every column adds up (the cells to the total). Hidden figures are edges of a graph whose
 * nodes are the grid's rows and columns. A hidden figure can be computed from the shown ones
 * exactly when its edge lies on no cycle of that graph (it is a bridge): a row with a single hidden
 * figure is the simplest case, two blocks of hidden cells joined by one cell a less obvious one.
 * While a hidden figure is a bridge, the cheapest path of further cells that closes a cycle through
 * it is hidden: cost is the count (small counts are hidden first, losing least information), totals
 * only when no path through inner cells exists, zero cells never. Every round hides at least one
 * more figure, so the procedure ends; the result is deterministic.
 *
 * <p>What this guarantees: no hidden figure has a single possible value given the figures shown and
 * the additivity of the table. It does not run an interval (linear-programming) audit: a reader
 * still knows that "&lt;5" means 1–4 and that "x" means 5 or more.
 *
 * <p>Sources: the rule of five is the threshold of the Statistical Office of the Republic of Serbia
 * and Eurostat for tables about persons; complementary suppression as in Eurostat's "Handbook on
 * Statistical Disclosure Control" (Hundepool et al.), ch. 4. Data minimisation: GDPR Art. 5(1)(c),
 * Law 87/2018 art. 5.
 *
 * <p>Thread-safe and stateless.
 */
public final class SmallCellProtection {

  /** Counts below this and above zero are hidden. */
  public static final int THRESHOLD = 5;

  private static final long NOT_USABLE = Long.MAX_VALUE;

  /**
   * Protects a table.
   *
   * @param table the counts (totals are computed as their sums)
   * @return the same table with totals, small counts shown as "&lt;5" and complementary cells
   *     hidden
   */
  public ProtectedTable protect(CountTable table) {
    int r = table.rows();
    int c = table.columns();
    // The grid with totals: row r holds the column totals, column c the row totals.
    long[][] v = new long[r + 1][c + 1];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        v[i][j] = table.count(i, j);
        v[i][c] += v[i][j];
        v[r][j] += v[i][j];
        v[r][c] += v[i][j];
      }
    }
    Protection[][] p = new Protection[r + 1][c + 1];
    for (int i = 0; i <= r; i++) {
      for (int j = 0; j <= c; j++) {
        p[i][j] = isSmall(v[i][j]) ? Protection.SMALL : Protection.SHOWN;
      }
    }
    if (r > 0 && c > 0) {
      closeBridges(v, p);
    }

    List<List<Cell>> cells = new ArrayList<>();
    List<Cell> rowTotals = new ArrayList<>();
    for (int i = 0; i < r; i++) {
      List<Cell> row = new ArrayList<>();
      for (int j = 0; j < c; j++) {
        row.add(cell(v[i][j], p[i][j]));
      }
      cells.add(row);
      rowTotals.add(cell(v[i][c], p[i][c]));
    }
    List<Cell> columnTotals = new ArrayList<>();
    for (int j = 0; j < c; j++) {
      columnTotals.add(cell(v[r][j], p[r][j]));
    }
    return new ProtectedTable(
        table.rowLabels(),
        table.columnLabels(),
        cells,
        rowTotals,
        columnTotals,
        cell(v[r][c], p[r][c]));
  }

  /**
   * Whether a count is small enough to name a person.
   *
   * @param count a count
   * @return {@code true} for 1 to 4
   */
  public static boolean isSmall(long count) {
    return count > 0 && count < THRESHOLD;
  }

  private static Cell cell(long value, Protection protection) {
    return protection == Protection.SHOWN ? Cell.shown(value) : new Cell(null, protection);
  }

  /** Hides further figures until no hidden figure is a bridge of the graph of hidden figures. */
  private static void closeBridges(long[][] v, Protection[][] p) {
    int rows = v.length;
    int cols = v[0].length;
    long penalty = 1;
    for (int i = 0; i < rows - 1; i++) {
      for (int j = 0; j < cols - 1; j++) {
        penalty += v[i][j];
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < rows && !changed; i++) {
        for (int j = 0; j < cols && !changed; j++) {
          if (p[i][j] != Protection.SHOWN && isBridge(p, i, j)) {
            hidePathClosingCycle(v, p, i, j, penalty);
            changed = true;
          }
        }
      }
    }
  }

  /**
   * Whether hidden figure (i, j) is on no cycle: without it, row i and column j are not connected.
   */
  static boolean isBridge(Protection[][] p, int i, int j) {
    int rows = p.length;
    int cols = p[0].length;
    // Nodes: rows 0..rows-1, columns rows..rows+cols-1.
    boolean[] seen = new boolean[rows + cols];
    Deque<Integer> queue = new ArrayDeque<>();
    queue.add(rows + j);
    seen[rows + j] = true;
    while (!queue.isEmpty()) {
      int node = queue.poll();
      if (node < rows) {
        for (int col = 0; col < cols; col++) {
          if (p[node][col] != Protection.SHOWN && !(node == i && col == j) && !seen[rows + col]) {
            seen[rows + col] = true;
            queue.add(rows + col);
          }
        }
      } else {
        int col = node - rows;
        for (int row = 0; row < rows; row++) {
          if (p[row][col] != Protection.SHOWN && !(row == i && col == j) && !seen[row]) {
            if (row == i) {
              return false;
            }
            seen[row] = true;
            queue.add(row);
          }
        }
      }
    }
    return true;
  }

  /**
   * Hides the cheapest path of figures from column j back to row i (not through (i, j)), so that
   * (i, j) lies on a cycle. Hidden figures cost nothing, inner cells their count, totals their
   * count plus a penalty larger than all inner cells together, zero cells cannot be used.
   */
  private static void hidePathClosingCycle(
      long[][] v, Protection[][] p, int i, int j, long penalty) {
    int rows = v.length;
    int cols = v[0].length;
    int nodes = rows + cols;
    long[] dist = new long[nodes];
    int[] previous = new int[nodes];
    boolean[] done = new boolean[nodes];
    Arrays.fill(dist, NOT_USABLE);
    Arrays.fill(previous, -1);
    int start = rows + j;
    dist[start] = 0;
    // Dijkstra on the complete bipartite graph of rows and columns; a few dozen nodes at most.
    while (true) {
      int u = -1;
      for (int n = 0; n < nodes; n++) {
        if (!done[n] && dist[n] != NOT_USABLE && (u < 0 || dist[n] < dist[u])) {
          u = n;
        }
      }
      if (u < 0 || u == i) {
        break;
      }
      done[u] = true;
      for (int w = 0; w < nodes; w++) {
        if (done[w] || (u < rows) == (w < rows)) {
          continue;
        }
        int row = u < rows ? u : w;
        int col = (u < rows ? w : u) - rows;
        if (row == i && col == j) {
          continue;
        }
        long cost = cost(v, p, row, col, penalty);
        if (cost != NOT_USABLE && dist[u] + cost < dist[w]) {
          dist[w] = dist[u] + cost;
          previous[w] = u;
        }
      }
    }
    if (dist[i] == NOT_USABLE) {
      // Cannot happen: the grand total and the totals of row i and column j are positive whenever a
      // figure of row i or column j is; kept as a guard so that a bug fails loudly, never silently.
      throw new IllegalStateException("no complementary suppression possible");
    }
    for (int n = i; previous[n] >= 0; n = previous[n]) {
      int a = n;
      int b = previous[n];
      int row = a < rows ? a : b;
      int col = (a < rows ? b : a) - rows;
      if (p[row][col] == Protection.SHOWN) {
        p[row][col] = Protection.COMPLEMENTARY;
      }
    }
  }

  private static long cost(long[][] v, Protection[][] p, int row, int col, long penalty) {
    if (p[row][col] != Protection.SHOWN) {
      return 0;
    }
    if (v[row][col] == 0) {
      return NOT_USABLE;
    }
    boolean total = row == v.length - 1 || col == v[0].length - 1;
    return v[row][col] + (total ? penalty : 0);
  }
}
