package rs.astra.nrm.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The case list over the REST API (issue 22) for the benchmark: bearer tokens signed with an RSA
 * key pair generated for this run only (the portal the harness starts verifies them with its public
 * half, {@code mp.jwt.verify.publickey}, and the issuer {@value #ISSUER}), one {@code GET
 * /api/v1/cases} timed, and a load phase of concurrent API clients.
 *
 * <p>A token carries what Keycloak's tokens carry for the portal: {@code preferred_username}, the
 * client id ({@code azp}), the {@code organisation} claim (the organisation's name) and the realm
 * role in {@code groups}. Its user is {@code api.<username>}: the portal refuses a token whose user
 * has a portal password, so the API user of a viewer is a user of her organisation and role, not
 * her.
 */
final class ApiBench {

  /** The issuer of the tokens of this harness; the portal it starts accepts only it. */
  static final String ISSUER = "urn:nrm:bench";

  /** The client id ({@code azp}) of every token: one calling system. */
  static final String CLIENT = "nrm-bench";

  private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

  private final KeyPair keys;

  /** Generates the key pair of this run (RSA 2048). */
  ApiBench() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
  }

  /**
   * @return the JVM options that make the portal verify this run's tokens and leave the rate limit
   *     off (the load phase would otherwise measure the limit)
   */
  List<String> portalJvmOptions() {
    return List.of(
        "-Dmp.jwt.verify.publickey="
            + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()),
        "-Dmp.jwt.verify.issuer=" + ISSUER,
        "-Dnrm.api.requests.per.minute=0");
  }

  /**
   * A token valid for two hours (the longest run is well below).
   *
   * @param viewer the portal user the API user stands for (the token's user is {@code
   *     api.<viewer>})
   * @param organisation her organisation's name
   * @param role her portal role's realm name (e.g. {@code csw-officer})
   * @return the signed token (compact JWS, RS256)
   */
  String token(String viewer, String organisation, String role) throws GeneralSecurityException {
    long now = Instant.now().getEpochSecond();
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    String claims =
        "{\"iss\":\""
            + ISSUER
            + "\",\"sub\":\""
            + UUID.randomUUID()
            + "\",\"jti\":\""
            + UUID.randomUUID()
            + "\",\"iat\":"
            + now
            + ",\"exp\":"
            + (now + 7200)
            + ",\"preferred_username\":\"api."
            + viewer
            + "\",\"azp\":\""
            + CLIENT
            + "\",\"organisation\":\""
            + organisation.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\",\"groups\":[\""
            + role
            + "\"]}";
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(keys.getPrivate());
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64.encodeToString(rsa.sign());
  }

  /**
   * The query of the API call that asks what a list request of the page asks: 20 rows, the page's
   * default order (day opened, newest first) unless the request sorts.
   *
   * @param s the page's request
   * @param page the zero-based page (for {@code PAGE_200})
   * @param nameFilter the name typed into the filter (for {@code FILTERED_BY_NAME})
   * @return the query string, without {@code ?}
   */
  static String query(BenchmarkHarness.Scenario s, int page, String nameFilter) {
    return switch (s) {
      case FIRST_PAGE -> "page=0&size=20&sort=openedOn&order=desc";
      case PAGE_200 -> "page=" + page + "&size=20&sort=openedOn&order=desc";
      case SORTED_BY_DATE -> "page=0&size=20&sort=openedOn&order=asc";
      case FILTERED_BY_NAME ->
          "page=0&size=20&sort=openedOn&order=desc&name="
              + URLEncoder.encode(nameFilter, StandardCharsets.UTF_8);
    };
  }

  /** One answer of {@code GET /api/v1/cases}. */
  record Answer(int status, long nanos, long total, String problem) {
    boolean ok() {
      return problem == null;
    }
  }

  /**
   * Sends {@code GET /api/v1/cases?<query>} and reads the answer to its last byte.
   *
   * @param http the client (one per calling system)
   * @param base the portal's root URL
   * @param token the bearer token
   * @param query the query string
   * @return status, time from sending to the last byte (ns), the list's total; a problem unless 200
   *     with a total
   */
  static Answer get(HttpClient http, URI base, String token, String query) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("api/v1/cases?" + query))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(120))
            .GET()
            .build();
    long start = System.nanoTime();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    long nanos = System.nanoTime() - start;
    Matcher total = TOTAL.matcher(r.body());
    if (r.statusCode() != 200 || !total.find()) {
      String body = r.body();
      return new Answer(
          r.statusCode(),
          nanos,
          -1,
          "GET /api/v1/cases?"
              + query
              + " answered "
              + r.statusCode()
              + ": "
              + body.substring(0, Math.min(200, body.length())));
    }
    return new Answer(r.statusCode(), nanos, Long.parseLong(total.group(1)), null);
  }

  /**
   * @return a client as a calling system would hold one (HTTP/1.1, kept-alive connections)
   */
  static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(30))
        .build();
  }

  /**
   * What the load phase measured.
   *
   * @param clients clients that answered their first call
   * @param seconds the measured time
   * @param requests list calls answered within it
   * @param stats their latencies
   * @param errors calls not answered 200 (or failed)
   * @param errorSamples the first ten
   */
  record LoadResult(
      int clients,
      double seconds,
      long requests,
      Stats stats,
      long errors,
      List<String> errorSamples) {
    double perSecond() {
      return requests / seconds;
    }
  }

  /**
   * Concurrent API clients, each with its own token and HTTP client, sending the next call as soon
   * as the last is answered (no think time), as the list mix of the page's load: the list's first
   * page, then three pages at random among the first 50. Each client's first call (which also
   * creates its API user in the portal) is made before the clock starts.
   *
   * @param base the portal's root URL
   * @param tokens one token per client
   * @param duration how long the clock runs
   * @return what was measured
   */
  static LoadResult load(URI base, List<String> tokens, Duration duration)
      throws InterruptedException {
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch ready = new CountDownLatch(tokens.size());
    CountDownLatch go = new CountDownLatch(1);
    AtomicLong requests = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong started = new AtomicLong();
    Stats stats = new Stats();
    long[] clock = new long[2];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      int n = i;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    HttpClient http = client();
                    long total;
                    try {
                      Answer first = get(http, base, token, "page=0&size=20");
                      if (!first.ok()) {
                        throw new IllegalStateException(first.problem());
                      }
                      total = first.total();
                      started.incrementAndGet();
                    } catch (Exception e) {
                      problems.add("first call: " + e.getMessage());
                      errors.incrementAndGet();
                      ready.countDown();
                      return;
                    }
                    ready.countDown();
                    SplittableRandom random = new SplittableRandom(n);
                    int pages = (int) Math.max(1, Math.min(50, (total + 19) / 20));
                    Stats mine = new Stats();
                    try {
                      go.await();
                      long deadline = clock[1];
                      while (System.nanoTime() < deadline) {
                        for (int turn = 0; turn < 4 && System.nanoTime() < deadline; turn++) {
                          int page = turn == 0 ? 0 : random.nextInt(pages);
                          try {
                            Answer a = get(http, base, token, "page=" + page + "&size=20");
                            if (a.ok()) {
                              mine.add(a.nanos());
                              requests.incrementAndGet();
                            } else {
                              errors.incrementAndGet();
                              if (problems.size() < 10) {
                                problems.add(a.problem());
                              }
                            }
                          } catch (Exception e) {
                            errors.incrementAndGet();
                            if (problems.size() < 10) {
                              problems.add(String.valueOf(e));
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
    ready.await();
    clock[0] = System.nanoTime();
    clock[1] = clock[0] + duration.toNanos();
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - clock[0]) / 1e9;
    return new LoadResult(
        (int) started.get(),
        seconds,
        requests.get(),
        stats,
        errors.get(),
        List.copyOf(problems.subList(0, Math.min(10, problems.size()))));
  }
}
