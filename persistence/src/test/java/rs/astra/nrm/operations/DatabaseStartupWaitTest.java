package rs.astra.nrm.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A database that is not up yet when the portal starts is waited for, within the configured time.
 */
class DatabaseStartupWaitTest {

  private final List<Long> pauses = new ArrayList<>();
  private long clock;

  private DatabaseStartupWait waitOf(int seconds) {
    return new DatabaseStartupWait(
        seconds,
        millis -> {
          pauses.add(millis);
          clock += TimeUnit.MILLISECONDS.toNanos(millis);
        },
        () -> clock);
  }

  private static Connection aConnection() {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (p, m, a) -> null);
  }

  /** Fails the first {@code failures} times with "connection refused" (SQLState 08001). */
  private static DatabaseStartupWait.Connector upAfter(
      int failures, AtomicInteger calls, Connection c) {
    return () -> {
      if (calls.incrementAndGet() <= failures) {
        throw new SQLException("refused", "08001");
      }
      return c;
    };
  }

  @Test
  void aDatabaseThatComesWithinTheWaitIsConnectedWithGrowingPauses() throws SQLException {
    Connection c = aConnection();
    AtomicInteger calls = new AtomicInteger();
    assertSame(c, waitOf(60).connect(upAfter(5, calls, c)));
    assertEquals(6, calls.get());
    assertEquals(List.of(1000L, 2000L, 4000L, 5000L, 5000L), pauses);
  }

  @Test
  void aDatabaseThatDoesNotComeFailsOnceTheWaitIsOver() {
    AtomicInteger calls = new AtomicInteger();
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> waitOf(20).connect(upAfter(Integer.MAX_VALUE, calls, aConnection())));
    assertEquals("08001", e.getSQLState());
    assertEquals(
        List.of(1000L, 2000L, 4000L, 5000L, 5000L),
        pauses,
        "1+2+4+5+5 = 17 s; one more pause would pass 20 s");
  }

  @Test
  void afterAFirstConnectionAnOutageIsReportedAtOnce() throws SQLException {
    DatabaseStartupWait wait = waitOf(300);
    wait.connect(upAfter(0, new AtomicInteger(), aConnection()));
    AtomicInteger calls = new AtomicInteger();
    assertThrows(
        SQLException.class, () -> wait.connect(upAfter(Integer.MAX_VALUE, calls, aConnection())));
    assertEquals(1, calls.get(), "no retry while the portal runs: pages answer 503 at once");
    assertEquals(List.of(), pauses);
  }

  @Test
  void noWaitWhenConfiguredToZero() {
    AtomicInteger calls = new AtomicInteger();
    assertThrows(SQLException.class, () -> waitOf(0).connect(upAfter(1, calls, aConnection())));
    assertEquals(1, calls.get());
  }

  @Test
  void theWaitIsReadFromThePropertyThenTheEnvironment() throws SQLException {
    AtomicInteger calls = new AtomicInteger();
    DatabaseStartupWait fromEnv =
        DatabaseStartupWait.configured(name -> null, Map.of("NRM_DB_STARTUP_WAIT_SECONDS", "0"));
    assertThrows(SQLException.class, () -> fromEnv.connect(upAfter(1, calls, aConnection())));
    assertEquals(1, calls.get(), "0 s from the environment: no retry");
    DatabaseStartupWait fromProperty =
        DatabaseStartupWait.configured(name -> "0", Map.of("NRM_DB_STARTUP_WAIT_SECONDS", "300"));
    assertThrows(
        SQLException.class,
        () -> fromProperty.connect(upAfter(1, new AtomicInteger(), aConnection())));
  }
}
