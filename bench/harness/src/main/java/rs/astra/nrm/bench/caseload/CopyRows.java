package rs.astra.nrm.bench.caseload;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows to a PostgreSQL {@code COPY … FROM STDIN} in its text format (tab-separated, {@code
 * \N} for null, backslash escapes), in 256 KiB chunks.
 */
final class CopyRows {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final int CHUNK = 256 * 1024;

  private final CopyIn copy;
  private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
  private boolean first = true;
  private long rows;

  CopyRows(CopyIn copy) {
    this.copy = copy;
  }

  /** Adds a value to the current row; {@code null} is SQL NULL; instants are written in UTC. */
  CopyRows add(Object value) {
    if (!first) {
      buffer.append('\t');
    }
    first = false;
    switch (value) {
      case null -> buffer.append("\\N");
      case Instant i -> buffer.append(TIMESTAMP.format(i));
      case LocalDate d -> buffer.append(d);
      case Enum<?> e -> buffer.append(e.name());
      case Boolean b -> buffer.append(b ? 't' : 'f');
      case Number n -> buffer.append(n);
      default -> escape(value.toString());
    }
    return this;
  }

  /** Ends the current row. */
  void end() throws SQLException {
    buffer.append('\n');
    first = true;
    rows++;
    if (buffer.length() >= CHUNK) {
      flush();
    }
  }

  /**
   * @return rows written so far
   */
  long rows() {
    return rows;
  }

  /**
   * Sends what is buffered and ends the COPY.
   *
   * @return the rows the server reports
   */
  long finish() throws SQLException {
    flush();
    return copy.endCopy();
  }

  private void flush() throws SQLException {
    if (!buffer.isEmpty()) {
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      buffer.setLength(0);
    }
  }

  private void escape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> buffer.append("\\\\");
        case '\t' -> buffer.append("\\t");
        case '\n' -> buffer.append("\\n");
        case '\r' -> buffer.append("\\r");
        default -> buffer.append(c);
      }
    }
  }
}
