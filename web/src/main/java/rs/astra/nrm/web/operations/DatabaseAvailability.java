package rs.astra.nrm.web.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import rs.astra.nrm.operations.DatabaseMigrator;

/**
 * Whether the portal's database answers, as far as this server knows: the ground truth for "the
 * portal is temporarily unavailable" (HTTP 503 pages, "not saved" messages). The answer comes from
 * a probe — a connection from the pool and {@link Connection#isValid(int)} — never from reading
 * exception texts, whose shapes differ between the driver, the pool and the persistence provider.
 *
 * <p>While the database is known to be up, {@link #isAvailable()} costs nothing. After a failure
 * ({@link #confirmUnavailable()} probed and found the database away) every later call probes again,
 * at most once per {@link #PROBE_INTERVAL_MILLIS} ms for the whole server, so a page view during an
 * outage answers at once and the first page after the database is back already works. Transitions
 * are logged once each, without any data.
 */
@ApplicationScoped
public class DatabaseAvailability {

  /** How often, at most, a database that was found away is probed again, in milliseconds. */
  public static final long PROBE_INTERVAL_MILLIS = 1000;

  private static final Logger LOG = Logger.getLogger(DatabaseAvailability.class.getName());

  @Resource(lookup = DatabaseMigrator.DATASOURCE)
  private DataSource dataSource;

  private final State state = new State(this::probe, System::nanoTime);

  /**
   * Tells whether the database answered at the last probe; probes again (at most once a second for
   * the whole server) while it was away.
   *
   * @return {@code true} when pages may be served
   */
  public boolean isAvailable() {
    return state.isAvailable();
  }

  /**
   * Probes the database now (after an operation failed) and remembers the answer.
   *
   * @return {@code true} when the database is away: the failure is explained as "temporarily
   *     unavailable"; {@code false} when it answers, so the failure had another cause
   */
  public boolean confirmUnavailable() {
    return !state.probeNow();
  }

  private boolean probe() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * The remembered state and its probing rhythm, apart from the datasource so it can be tested with
   * a scripted probe and clock.
   */
  static final class State {
    private final BooleanSupplier probe;
    private final LongSupplier nanoClock;
    private volatile boolean available = true;
    private long lastProbeNanos;

    /**
     * @param probe answers whether the database is reachable now
     * @param nanoClock a monotonic clock in nanoseconds, e.g. {@code System::nanoTime}
     */
    State(BooleanSupplier probe, LongSupplier nanoClock) {
      this.probe = probe;
      this.nanoClock = nanoClock;
    }

    boolean isAvailable() {
      if (available) {
        return true;
      }
      synchronized (this) {
        if (!available
            && nanoClock.getAsLong() - lastProbeNanos
                >= TimeUnit.MILLISECONDS.toNanos(PROBE_INTERVAL_MILLIS)) {
          record(probe.getAsBoolean());
        }
        return available;
      }
    }

    synchronized boolean probeNow() {
      record(probe.getAsBoolean());
      return available;
    }

    private void record(boolean answers) {
      lastProbeNanos = nanoClock.getAsLong();
      if (answers != available) {
        LOG.log(
            answers ? Level.INFO : Level.WARNING,
            answers
                ? "Database reachable again: pages are served"
                : "Database not reachable: pages answer 503 until it is back");
      }
      available = answers;
    }
  }
}
