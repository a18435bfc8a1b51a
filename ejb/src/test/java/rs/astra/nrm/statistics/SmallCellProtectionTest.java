package rs.astra.nrm.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.statistics.ProtectedTable.Cell;
import rs.astra.nrm.statistics.ProtectedTable.Protection;

/**
 * Small-cell protection: counts 1–4 hidden, zeros shown, and no hidden figure computable from the
 * figures shown — checked literally (subtraction in every row and column, every sum and difference
 * of rows and columns of small tables) and by linear algebra on many random tables.
 */
class SmallCellProtectionTest {

  private final SmallCellProtection protection = new SmallCellProtection();

  private static CountTable table(long[][] counts) {
    List<String> rows = IntStream.range(0, counts.length).mapToObj(i -> "r" + i).toList();
    List<String> columns = IntStream.range(0, counts[0].length).mapToObj(j -> "c" + j).toList();
    return new CountTable(rows, columns, counts);
  }

  /** The table with totals as an (r+1)×(c+1) grid of texts, as a reader sees it. */
  private static List<List<String>> texts(ProtectedTable t) {
    List<List<String>> grid = new ArrayList<>();
    for (int i = 0; i < t.rows(); i++) {
      List<String> row = new ArrayList<>();
      for (int j = 0; j < t.columns(); j++) {
        row.add(t.cell(i, j).text());
      }
      row.add(t.rowTotals().get(i).text());
      grid.add(row);
    }
    List<String> totals = new ArrayList<>(t.columnTotals().stream().map(Cell::text).toList());
    totals.add(t.grandTotal().text());
    grid.add(totals);
    return grid;
  }

  @Test
  void aTableWithoutSmallCountsIsShownWhole() {
    ProtectedTable t = protection.protect(table(new long[][] {{10, 20}, {5, 7}}));
    assertEquals(
        List.of(List.of("10", "20", "30"), List.of("5", "7", "12"), List.of("15", "27", "42")),
        texts(t));
    assertEquals(0, t.hiddenCount());
  }

  @Test
  void zeroStaysZeroAndIsNeverHidden() {
    ProtectedTable t = protection.protect(table(new long[][] {{0, 12}, {0, 9}}));
    assertEquals(
        List.of(List.of("0", "12", "12"), List.of("0", "9", "9"), List.of("0", "21", "21")),
        texts(t));
  }

  @Test
  void aSmallCountIsShownAsLessThanFiveAndHasNoValue() {
    ProtectedTable t =
        protection.protect(table(new long[][] {{3, 10, 12}, {7, 8, 9}, {20, 15, 11}}));
    Cell small = t.cell(0, 0);
    assertEquals(Protection.SMALL, small.protection());
    assertEquals("<5", small.text());
    assertNull(small.value(), "a hidden figure carries no value that a page could leak");
    assertEquals(0, small.chartValue());
  }

  /**
   * Naively hiding only the 3 leaves it recoverable: 25 − 10 − 12 = 3 and 30 − 7 − 20 = 3. The
   * component hides the cheapest cycle through it: 7 in its column, 10 in its row and 8 where they
   * meet (7 + 8 + 10 = 25, less than any other cycle); the totals stay shown. Hand-computed.
   */
  @Test
  void aSingleSmallCellGetsComplementaryPartnersSoTheTotalsRevealNothing() {
    ProtectedTable t =
        protection.protect(table(new long[][] {{3, 10, 12}, {7, 8, 9}, {20, 15, 11}}));
    assertEquals(
        List.of(
            List.of("<5", "x", "12", "25"),
            List.of("x", "x", "9", "24"),
            List.of("20", "15", "11", "46"),
            List.of("30", "33", "32", "95")),
        texts(t));
    assertNotDerivable(t, new long[][] {{3, 10, 12}, {7, 8, 9}, {20, 15, 11}});
  }

  /**
   * A row whose other cells are zero: only the totals can partner the small cell. Hand-computed.
   */
  @Test
  void whenARowHasNothingElseToHideItsTotalIsHidden() {
    long[][] counts = {{2, 0}, {30, 40}};
    ProtectedTable t = protection.protect(table(counts));
    // Row 0 and its total are both 2 (small). Column 0 would give 32 − 30 = 2 and the totals column
    // 72 − 70 = 2, so 30 and the row total 70 are hidden: the four hidden figures form a cycle and
    // the
    // column totals can stay.
    assertEquals(
        List.of(List.of("<5", "0", "<5"), List.of("x", "40", "x"), List.of("32", "40", "72")),
        texts(t));
    assertNotDerivable(t, counts);
  }

  @Test
  void smallTotalsAreHiddenLikeCells() {
    long[][] counts = {{1, 1, 0}, {0, 2, 1}, {6, 7, 8}};
    ProtectedTable t = protection.protect(table(counts));
    assertEquals(Protection.SMALL, t.rowTotals().get(0).protection(), "row total 2");
    assertEquals(Protection.SMALL, t.rowTotals().get(1).protection(), "row total 3");
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(counts[i][j] == 0, !t.cell(i, j).hidden(), "cell " + i + "," + j);
      }
    }
    assertNotDerivable(t, counts);
  }

  /**
   * Two blocks of small cells joined by one small cell: every row and column holds two or more
   * hidden cells, so subtraction within a line reveals nothing, yet rows 0+1 minus columns 0+1 give
   * the joining cell. A rule that looks at one line at a time stops here; this one does not.
   */
  @Test
  void aSmallCellJoiningTwoBlocksIsNotLeftRecoverable() {
    long[][] counts = {
      {2, 3, 1, 0, 9},
      {4, 1, 0, 0, 8},
      {0, 0, 2, 3, 7},
      {0, 0, 1, 4, 6},
      {9, 8, 7, 6, 5}
    };
    ProtectedTable t = protection.protect(table(counts));
    assertTrue(t.cell(0, 2).hidden());
    assertLinesNeverHoldOneHiddenFigure(t);
    assertNotDerivable(t, counts);
    // Rows 0 and 1 minus columns 0 and 1 isolate cell (0,2) unless something else is hidden there.
    assertFalse(onlyTheFourBlocksAndTheBridgeAreHidden(t), "complementary cells were added");
  }

  private static boolean onlyTheFourBlocksAndTheBridgeAreHidden(ProtectedTable t) {
    return t.hiddenCount() == 9;
  }

  @Test
  void aOneColumnTableHidesASecondCategoryWhenOneIsSmall() {
    // Cases by stage: the total would give 3 back.
    long[][] counts = {{3}, {12}, {40}, {9}};
    ProtectedTable t = protection.protect(table(counts));
    assertEquals("<5", t.cell(0, 0).text());
    assertEquals("x", t.cell(3, 0).text(), "the smallest other category, 9");
    assertEquals("64", t.grandTotal().text());
    assertNotDerivable(t, counts);
  }

  @Test
  void anEmptyTableHasATotalOfZero() {
    ProtectedTable t = protection.protect(new CountTable(List.of(), List.of("a"), new long[0][]));
    assertEquals("0", t.grandTotal().text());
  }

  /**
   * Random tables: every hidden figure has more than one possible value; shown figures are true.
   */
  @Test
  void noHiddenFigureOfManyRandomTablesCanBeComputedBack() {
    Random random = new Random(20260511);
    for (int n = 0; n < 400; n++) {
      int rows = 1 + random.nextInt(6);
      int cols = 1 + random.nextInt(6);
      long[][] counts = new long[rows][cols];
      for (long[] row : counts) {
        for (int j = 0; j < cols; j++) {
          int kind = random.nextInt(4);
          row[j] = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(4) : random.nextInt(40);
        }
      }
      ProtectedTable t = protection.protect(table(counts));
      long[][] grid = grid(counts);
      for (int i = 0; i < grid.length; i++) {
        for (int j = 0; j < grid[0].length; j++) {
          Cell cell = figure(t, i, j);
          if (SmallCellProtection.isSmall(grid[i][j])) {
            assertEquals(Protection.SMALL, cell.protection(), "table " + n);
          } else if (grid[i][j] == 0) {
            assertEquals(Cell.shown(0), cell, "zeros are shown, table " + n);
          } else if (!cell.hidden()) {
            assertEquals(grid[i][j], cell.value(), "shown figures are true, table " + n);
          }
        }
      }
      assertLinesNeverHoldOneHiddenFigure(t);
      assertNotDerivable(t, counts);
    }
  }

  /**
   * The literal check: for small tables, try every combination of adding, subtracting or ignoring
   * each row and each column (totals row and column included), and assert that none leaves exactly
   * one hidden figure with everything else shown.
   */
  @Test
  void noSumOrDifferenceOfRowsAndColumnsIsolatesAHiddenFigure() {
    Random random = new Random(7);
    for (int n = 0; n < 60; n++) {
      long[][] counts = new long[3][3];
      for (long[] row : counts) {
        for (int j = 0; j < 3; j++) {
          row[j] = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : random.nextInt(15);
        }
      }
      ProtectedTable t = protection.protect(table(counts));
      boolean[][] hidden = hiddenGrid(t);
      int lines = 8; // 4 rows and 4 columns of the 4×4 grid with totals
      int[] coefficient = new int[lines];
      for (int combination = 0; combination < Math.pow(3, lines); combination++) {
        int code = combination;
        for (int k = 0; k < lines; k++) {
          coefficient[k] = code % 3 - 1;
          code /= 3;
        }
        int isolated = 0;
        boolean otherHiddenInvolved = false;
        for (int i = 0; i < 4; i++) {
          for (int j = 0; j < 4; j++) {
            if (!hidden[i][j]) {
              continue;
            }
            // Each figure is in row i and column j, with +1 (cell) or −1 (total) in each relation.
            int weight =
                coefficient[i] * (j == 3 ? -1 : 1) + coefficient[4 + j] * (i == 3 ? -1 : 1);
            if (weight != 0) {
              isolated++;
              otherHiddenInvolved |= isolated > 1;
            }
          }
        }
        assertFalse(
            isolated == 1 && !otherHiddenInvolved,
            "table " + n + " combination " + combination + " isolates a hidden figure");
      }
    }
  }

  // ---- checks ----

  private static long[][] grid(long[][] counts) {
    int r = counts.length;
    int c = counts[0].length;
    long[][] v = new long[r + 1][c + 1];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        v[i][j] = counts[i][j];
        v[i][c] += counts[i][j];
        v[r][j] += counts[i][j];
        v[r][c] += counts[i][j];
      }
    }
    return v;
  }

  private static Cell figure(ProtectedTable t, int i, int j) {
    if (i == t.rows() && j == t.columns()) {
      return t.grandTotal();
    }
    if (i == t.rows()) {
      return t.columnTotals().get(j);
    }
    if (j == t.columns()) {
      return t.rowTotals().get(i);
    }
    return t.cell(i, j);
  }

  private static boolean[][] hiddenGrid(ProtectedTable t) {
    boolean[][] hidden = new boolean[t.rows() + 1][t.columns() + 1];
    for (int i = 0; i <= t.rows(); i++) {
      for (int j = 0; j <= t.columns(); j++) {
        hidden[i][j] = figure(t, i, j).hidden();
      }
    }
    return hidden;
  }

  /** Subtraction within a row or column: a line with exactly one hidden figure gives it away. */
  private static void assertLinesNeverHoldOneHiddenFigure(ProtectedTable t) {
    boolean[][] hidden = hiddenGrid(t);
    for (int i = 0; i < hidden.length; i++) {
      int n = 0;
      for (boolean h : hidden[i]) {
        n += h ? 1 : 0;
      }
      assertTrue(n != 1, "row " + i + " has one hidden figure");
    }
    for (int j = 0; j < hidden[0].length; j++) {
      int n = 0;
      for (boolean[] row : hidden) {
        n += row[j] ? 1 : 0;
      }
      assertTrue(n != 1, "column " + j + " has one hidden figure");
    }
  }

  /**
   * Linear algebra: the hidden figures are unknowns, each row and column of the grid an equation
   * (cells minus total = 0). A hidden figure is computable exactly when its unit vector lies in the
   * row space of the equations restricted to the unknowns; ranks are compared modulo a large prime
   * (the equations are a network matrix, so ranks modulo a prime equal ranks over the rationals).
   */
  private static void assertNotDerivable(ProtectedTable t, long[][] counts) {
    boolean[][] hidden = hiddenGrid(t);
    int rows = hidden.length;
    int cols = hidden[0].length;
    List<int[]> unknowns = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        if (hidden[i][j]) {
          unknowns.add(new int[] {i, j});
        }
      }
    }
    if (unknowns.isEmpty()) {
      return;
    }
    List<long[]> equations = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      long[] eq = new long[unknowns.size()];
      for (int u = 0; u < unknowns.size(); u++) {
        if (unknowns.get(u)[0] == i) {
          eq[u] = unknowns.get(u)[1] == cols - 1 ? -1 : 1;
        }
      }
      equations.add(eq);
    }
    for (int j = 0; j < cols; j++) {
      long[] eq = new long[unknowns.size()];
      for (int u = 0; u < unknowns.size(); u++) {
        if (unknowns.get(u)[1] == j) {
          eq[u] = unknowns.get(u)[0] == rows - 1 ? -1 : 1;
        }
      }
      equations.add(eq);
    }
    int base = rank(equations, unknowns.size());
    for (int u = 0; u < unknowns.size(); u++) {
      List<long[]> with = new ArrayList<>(equations);
      long[] unit = new long[unknowns.size()];
      unit[u] = 1;
      with.add(unit);
      assertEquals(
          base + 1,
          rank(with, unknowns.size()),
          "hidden figure "
              + unknowns.get(u)[0]
              + ","
              + unknowns.get(u)[1]
              + " is computable from "
              + java.util.Arrays.deepToString(counts));
    }
  }

  private static final long P = 1_000_000_007L;

  private static int rank(List<long[]> rows, int width) {
    long[][] m = new long[rows.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = new long[width];
      for (int j = 0; j < width; j++) {
        m[i][j] = Math.floorMod(rows.get(i)[j], P);
      }
    }
    int rank = 0;
    for (int col = 0; col < width && rank < m.length; col++) {
      int pivot = -1;
      for (int i = rank; i < m.length; i++) {
        if (m[i][col] != 0) {
          pivot = i;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      long[] tmp = m[pivot];
      m[pivot] = m[rank];
      m[rank] = tmp;
      long inv = modInverse(m[rank][col]);
      for (int i = 0; i < m.length; i++) {
        if (i != rank && m[i][col] != 0) {
          long f = m[i][col] * inv % P;
          for (int j = col; j < width; j++) {
            m[i][j] = Math.floorMod(m[i][j] - f * m[rank][j] % P, P);
          }
        }
      }
      rank++;
    }
    return rank;
  }

  private static long modInverse(long a) {
    long result = 1;
    long base = a % P;
    long e = P - 2;
    while (e > 0) {
      if ((e & 1) == 1) {
        result = result * base % P;
      }
      base = base * base % P;
      e >>= 1;
    }
    return result;
  }
}
