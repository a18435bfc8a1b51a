package rs.astra.nrm.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Waits for a database that is not reachable yet when the portal starts (both started together by a
 * service manager or a container platform, or the database just restarting), instead of failing the
 * deployment: the first connection of the process is tried again every 1 to 5 seconds (growing),
 * each failed attempt logged with its SQLState only, for at most {@code nrm.db.startupWaitSeconds}
 * (environment {@code NRM_DB_STARTUP_WAIT_SECONDS}; default {@value #DEFAULT_SECONDS} seconds).
 * Once a connection has succeeded, later failures are reported at once: an outage while the portal
 * runs must answer "temporarily unavailable" without delay, not hold requests.
 */
public final class DatabaseStartupWait {

  /** Default of {@code nrm.db.startupWaitSeconds}, in seconds. */
  public static final int DEFAULT_SECONDS = 300;

  private static final Logger LOG = Logger.getLogger(DatabaseStartupWait.class.getName());

  /** Opens one connection or fails: the driver's connect. */
  @FunctionalInterface
  public interface Connector {
    /**
     * @return a new connection
     * @throws SQLException when the database does not answer
     */
    Connection connect() throws SQLException;
  }

  /** Pauses the calling thread; {@link Thread#sleep(long)} outside tests. */
  @FunctionalInterface
  public interface Pause {
    /**
     * @param millis how long, in milliseconds
     * @throws InterruptedException when interrupted
     */
    void pause(long millis) throws InterruptedException;
  }

  private final int maxSeconds;
  private final Pause pause;
  private final LongSupplier nanoClock;
  private volatile boolean connectedOnce;

  /**
   * @param maxSeconds how long the first connection is waited for at most, in seconds (0: not at
   *     all)
   * @param pause how to wait between attempts
   * @param nanoClock a monotonic clock in nanoseconds
   */
  public DatabaseStartupWait(int maxSeconds, Pause pause, LongSupplier nanoClock) {
    this.maxSeconds = Math.max(0, maxSeconds);
    this.pause = pause;
    this.nanoClock = nanoClock;
  }

  /**
   * The wait configured for this process: system property {@code nrm.db.startupWaitSeconds}, else
   * the environment variable {@code NRM_DB_STARTUP_WAIT_SECONDS}, else {@value #DEFAULT_SECONDS}.
   *
   * @param properties property lookup, e.g. {@code System.getProperties()::getProperty}
   * @param environment environment variables
   * @return the wait, with real sleeping and {@link System#nanoTime()}
   */
  public static DatabaseStartupWait configured(
      Function<String, String> properties, Map<String, String> environment) {
    String value = properties.apply("nrm.db.startupWaitSeconds");
    if (value == null || value.isBlank()) {
      value = environment.get("NRM_DB_STARTUP_WAIT_SECONDS");
    }
    int seconds = DEFAULT_SECONDS;
    if (value != null && !value.isBlank()) {
      try {
        seconds = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        LOG.log(
            Level.WARNING,
            "nrm.db.startupWaitSeconds is not a whole number of seconds; waiting at most {0} s",
            DEFAULT_SECONDS);
      }
    }
    return new DatabaseStartupWait(seconds, Thread::sleep, System::nanoTime);
  }

  /**
   * Opens a connection; until one has succeeded in this process, failures are retried within the
   * configured time.
   *
   * @param connector the driver's connect
   * @return the connection
   * @throws SQLException the last failure, when the database did not answer in time (or at once,
   *     after a first success)
   */
  public Connection connect(Connector connector) throws SQLException {
    if (connectedOnce) {
      return connector.connect();
    }
    long started = nanoClock.getAsLong();
    long deadline = started + TimeUnit.SECONDS.toNanos(maxSeconds);
    long pauseMillis = 1000;
    for (int attempt = 1; ; attempt++) {
      try {
        Connection c = connector.connect();
        if (attempt > 1) {
          LOG.log(Level.INFO, "Database reachable after {0} attempts", attempt);
        }
        connectedOnce = true;
        return c;
      } catch (SQLException e) {
        long now = nanoClock.getAsLong();
        if (now + TimeUnit.MILLISECONDS.toNanos(pauseMillis) > deadline) {
          throw e;
        }
        LOG.log(
            Level.WARNING,
            "Database not reachable yet ({0}, SQLState {1}); attempt {2}, waited {3} s of at most {4} s (nrm.db.startupWaitSeconds)",
            new Object[] {
              e.getClass().getSimpleName(),
              e.getSQLState(),
              attempt,
              TimeUnit.NANOSECONDS.toSeconds(now - started),
              maxSeconds
            });
        try {
          pause.pause(pauseMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        pauseMillis = Math.min(5000, pauseMillis * 2);
      }
    }
  }
}
