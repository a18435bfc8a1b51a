package rs.astra.nrm.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SQL of the case list under the same concurrency as the portal's list load: the statements
 * that list requests executed (recorded on the wire, {@link SqlReplay}) issued by as many
 * concurrent JDBC sessions as the load has users, each on a connection of its own straight to
 * PostgreSQL, each starting its next request as soon as the last one's results are read (no think
 * time). One round is what a session of the list mix sends — the list opened, then three pages — so
 * the list requests per second of this phase are the database's share of the limit: what the portal
 * could serve at most if Faces, PrimeFaces and the server cost nothing.
 *
 * <p>Beside the framework floor's list requests per second (the same pages with rows in memory) it
 * gives the combined limit {@code 1 / (1/floor + 1/SQL)}: the two costs added per request, on the
 * same two cores. The portal's own figure is judged against that.
 */
final class SqlLoad {

  /** Opens a connection to PostgreSQL with the portal's session options. */
  @FunctionalInterface
  interface ConnectionSource {
    /**
     * @return a new connection in auto-commit mode
     * @throws SQLException when PostgreSQL refuses it
     */
    Connection open() throws SQLException;
  }

  /**
   * What the phase measured.
   *
   * @param sessions JDBC sessions that ran
   * @param seconds how long the clock ran
   * @param listRequests list requests whose statements were all issued and read (an opened list
   *     counts one, each page one)
   * @param stats latency of one list request's statements, start to last result read
   * @param errors list requests that failed (an SQL error)
   * @param errorSamples the first few failures
   */
  record Result(
      int sessions,
      double seconds,
      long listRequests,
      Stats stats,
      long errors,
      List<String> errorSamples) {
    /**
     * @return list requests per second
     */
    double listPerSecond() {
      return listRequests / seconds;
    }
  }

  private SqlLoad() {}

  /**
   * The combined limit of two costs paid one after the other for each request on the same machine.
   *
   * @param floorPerSecond the framework floor's requests per second
   * @param sqlPerSecond the SQL's requests per second under the same concurrency
   * @return {@code 1 / (1/floor + 1/SQL)} requests per second; 0 when either is 0
   */
  static double combinedLimit(double floorPerSecond, double sqlPerSecond) {
    if (floorPerSecond <= 0 || sqlPerSecond <= 0) {
      return 0;
    }
    return 1 / (1 / floorPerSecond + 1 / sqlPerSecond);
  }

  /**
   * Runs the phase.
   *
   * @param rounds one round per measured viewer: the replays of the list opened and of a page; the
   *     sessions take them in turn (session i replays round i mod n)
   * @param sessions how many concurrent JDBC sessions
   * @param duration how long the clock runs after every session has connected
   * @param connections opens each session's connection
   * @return what was measured
   * @throws InterruptedException when interrupted while waiting for the sessions
   */
  static Result run(
      List<List<SqlReplay>> rounds, int sessions, Duration duration, ConnectionSource connections)
      throws InterruptedException {
    if (rounds.isEmpty()) {
      return new Result(0, duration.toNanos() / 1e9, 0, new Stats(), 0, List.of());
    }
    List<Connection> open = Collections.synchronizedList(new ArrayList<>());
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch connected = new CountDownLatch(sessions);
    CountDownLatch go = new CountDownLatch(1);
    AtomicLong requests = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    Stats stats = new Stats();
    long[] clock = new long[2];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      List<SqlReplay> round = rounds.get(i % rounds.size());
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    Connection c;
                    try {
                      c = connections.open();
                      open.add(c);
                    } catch (SQLException e) {
                      problems.add("connect: " + e.getMessage());
                      errors.incrementAndGet();
                      connected.countDown();
                      return;
                    }
                    connected.countDown();
                    Stats mine = new Stats();
                    try {
                      go.await();
                      long deadline = clock[1];
                      while (System.nanoTime() < deadline) {
                        for (SqlReplay r : round) {
                          if (System.nanoTime() >= deadline) {
                            break;
                          }
                          try {
                            mine.add(r.run(c));
                            requests.incrementAndGet();
                          } catch (SQLException e) {
                            errors.incrementAndGet();
                            if (problems.size() < 10) {
                              problems.add(e.getMessage());
                            }
                            try {
                              if (!c.getAutoCommit()) {
                                c.rollback();
                                c.setAutoCommit(true);
                              }
                            } catch (SQLException ignored) {
                              // The next statement will tell.
                            }
                          }
                        }
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    } finally {
                      synchronized (stats) {
                        stats.addAll(mine);
                      }
                    }
                  }));
    }
    connected.await();
    clock[0] = System.nanoTime();
    clock[1] = clock[0] + duration.toNanos();
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - clock[0]) / 1e9;
    for (Connection c : open) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // Closing after the measurement; nothing to report.
      }
    }
    return new Result(
        open.size(),
        seconds,
        requests.get(),
        stats,
        errors.get(),
        List.copyOf(problems.subList(0, Math.min(10, problems.size()))));
  }
}
