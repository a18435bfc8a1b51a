package rs.astra.nrm.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The seal of the audit trail (issue 15): each calendar day's {@code audit_record} and {@code
 * activity_record} rows are digested with SHA-256 in id order, chained to the previous day's
 * digest, and the result is stored in {@code audit_seal}. Recomputing the chain later shows whether
 * any sealed record was changed, added or removed by someone who got past the append-only triggers
 * (a database administrator who disabled them): the first day whose digest no longer matches is
 * named.
 *
 * <p>A day is a calendar day of the stored timestamps ({@code occurred_at}, the server's clock; UTC
 * in the container images). Plain JDBC, so that the portal (through its data source) and the
 * command line ({@link AuditSealCheck}) compute exactly the same thing. Every value of a record
 * enters the digest with its length, so no two different records give the same input. A day's seal
 * records its format ({@link #FORMAT_WITH_CHANNEL} from V37 on, with the REST API's channel and
 * client id; {@link #FORMAT_WITHOUT_CHANNEL} for the days sealed before), and is verified in it.
 */
public final class AuditSealChain {

  /**
   * The columns of {@code audit_record} that are sealed, in digest order. The last, {@code
   * document_id} (V18, issue 17), enters the digest only when it is set, so the seals of records
   * written before it existed stay valid.
   */
  static final String AUDIT_COLUMNS =
      "id, occurred_at, user_id, username, organisation_id, case_file_id, person_id, category, action, permitted, basis, basis_ref, request_id, document_id";

  /**
   * The columns of {@code audit_record} sealed from the cut-over to seal format {@value
   * #FORMAT_WITH_CHANNEL} on (V37): those of {@link #AUDIT_COLUMNS} and the REST API's {@code
   * channel} and {@code client_id} (V32, issue 22), {@code document_id} still last.
   */
  static final String AUDIT_COLUMNS_WITH_CHANNEL =
      "id, occurred_at, user_id, username, organisation_id, case_file_id, person_id, category, action, permitted, basis, basis_ref, request_id, channel, client_id, document_id";

  /**
   * The seal format of the days sealed before V37 ({@code audit_seal.seal_format} 1): {@link
   * #AUDIT_COLUMNS}, without channel and client id. Such days are verified as they were sealed.
   */
  public static final int FORMAT_WITHOUT_CHANNEL = 1;

  /**
   * The seal format of every day sealed from V37 on ({@code audit_seal.seal_format} 2): {@link
   * #AUDIT_COLUMNS_WITH_CHANNEL}. A seal's format is not itself sealed, but a day's digest matches
   * only the format it was computed in, so a format changed afterwards breaks the day.
   */
  public static final int FORMAT_WITH_CHANNEL = 2;

  /** The columns of {@code activity_record} that are sealed, in digest order. */
  static final String ACTIVITY_COLUMNS =
      "id, occurred_at, user_id, username, organisation_id, kind, action, subject_id, detail, row_count, request_id";

  private static final String VERSION = "nrm-audit-seal-v1";

  private static final String VERSION_WITH_CHANNEL = "nrm-audit-seal-v2";

  private AuditSealChain() {}

  /**
   * One stored seal.
   *
   * @param day the sealed day
   * @param auditCount how many access records the day had
   * @param activityCount how many activity records the day had
   * @param previousDigest the previous day's digest (hex), {@code null} for the first day
   * @param digest this day's digest (64 hex digits)
   */
  public record Seal(
      LocalDate day, long auditCount, long activityCount, String previousDigest, String digest) {}

  /**
   * The outcome of a verification.
   *
   * @param sealedDays how many days were checked
   * @param firstDay the first sealed day, or {@code null} when none is sealed
   * @param lastDay the last sealed day, or {@code null}
   * @param brokenDay the first day that no longer matches its seal, or {@code null} when all match
   * @param problem what differs on that day ({@link Problem}), or {@code null}
   */
  public record Verification(
      int sealedDays, LocalDate firstDay, LocalDate lastDay, LocalDate brokenDay, Problem problem) {

    /**
     * @return whether every sealed day still matches
     */
    public boolean intact() {
      return brokenDay == null;
    }
  }

  /** What no longer matches on a day. */
  public enum Problem {
    /** Records were added to or removed from the day (its counts differ). */
    RECORDS_ADDED_OR_REMOVED,
    /** The day has as many records as sealed, but one or more was changed. */
    RECORD_CHANGED,
    /** The seal itself does not follow the previous day's seal (a seal was changed or removed). */
    CHAIN_BROKEN,
    /** Records exist before the first sealed day (added later with an earlier date). */
    RECORDS_BEFORE_FIRST_SEAL
  }

  /**
   * Seals the oldest day not sealed yet, if it is not after {@code lastDay}. The caller commits;
   * when two servers seal the same day at once, the second insert fails on the primary key and
   * nothing of it is stored.
   *
   * @param c an open connection (the caller's transaction)
   * @param lastDay the last complete day that may be sealed (yesterday or earlier)
   * @param now when (stored as {@code sealed_at}, server clock)
   * @return the new seal, or empty when every day up to {@code lastDay} is sealed (or nothing was
   *     ever recorded)
   * @throws SQLException when the database fails
   */
  public static Optional<Seal> sealNext(Connection c, LocalDate lastDay, LocalDateTime now)
      throws SQLException {
    Optional<Seal> last = lastSeal(c);
    LocalDate day;
    if (last.isPresent()) {
      day = last.get().day().plusDays(1);
    } else {
      Optional<LocalDate> first = firstRecordDay(c);
      if (first.isEmpty()) {
        return Optional.empty();
      }
      day = first.get();
    }
    if (day.isAfter(lastDay)) {
      return Optional.empty();
    }
    return Optional.of(seal(c, day, last.map(Seal::digest).orElse(null), now, FORMAT_WITH_CHANNEL));
  }

  /**
   * Computes and stores one day's seal in a format.
   *
   * @param c an open connection
   * @param day the day
   * @param previous the previous day's digest, {@code null} for the first day
   * @param now when (server clock)
   * @param format {@link #FORMAT_WITH_CHANNEL}; {@link #FORMAT_WITHOUT_CHANNEL} only to test that
   *     the days sealed before V37 still verify
   * @return the stored seal
   * @throws SQLException when the database fails
   */
  static Seal seal(Connection c, LocalDate day, String previous, LocalDateTime now, int format)
      throws SQLException {
    Seal seal = compute(c, day, previous, format);
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into audit_seal (seal_day, audit_count, activity_count, previous_digest, digest, sealed_at, seal_format) values (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, day);
      ps.setLong(2, seal.auditCount());
      ps.setLong(3, seal.activityCount());
      if (previous == null) {
        ps.setNull(4, Types.VARCHAR);
      } else {
        ps.setString(4, previous);
      }
      ps.setString(5, seal.digest());
      ps.setObject(6, now);
      ps.setInt(7, format);
      ps.executeUpdate();
    }
    return seal;
  }

  /**
   * Recomputes every stored seal, oldest first, and names the first day that no longer matches.
   *
   * @param c an open connection (read only)
   * @return the outcome; {@link Verification#intact()} when nothing changed
   * @throws SQLException when the database fails
   */
  public static Verification verify(Connection c) throws SQLException {
    int days = 0;
    LocalDate first = null;
    LocalDate lastDay = null;
    String previous = null;
    try (PreparedStatement ps =
            c.prepareStatement(
                "select seal_day, audit_count, activity_count, previous_digest, digest, seal_format from audit_seal order by seal_day");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Seal stored =
            new Seal(
                rs.getObject(1, LocalDate.class),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5));
        if (first == null) {
          first = stored.day();
          Optional<LocalDate> firstRecord = firstRecordDay(c);
          if (firstRecord.isPresent() && firstRecord.get().isBefore(first)) {
            return new Verification(
                days, first, stored.day(), firstRecord.get(), Problem.RECORDS_BEFORE_FIRST_SEAL);
          }
        } else if (!stored.day().equals(lastDay.plusDays(1))) {
          return new Verification(
              days, first, stored.day(), lastDay.plusDays(1), Problem.CHAIN_BROKEN);
        }
        days++;
        lastDay = stored.day();
        if (!Objects.equals(previous, stored.previousDigest())) {
          return new Verification(days, first, lastDay, stored.day(), Problem.CHAIN_BROKEN);
        }
        Seal now = compute(c, stored.day(), previous, rs.getInt(6));
        if (now.auditCount() != stored.auditCount()
            || now.activityCount() != stored.activityCount()) {
          return new Verification(
              days, first, lastDay, stored.day(), Problem.RECORDS_ADDED_OR_REMOVED);
        }
        if (!now.digest().equals(stored.digest())) {
          return new Verification(days, first, lastDay, stored.day(), Problem.RECORD_CHANGED);
        }
        previous = stored.digest();
      }
    }
    return new Verification(days, first, lastDay, null, null);
  }

  /**
   * The newest stored seal.
   *
   * @param c an open connection
   * @return it, or empty when no day is sealed yet
   * @throws SQLException when the database fails
   */
  public static Optional<Seal> lastSeal(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "select seal_day, audit_count, activity_count, previous_digest, digest from audit_seal where seal_day = (select max(seal_day) from audit_seal)");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new Seal(
              rs.getObject(1, LocalDate.class),
              rs.getLong(2),
              rs.getLong(3),
              rs.getString(4),
              rs.getString(5)));
    }
  }

  /**
   * Computes a day's seal from the records as they are now.
   *
   * @param c an open connection
   * @param day the day (stored timestamps from its midnight, inclusive, to the next, exclusive)
   * @param previous the previous day's digest, {@code null} for the first day
   * @param format {@link #FORMAT_WITH_CHANNEL} or {@link #FORMAT_WITHOUT_CHANNEL}
   * @return the seal as it would be stored
   * @throws SQLException when the database fails
   */
  static Seal compute(Connection c, LocalDate day, String previous, int format)
      throws SQLException {
    boolean withChannel = format == FORMAT_WITH_CHANNEL;
    if (!withChannel && format != FORMAT_WITHOUT_CHANNEL) {
      throw new IllegalArgumentException("unknown seal format " + format);
    }
    MessageDigest sha = sha256();
    sha.update(
        bytes(
            out -> {
              out.writeUTF(withChannel ? VERSION_WITH_CHANNEL : VERSION);
              writeText(out, previous);
              out.writeUTF(day.toString());
            }));
    long audit =
        digestRows(
            c,
            sha,
            "audit_record",
            withChannel ? AUDIT_COLUMNS_WITH_CHANNEL : AUDIT_COLUMNS,
            day,
            'A',
            true);
    long activity = digestRows(c, sha, "activity_record", ACTIVITY_COLUMNS, day, 'C', false);
    return new Seal(day, audit, activity, previous, HexFormat.of().formatHex(sha.digest()));
  }

  private static long digestRows(
      Connection c,
      MessageDigest sha,
      String table,
      String columns,
      LocalDate day,
      char tag,
      boolean lastOnlyWhenSet)
      throws SQLException {
    long n = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "select "
                + columns
                + " from "
                + table
                + " where occurred_at >= ? and occurred_at < ? order by id")) {
      ps.setObject(1, day.atStartOfDay());
      ps.setObject(2, day.plusDays(1).atStartOfDay());
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        int count = meta.getColumnCount();
        while (rs.next()) {
          n++;
          sha.update(
              bytes(
                  out -> {
                    out.writeChar(tag);
                    for (int i = 1; i <= count; i++) {
                      String value = canonical(rs, i);
                      if (value != null || i < count || !lastOnlyWhenSet) {
                        writeText(out, value);
                      }
                    }
                  }));
        }
      }
    }
    return n;
  }

  /** A column's value as text that is the same on H2 and PostgreSQL and in any time zone. */
  private static String canonical(ResultSet rs, int column) throws SQLException {
    if (column == 2) {
      LocalDateTime t = rs.getObject(column, LocalDateTime.class);
      return t == null ? null : t.toString();
    }
    Object value = rs.getObject(column);
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (value instanceof Number number) {
      return Long.toString(number.longValue());
    }
    return value.toString();
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException, SQLException;
  }

  private static byte[] bytes(Writer writer) throws SQLException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  /** Length-prefixed UTF-8; {@code null} is length −1, so it differs from the empty text. */
  private static void writeText(DataOutputStream out, String text) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static Optional<LocalDate> firstRecordDay(Connection c) throws SQLException {
    LocalDate first = null;
    for (String table : new String[] {"audit_record", "activity_record"}) {
      try (PreparedStatement ps = c.prepareStatement("select min(occurred_at) from " + table);
          ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          LocalDateTime t = rs.getObject(1, LocalDateTime.class);
          if (t != null) {
            LocalDate d = t.toLocalDate();
            if (first == null || d.isBefore(first)) {
              first = d;
            }
          }
        }
      }
    }
    return Optional.ofNullable(first);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
