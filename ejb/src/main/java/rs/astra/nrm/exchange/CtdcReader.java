package rs.astra.nrm.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import rs.astra.nrm.shared.NrmTime;

/**
 * Reads a file in the layout of the CTDC (Counter Trafficking Data Collaborative) global dataset,
 * all or nothing: every problem of every row is collected and the file is rejected if there is any.
 *
 * <p>The layout: UTF-8 text, semicolon-separated (comma also accepted), a header of CTDC column
 * names ({@code yearOfRegistration;Datasource;gender;ageBroad;…}). The CTDC publishes the dataset
 * with its terms-of-use notice in the first header cell, in place of {@code yearOfRegistration}: a
 * first header cell that names no column is read as {@code yearOfRegistration}. Lines above the
 * header (a title, the notice on a line of its own) are skipped. Values: flags {@code 0}/{@code 1};
 * {@code -99} (or an empty cell) for unknown in any column; gender {@code Female}/{@code Male};
 * majority {@code Adult}/{@code Minor}; age bands {@code 0--8} … {@code 48+}; countries as ISO
 * 3166-1 alpha-2. Concatenated columns are ignored (the flags say the same) and so are columns the
 * CTDC does not define.
 *
 * <p>Immutable, thread-safe, logs nothing.
 */
public final class CtdcReader {

  /** The unknown value of the CTDC layout. */
  public static final String UNKNOWN = "-99";

  /** The first year a record may carry. */
  static final int FIRST_YEAR = 1990;

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final Clock clock;

  /**
   * @param clock gives "this year" (Europe/Belgrade), the latest year a record may carry
   */
  public CtdcReader(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Reads a whole file.
   *
   * @param in the file; read to its end, not closed
   * @return the records in file order, never empty
   * @throws CtdcImportException with every problem found; no records are returned then
   * @throws UncheckedIOException if reading the stream fails
   */
  public List<CtdcRow> read(InputStream in) throws CtdcImportException {
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text;
    try {
      text = CsvTables.decode(bytes);
    } catch (CharacterCodingException e) {
      throw whole(CtdcImportProblem.UNREADABLE_FILE);
    }
    List<RawRow> best = null;
    int bestHeader = -1;
    int bestScore = 0;
    for (char delimiter : new char[] {';', ','}) {
      try {
        List<RawRow> rows = CsvTables.parse(text, delimiter);
        for (int i = 0; i < Math.min(rows.size(), HtcdsHeaderMapper.HEADER_SEARCH_ROWS); i++) {
          int score = score(rows.get(i));
          if (score > bestScore) {
            best = rows;
            bestHeader = i;
            bestScore = score;
          }
        }
      } catch (IOException e) {
        // The other delimiter may parse; if none does, the file is unreadable (below).
      }
    }
    if (best == null || bestScore < 3) {
      throw whole(
          best == null && text.contains("\"")
              ? CtdcImportProblem.UNREADABLE_FILE
              : CtdcImportProblem.NO_HEADER);
    }
    RawRow header = best.get(bestHeader);
    List<CtdcImportError> errors = new ArrayList<>();
    Map<String, Integer> columns = columns(header, errors);
    if (!errors.isEmpty()) {
      throw new CtdcImportException(errors);
    }
    int thisYear = LocalDate.now(clock.withZone(NrmTime.ZONE)).getYear();
    List<CtdcRow> records = new ArrayList<>();
    for (RawRow row : best.subList(bestHeader + 1, best.size())) {
      if (row.cells().stream().allMatch(c -> c == null || c.text().isBlank())) {
        continue;
      }
      records.add(new RowReader(row, columns, errors, thisYear).read());
    }
    if (!errors.isEmpty()) {
      throw new CtdcImportException(errors);
    }
    if (records.isEmpty()) {
      throw whole(CtdcImportProblem.NO_ROWS);
    }
    return List.copyOf(records);
  }

  private static int score(RawRow row) {
    int n = 0;
    for (int c = 0; c < row.cells().size(); c++) {
      if (CtdcColumns.byHeader(text(row, c)) != null) {
        n++;
      }
    }
    return n;
  }

  private static Map<String, Integer> columns(RawRow header, List<CtdcImportError> errors) {
    Map<String, Integer> columns = new HashMap<>();
    for (int c = 0; c < header.cells().size(); c++) {
      String name = CtdcColumns.byHeader(text(header, c));
      if (name != null && columns.putIfAbsent(name, c) != null) {
        errors.add(
            new CtdcImportError(
                header.rowNumber(), name, CtdcImportProblem.DUPLICATE_COLUMN, null));
      }
    }
    // The CTDC's own files carry the terms-of-use notice where the year's column name should be.
    if (!columns.containsKey(CtdcColumns.YEAR)
        && CtdcColumns.byHeader(text(header, 0)) == null
        && text(header, 0) != null) {
      columns.put(CtdcColumns.YEAR, 0);
    }
    if (!columns.containsKey(CtdcColumns.YEAR)) {
      errors.add(
          new CtdcImportError(
              header.rowNumber(), CtdcColumns.YEAR, CtdcImportProblem.NO_HEADER, null));
    }
    return columns;
  }

  private static String text(RawRow row, int column) {
    if (column >= row.cells().size() || row.cells().get(column) == null) {
      return null;
    }
    String t = row.cells().get(column).text().strip();
    return t.isEmpty() ? null : t;
  }

  private static CtdcImportException whole(CtdcImportProblem problem) {
    return new CtdcImportException(List.of(new CtdcImportError(0, null, problem, null)));
  }

  /** Reads the cells of one row, adding every problem to the file's list. */
  private static final class RowReader {
    private final RawRow row;
    private final Map<String, Integer> columns;
    private final List<CtdcImportError> errors;
    private final int thisYear;

    RowReader(
        RawRow row, Map<String, Integer> columns, List<CtdcImportError> errors, int thisYear) {
      this.row = row;
      this.columns = columns;
      this.errors = errors;
      this.thisYear = thisYear;
    }

    /** The cell of a column; {@code null} when absent, empty or -99. */
    private String value(String column) {
      Integer c = columns.get(column);
      String t = c == null ? null : CtdcReader.text(row, c);
      return t == null || UNKNOWN.equals(t) ? null : t;
    }

    private void error(String column, CtdcImportProblem problem, String value) {
      errors.add(new CtdcImportError(row.rowNumber(), column, problem, value));
    }

    CtdcRow read() {
      String yearText = value(CtdcColumns.YEAR);
      int year = 0;
      try {
        year = yearText == null ? 0 : Integer.parseInt(yearText);
      } catch (NumberFormatException e) {
        year = 0;
      }
      if (year < FIRST_YEAR || year > thisYear) {
        error(CtdcColumns.YEAR, CtdcImportProblem.INVALID_YEAR, yearText);
      }
      String datasource = limited(CtdcColumns.DATASOURCE, 100);
      Sex gender = null;
      String g = value(CtdcColumns.GENDER);
      if ("female".equalsIgnoreCase(g)) {
        gender = Sex.FEMALE;
      } else if ("male".equalsIgnoreCase(g)) {
        gender = Sex.MALE;
      } else if (g != null) {
        error(CtdcColumns.GENDER, CtdcImportProblem.INVALID_GENDER, g);
      }
      AgeBand age = null;
      String a = value(CtdcColumns.AGE);
      if (a != null) {
        age = AgeBand.fromCtdc(a).orElse(null);
        if (age == null) {
          error(CtdcColumns.AGE, CtdcImportProblem.INVALID_AGE_BAND, a);
        }
      }
      Map<CtdcFlag, Boolean> flags = new EnumMap<>(CtdcFlag.class);
      for (CtdcFlag flag : CtdcFlag.values()) {
        String f = value(flag.column());
        if ("1".equals(f)) {
          flags.put(flag, true);
        } else if ("0".equals(f)) {
          flags.put(flag, false);
        } else if (f != null) {
          error(flag.column(), CtdcImportProblem.INVALID_FLAG, f);
        }
      }
      return new CtdcRow(
          row.rowNumber(),
          year,
          datasource,
          gender,
          age,
          majority(CtdcColumns.MAJORITY),
          majority(CtdcColumns.MAJORITY_AT_EXPLOIT),
          majority(CtdcColumns.MAJORITY_ENTRY),
          country(CtdcColumns.CITIZENSHIP),
          country(CtdcColumns.COUNTRY_OF_EXPLOITATION),
          limited(CtdcColumns.RECRUITER_RELATIONSHIP, 255),
          flags);
    }

    private String limited(String column, int max) {
      String t = value(column);
      if (t != null && t.length() > max) {
        error(column, CtdcImportProblem.TOO_LONG, t.substring(0, 40) + "…");
        return null;
      }
      return t;
    }

    private Majority majority(String column) {
      String m = value(column);
      if (m == null) {
        return null;
      }
      if (m.equalsIgnoreCase("Adult")) {
        return Majority.ADULT;
      }
      if (m.equalsIgnoreCase("Minor")) {
        return Majority.MINOR;
      }
      error(column, CtdcImportProblem.INVALID_MAJORITY, m);
      return null;
    }

    private String country(String column) {
      String c = value(column);
      if (c == null) {
        return null;
      }
      String code = c.toUpperCase(Locale.ROOT);
      if (!COUNTRIES.contains(code)) {
        error(column, CtdcImportProblem.INVALID_COUNTRY_CODE, c);
        return null;
      }
      return code;
    }
  }
}
