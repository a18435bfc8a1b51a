package rs.astra.nrm.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent sessions, each logged in as a different user with its own cookie jar, each sending its
 * next request as soon as the previous one is answered (no think time: the server's capacity is
 * what is measured). Two mixes: the case list alone (open the list, then page through it), and the
 * mixed one (open the list, turn to a page, open a case from it, and for recipients every third
 * round accept the first referral waiting in the inbox).
 */
final class LoadTest {

  /** Which requests the sessions send. */
  enum Mix {
    /** The portal's case list: open it, then three pages. */
    LIST,
    /** The portal: list, a page, a case, and for recipients now and then a referral accepted. */
    MIXED,
    /**
     * The framework floor's same list (no login, rows in memory): what Faces and PrimeFaces alone
     * serve.
     */
    FLOOR
  }

  /**
   * What a load phase measured.
   *
   * @param mix the mix
   * @param sessions sessions that logged in and ran
   * @param seconds how long the clock ran
   * @param byKind latencies by request kind
   * @param errors requests that failed (HTTP error, error page, lost session, unexpected answer)
   * @param errorSamples the first few failures, described
   * @param rssMaxKiB highest resident memory of the server seen during the phase
   * @param rssMeanKiB mean of the samples (every 500 ms)
   * @param cpuMillis CPU time the servers' JVMs used while the clock ran, all servers together
   *     (milliseconds; -1 when not measurable)
   */
  record Result(
      Mix mix,
      int sessions,
      double seconds,
      Map<String, Stats> byKind,
      long errors,
      List<String> errorSamples,
      long rssMaxKiB,
      long rssMeanKiB,
      long cpuMillis) {
    long requests() {
      return byKind.values().stream().mapToLong(Stats::count).sum();
    }

    /**
     * @return the servers' CPU time per request in milliseconds, NaN when not measurable
     */
    double cpuMillisPerRequest() {
      return cpuMillis < 0 || requests() == 0 ? Double.NaN : (double) cpuMillis / requests();
    }

    Stats all() {
      Stats s = new Stats();
      byKind.values().forEach(s::addAll);
      return s;
    }

    /**
     * @return list requests (the list opened, or a page of it) per second
     */
    double listPerSecond() {
      long n = 0;
      for (Map.Entry<String, Stats> e : byKind.entrySet()) {
        if (e.getKey().startsWith("list")) {
          n += e.getValue().count();
        }
      }
      return n / seconds;
    }
  }

  private LoadTest() {}

  /**
   * Runs one phase.
   *
   * @param base the server root
   * @param users who logs in, one session each
   * @param recipients those of them whose organisation receives referrals
   * @param password their password
   * @param duration how long the clock runs after every session has logged in
   * @param mix what they send
   * @param server for memory samples
   */
  static Result run(
      URI base,
      List<String> users,
      java.util.Set<String> recipients,
      String password,
      Duration duration,
      Mix mix,
      PayaraMicro server)
      throws InterruptedException {
    return run(List.of(base), users, recipients, password, duration, mix, List.of(server));
  }

  /**
   * Runs one phase over several servers (instances of one cluster): the i-th user's session stays
   * on server {@code i mod n}, as a load balancer's sticky sessions would keep it.
   *
   * @param bases the servers' roots
   * @param users who logs in, one session each
   * @param recipients those of them whose organisation receives referrals
   * @param password their password
   * @param duration how long the clock runs after every session has logged in
   * @param mix what they send
   * @param servers the processes behind {@code bases}, in the same order (memory is summed, CPU
   *     time too)
   */
  static Result run(
      List<URI> bases,
      List<String> users,
      java.util.Set<String> recipients,
      String password,
      Duration duration,
      Mix mix,
      List<PayaraMicro> servers)
      throws InterruptedException {
    List<PortalSession> sessions = Collections.synchronizedList(new ArrayList<>());
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch loggedIn = new CountDownLatch(users.size());
    List<Thread> logins = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      String u = users.get(i);
      URI base = bases.get(i % bases.size());
      logins.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      PortalSession s = new PortalSession(base, u);
                      PortalSession.Answer a =
                          mix == Mix.FLOOR ? s.get("floor/app/cases.xhtml") : s.login(password);
                      if (a.ok()) {
                        sessions.add(s);
                      } else {
                        problems.add(u + ": " + a.problem());
                      }
                    } catch (Exception e) {
                      problems.add(u + ": " + e);
                    } finally {
                      loggedIn.countDown();
                    }
                  }));
    }
    loggedIn.await();

    Map<String, Stats> byKind = new ConcurrentHashMap<>();
    AtomicLong errors = new AtomicLong();
    List<String> errorSamples = Collections.synchronizedList(new ArrayList<>(problems));
    errors.addAndGet(problems.size());
    long cpuBefore = cpu(servers);
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (PortalSession s : sessions) {
      boolean recipient = recipients.contains(s.username);
      threads.add(
          Thread.ofVirtual()
              .start(() -> session(s, recipient, mix, deadline, byKind, errors, errorSamples)));
    }
    long rssMax = 0;
    long rssSum = 0;
    int rssSamples = 0;
    while (System.nanoTime() < deadline) {
      long rss = 0;
      for (PayaraMicro server : servers) {
        rss += Math.max(0, server.memoryKiB("VmRSS"));
      }
      if (rss > 0) {
        rssMax = Math.max(rssMax, rss);
        rssSum += rss;
        rssSamples++;
      }
      Thread.sleep(Math.max(1, Math.min(500, (deadline - System.nanoTime()) / 1_000_000)));
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpuAfter = cpu(servers);
    return new Result(
        mix,
        sessions.size(),
        seconds,
        new TreeMap<>(byKind),
        errors.get(),
        List.copyOf(errorSamples.subList(0, Math.min(10, errorSamples.size()))),
        rssMax,
        rssSamples == 0 ? -1 : rssSum / rssSamples,
        cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore);
  }

  /** The servers' CPU time so far in milliseconds, -1 if any is not measurable. */
  private static long cpu(List<PayaraMicro> servers) {
    long sum = 0;
    for (PayaraMicro server : servers) {
      long c = server.cpuMillis();
      if (c < 0) {
        return -1;
      }
      sum += c;
    }
    return sum;
  }

  private static void session(
      PortalSession s,
      boolean recipient,
      Mix mix,
      long deadline,
      Map<String, Stats> byKind,
      AtomicLong errors,
      List<String> errorSamples) {
    SplittableRandom random = new SplittableRandom(s.username.hashCode());
    Map<String, Stats> mine = new TreeMap<>();
    int round = 0;
    while (System.nanoTime() < deadline) {
      round++;
      try {
        PortalSession.Answer list =
            record(
                mine,
                "list (open)",
                s.openCaseList(mix == Mix.FLOOR ? "floor/app/cases.xhtml" : "app/cases.xhtml"),
                errors,
                errorSamples);
        if (!list.ok()) {
          continue;
        }
        int pages = (int) Math.max(1, Math.min(50, (s.total() + 19) / 20));
        int turns = mix == Mix.MIXED ? 1 : 3;
        for (int i = 0; i < turns && System.nanoTime() < deadline; i++) {
          record(
              mine,
              "list (page)",
              s.paginate(random.nextInt(pages) * 20, 20),
              errors,
              errorSamples);
        }
        if (mix == Mix.MIXED && System.nanoTime() < deadline) {
          List<Long> ids = s.rowIds();
          if (!ids.isEmpty()) {
            record(
                mine,
                "case page",
                s.openCase(ids.get(random.nextInt(ids.size()))),
                errors,
                errorSamples);
          }
          if (recipient && round % 3 == 0 && System.nanoTime() < deadline) {
            List<PortalSession.Answer> answers = s.acceptFirstWaitingReferral();
            record(mine, "inbox", answers.getFirst(), errors, errorSamples);
            if (answers.size() > 1) {
              record(mine, "referral accepted", answers.get(1), errors, errorSamples);
            }
          }
        }
      } catch (Exception e) {
        errors.incrementAndGet();
        if (errorSamples.size() < 10) {
          errorSamples.add(s.username + ": " + e);
        }
      }
    }
    mine.forEach(
        (kind, stats) ->
            byKind.merge(
                kind,
                stats,
                (a, b) -> {
                  Stats merged = new Stats();
                  merged.addAll(a);
                  merged.addAll(b);
                  return merged;
                }));
  }

  private static PortalSession.Answer record(
      Map<String, Stats> mine,
      String kind,
      PortalSession.Answer a,
      AtomicLong errors,
      List<String> errorSamples) {
    if (a.ok()) {
      mine.computeIfAbsent(kind, k -> new Stats()).add(a.nanos());
    } else {
      errors.incrementAndGet();
      if (errorSamples.size() < 10) {
        errorSamples.add(kind + ": " + a.problem());
      }
    }
    return a;
  }
}
