package rs.astra.nrm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlReplayTest {

  @Test
  void theDriversNumberedPlaceholdersBecomeJdbcOnesOutsideStringLiterals() {
    assertEquals(
        "SELECT a FROM t WHERE x = ? AND y IN (?, ?) AND z = '$1' AND w ?? 'k'",
        SqlReplay.placeholders(
            "SELECT a FROM t WHERE x = $1 AND y IN ($2, $10) AND z = '$1' AND w ? 'k'"));
  }

  @Test
  void boundValuesAreReadInTheFormatTheDriverSentThem() {
    assertEquals(
        "42",
        new PgWireRecorder.Param(20, true, ByteBuffer.allocate(8).putLong(42).array()).text());
    assertEquals(
        "7", new PgWireRecorder.Param(23, true, ByteBuffer.allocate(4).putInt(7).array()).text());
    assertEquals("SENT", new PgWireRecorder.Param(1043, false, "SENT".getBytes()).text());
    assertEquals(null, new PgWireRecorder.Param(0, false, null).text());
  }

  @Test
  void statementsSentInOneRoundTripAreReplayedAsOneBatchAndInsertsGetTheirOwnIds() {
    List<PgWireRecorder.Param> none = List.of();
    SqlReplay replay =
        new SqlReplay(
            List.of(
                new PgWireRecorder.Executed(1, 1, "SELECT COUNT(t0.ID) FROM case_file t0", none),
                new PgWireRecorder.Executed(1, 2, "BEGIN", none),
                new PgWireRecorder.Executed(
                    1, 3, "INSERT INTO audit_record (ID, ACTION) VALUES ($1, $2)", none),
                new PgWireRecorder.Executed(
                    1, 3, "INSERT INTO audit_record (ID, ACTION) VALUES ($1, $2)", none),
                new PgWireRecorder.Executed(1, 4, "COMMIT", none),
                new PgWireRecorder.Executed(1, 5, "SET extra_float_digits = 3", none)));
    assertEquals(3, replay.statements());
    assertEquals(1, replay.queries());
    assertEquals(2, replay.writes());
    assertEquals(1, replay.writeRoundTrips());
    assertEquals("audit_record", replay.steps.get(2).table());
    assertEquals(0, replay.steps.get(2).idParam());
  }

  @Test
  void aUnionWhoseFirstBranchIsInParenthesesIsReplayedAsAQuery() {
    SqlReplay replay =
        new SqlReplay(
            List.of(
                new PgWireRecorder.Executed(
                    1,
                    1,
                    "(SELECT $1, t0.ID FROM referral t0) UNION ALL (SELECT $2, t1.ID FROM consent t1)",
                    List.of())));
    assertEquals(1, replay.queries(), "a query, whose rows are read");
    assertEquals(1, replay.statements());
  }

  @Test
  void aMultiRowInsertTakesAFreshIdForEachOfItsRows() {
    PgWireRecorder.Param text = new PgWireRecorder.Param(1043, false, "READ".getBytes());
    PgWireRecorder.Param id = new PgWireRecorder.Param(20, true, new byte[8]);
    SqlReplay replay =
        new SqlReplay(
            List.of(
                new PgWireRecorder.Executed(
                    1,
                    1,
                    "INSERT INTO audit_record (ACTION, ID) VALUES ($1, $2), ($3, $4), ($5, $6)",
                    List.of(text, id, text, id, text, id))));
    SqlReplay.Step insert = replay.steps.get(0);
    assertEquals(1, replay.statements(), "one statement, as the driver sent it");
    assertEquals(3, insert.idsNeeded(), "one id per row");
    assertEquals(
        List.of(false, true, false, true, false, true),
        java.util.stream.IntStream.range(0, 6).mapToObj(insert::isId).toList());
  }
}
