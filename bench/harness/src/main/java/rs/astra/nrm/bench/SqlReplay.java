package rs.astra.nrm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issues, directly over JDBC, the statements one portal request executed (as {@link PgWireRecorder}
 * recorded them): the same SQL text with the same bound values and types, in the same order and
 * transactions, every result read to the last column of the last row. Inserts get a fresh id from
 * the table's sequence (replaying the recorded id would collide); everything else is as recorded.
 */
final class SqlReplay {

  /** One statement ready to replay. */
  record Step(
      String sql,
      List<PgWireRecorder.Param> params,
      Kind kind,
      String table,
      int idParam,
      int rowWidth,
      int connection,
      int roundTrip) {

    /**
     * @return how many fresh ids the statement needs: one per row it inserts (a JDBC batch of
     *     inserts that the driver rewrote is one multi-row {@code INSERT}), none for other kinds
     */
    int idsNeeded() {
      return idParam < 0 || rowWidth <= 0 ? 0 : Math.max(1, params.size() / rowWidth);
    }

    /**
     * @param param a parameter's index from 0
     * @return whether it is the id of one of the inserted rows
     */
    boolean isId(int param) {
      return idParam >= 0 && rowWidth > 0 && param % rowWidth == idParam;
    }
  }

  enum Kind {
    BEGIN,
    COMMIT,
    ROLLBACK,
    QUERY,
    UPDATE
  }

  private static final Pattern INSERT =
      Pattern.compile("(?is)^\\s*INSERT\\s+INTO\\s+([a-z_0-9]+)\\s*\\(([^)]*)\\)");

  final List<Step> steps;

  /**
   * @param executed what the request executed, in order
   */
  SqlReplay(List<PgWireRecorder.Executed> executed) {
    List<Step> s = new ArrayList<>();
    for (PgWireRecorder.Executed e : executed) {
      String sql = e.sql().strip();
      // A UNION's first branch comes in parentheses: "(SELECT ...) UNION ALL (SELECT ...)".
      String opening = sql.replaceFirst("^[(\\s]+", "");
      String head =
          opening.length() < 10
              ? opening.toUpperCase(Locale.ROOT)
              : opening.substring(0, 10).toUpperCase(Locale.ROOT);
      if (sql.isEmpty()
          || head.startsWith("SET ")
          || head.startsWith("SHOW ")
          || head.startsWith("DEALLOCATE")
          || head.startsWith("DISCARD")) {
        continue;
      }
      if (head.startsWith("BEGIN")) {
        s.add(new Step(sql, List.of(), Kind.BEGIN, null, -1, 0, e.connection(), e.roundTrip()));
      } else if (head.startsWith("COMMIT")) {
        s.add(new Step(sql, List.of(), Kind.COMMIT, null, -1, 0, e.connection(), e.roundTrip()));
      } else if (head.startsWith("ROLLBACK")) {
        s.add(new Step(sql, List.of(), Kind.ROLLBACK, null, -1, 0, e.connection(), e.roundTrip()));
      } else if (head.startsWith("SELECT") || head.startsWith("WITH")) {
        s.add(new Step(sql, e.params(), Kind.QUERY, null, -1, 0, e.connection(), e.roundTrip()));
      } else {
        Matcher m = INSERT.matcher(sql);
        String table = null;
        int idParam = -1;
        int rowWidth = 0;
        if (m.find()) {
          table = m.group(1);
          String[] columns = m.group(2).split(",");
          rowWidth = columns.length;
          for (int i = 0; i < columns.length; i++) {
            if (columns[i].strip().equalsIgnoreCase("id")) {
              idParam = i;
            }
          }
        }
        s.add(
            new Step(
                sql,
                e.params(),
                Kind.UPDATE,
                table,
                idParam,
                rowWidth,
                e.connection(),
                e.roundTrip()));
      }
    }
    this.steps = List.copyOf(s);
  }

  /**
   * @return the number of statements (transaction control not counted)
   */
  int statements() {
    return (int)
        steps.stream().filter(x -> x.kind() == Kind.QUERY || x.kind() == Kind.UPDATE).count();
  }

  /**
   * @return the number of SELECTs
   */
  int queries() {
    return (int) steps.stream().filter(x -> x.kind() == Kind.QUERY).count();
  }

  /**
   * @return the number of INSERT/UPDATE/DELETE statements
   */
  int writes() {
    return (int) steps.stream().filter(x -> x.kind() == Kind.UPDATE).count();
  }

  /**
   * Runs the statements once.
   *
   * @param c a connection in auto-commit mode, straight to PostgreSQL
   * @return nanoseconds from the first statement sent to the last result read
   */
  long run(Connection c) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement st = c.createStatement()) {
      for (Step s : steps) {
        for (int k = 0; k < s.idsNeeded(); k++) {
          try (ResultSet rs = st.executeQuery("select nextval('" + s.table() + "_seq')")) {
            rs.next();
            ids.add(rs.getLong(1));
          }
        }
      }
    }
    java.util.Iterator<Long> nextId = ids.iterator();
    long start = System.nanoTime();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      switch (s.kind()) {
        case BEGIN -> c.setAutoCommit(false);
        case COMMIT -> {
          c.commit();
          c.setAutoCommit(true);
        }
        case ROLLBACK -> {
          c.rollback();
          c.setAutoCommit(true);
        }
        case QUERY -> {
          try (PreparedStatement ps = prepare(c, s, null)) {
            try (ResultSet rs = ps.executeQuery()) {
              int columns = rs.getMetaData().getColumnCount();
              while (rs.next()) {
                for (int col = 1; col <= columns; col++) {
                  rs.getObject(col);
                }
              }
            }
          }
        }
        case UPDATE -> {
          // The same statement sent several times in one round trip was a JDBC batch: replay it as
          // one.
          int last = i;
          while (last + 1 < steps.size() && sameBatch(s, steps.get(last + 1))) {
            last++;
          }
          if (last == i) {
            try (PreparedStatement ps = prepare(c, s, nextId)) {
              ps.executeUpdate();
            }
          } else {
            try (PreparedStatement ps = c.prepareStatement(placeholders(s.sql()))) {
              for (int k = i; k <= last; k++) {
                bind(ps, steps.get(k), nextId);
                ps.addBatch();
              }
              ps.executeBatch();
            }
            i = last;
          }
        }
      }
    }
    long nanos = System.nanoTime() - start;
    if (!c.getAutoCommit()) {
      c.commit();
      c.setAutoCommit(true);
    }
    return nanos;
  }

  /**
   * {@code EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)} of the list's own statements: the counts, the
   * page's ids (ordered) and its rows (with the guarded names); the policy facts' lookups by id are
   * left out.
   *
   * @param c a connection
   * @return the statements and their plans, as text
   */
  String explain(Connection c) throws SQLException {
    StringBuilder out = new StringBuilder();
    for (Step s : steps) {
      String sql = s.sql().toUpperCase(Locale.ROOT);
      if (s.kind() != Kind.QUERY
          || !(sql.contains("COUNT(") || sql.contains("ORDER BY") || sql.contains("CASE WHEN"))) {
        continue;
      }
      out.append(s.sql()).append('\n');
      List<String> values = new ArrayList<>();
      for (PgWireRecorder.Param p : s.params()) {
        values.add(p.text() == null ? "NULL" : "'" + p.text() + "'");
      }
      out.append("-- parameters: ").append(String.join(", ", values)).append('\n');
      Step explain =
          new Step(
              "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + s.sql(),
              s.params(),
              Kind.QUERY,
              null,
              -1,
              0,
              s.connection(),
              s.roundTrip());
      try (PreparedStatement ps = prepare(c, explain, null);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.append(rs.getString(1)).append('\n');
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static boolean sameBatch(Step a, Step b) {
    return b.kind() == Kind.UPDATE
        && b.sql().equals(a.sql())
        && b.connection() == a.connection()
        && b.roundTrip() == a.roundTrip();
  }

  /**
   * @return the number of round trips the writes took (a batch is one)
   */
  int writeRoundTrips() {
    int n = 0;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).kind() == Kind.UPDATE
          && (i == 0 || !sameBatch(steps.get(i - 1), steps.get(i)))) {
        n++;
      }
    }
    return n;
  }

  /**
   * @param ids fresh ids, one taken for each inserted row's id ({@code null}: bind as recorded)
   */
  private static PreparedStatement prepare(Connection c, Step s, java.util.Iterator<Long> ids)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(placeholders(s.sql()));
    bind(ps, s, ids);
    return ps;
  }

  private static void bind(PreparedStatement ps, Step s, java.util.Iterator<Long> ids)
      throws SQLException {
    for (int i = 0; i < s.params().size(); i++) {
      PgWireRecorder.Param p = s.params().get(i);
      int index = i + 1;
      if (ids != null && s.isId(i)) {
        ps.setLong(index, ids.next());
        continue;
      }
      String text = p.text();
      if (text == null) {
        ps.setNull(index, Types.OTHER);
      } else if (p.binary()) {
        switch (p.oid()) {
          case 20 -> ps.setLong(index, Long.parseLong(text));
          case 21 -> ps.setShort(index, Short.parseShort(text));
          case 16 -> ps.setBoolean(index, Boolean.parseBoolean(text));
          case 700 -> ps.setFloat(index, Float.parseFloat(text));
          case 701 -> ps.setDouble(index, Double.parseDouble(text));
          default -> ps.setInt(index, Integer.parseInt(text));
        }
      } else {
        switch (p.oid()) {
          case 25, 1043 -> ps.setString(index, text);
          case 1082 ->
              ps.setObject(
                  index, LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
          case 16 -> ps.setBoolean(index, text.startsWith("t") || text.equals("1"));
          case 20 -> ps.setLong(index, Long.parseLong(text));
          case 23 -> ps.setInt(index, Integer.parseInt(text));
          // Unspecified (0), timestamps and anything else: sent as text of unknown type, for the
          // server to infer, which is what the driver did for an unspecified parameter.
          default -> ps.setObject(index, text, Types.OTHER);
        }
      }
    }
  }

  /** Turns the driver's {@code $1, $2, …} back into JDBC's {@code ?}, outside string literals. */
  static String placeholders(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    boolean quoted = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
        out.append(c);
      } else if (!quoted
          && c == '$'
          && i + 1 < sql.length()
          && Character.isDigit(sql.charAt(i + 1))) {
        out.append('?');
        while (i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
          i++;
        }
      } else if (!quoted && c == '?') {
        // A literal question mark (e.g. a JSON operator) must not become a parameter.
        out.append("??");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
