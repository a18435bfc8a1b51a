package rs.astra.nrm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The fault test of a database restart (issue 14): the portal on PostgreSQL under a list load of
 * six signed-in users; PostgreSQL is stopped in the middle, a hotline operator saves a call while
 * it is away, and PostgreSQL is started again. Printed: how many requests failed during the outage
 * and how long recovery took. Fails when a request fails 30 s after the database is back, when
 * {@code /health/ready} is not 200 again by then, when any answer during the outage is anything but
 * the portal's page or its "temporarily unavailable" page (HTTP 503) — never a 500 or a stack trace
 * — when the call saved during the outage was stored (or half-stored), or when the same call cannot
 * be saved afterwards. Every step is bounded in time.
 *
 * <p>Not part of {@code mvn verify}: it stops the database. {@code .ci/run} starts the portal on a
 * PostgreSQL database of its own and runs it by name with {@code -Dit.test=DatabaseRestartFaultIT},
 * giving {@code nrm.test.portalUrl}, {@code nrm.test.dbUrl} (JDBC URL of the portal's database, to
 * check what was stored), {@code nrm.test.dbUser}, {@code nrm.test.dbStop} and {@code
 * nrm.test.dbStart} (shell commands).
 */
class DatabaseRestartFaultIT {

  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration OUTAGE = Duration.ofSeconds(4);
  private static final Duration HEAL_WITHIN = Duration.ofSeconds(30);
  private static final Duration OBSERVE_AFTER_HEAL = Duration.ofSeconds(15);
  private static final Pattern LIST_TOTAL = Pattern.compile("\\d+–\\d+ / \\d+");

  private static final List<String> USERS =
      List.of(
          "ngo.caseworker1",
          "ngo.caseworker2",
          "ngo.coordinator",
          "csw.belgrade",
          "police.officer",
          "cptv.officer");

  /** One request of the load: when it started (ns, relative), its status and what the body was. */
  private record Sample(long startNanos, int status, String kind) {}

  private final URI portal =
      URI.create(System.getProperty("nrm.test.portalUrl", "http://localhost:18080/"));
  private final long origin = System.nanoTime();

  @Test
  void theListLoadHealsWithin30SecondsOfARestartAndAWriteDuringTheOutageIsReportedNotSaved()
      throws Exception {
    List<PortalSession> sessions = new ArrayList<>();
    for (String user : USERS) {
      PortalSession s = new PortalSession(portal);
      assertTrue(s.signIn(user, "demo").contains("tileWaiting"), user + " signed in");
      sessions.add(s);
    }
    PortalSession pager = new PortalSession(portal);
    assertTrue(
        pager.signIn("ngo.coordinator", "demo").contains("tileWaiting"),
        "ngo.coordinator signed in");
    PortalSession operator = new PortalSession(portal);
    assertTrue(
        operator.signIn("ngo.hotline", "demo").contains("tileWaiting"), "ngo.hotline signed in");
    String token = "fault-test-" + Long.toString(System.currentTimeMillis(), 36);

    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService load = Executors.newFixedThreadPool(sessions.size());
    for (PortalSession s : sessions) {
      load.submit(() -> listLoad(s, samples, running));
    }
    long stoppedAt;
    long backAt;
    int healthDuringOutage;
    String answerToSave;
    String answerToAjaxPaging;
    try {
      Thread.sleep(WARM_UP.toMillis());
      operator.get("app/hotline.xhtml");
      pager.get("app/cases.xhtml");
      stoppedAt = now();
      shell(System.getProperty("nrm.test.dbStop"));
      System.out.printf("database stopped in %.1f s%n", seconds(now() - stoppedAt));
      try {
        Thread.sleep(OUTAGE.toMillis() / 2);
        long saving = now();
        answerToSave =
            new String(
                operator.submit("callForm", "callForm:saveCall", callFields(token)).body(),
                StandardCharsets.UTF_8);
        healthDuringOutage = status("health/ready");
        answerToAjaxPaging =
            pager.ajax(
                "casesForm",
                "casesForm:cases",
                Map.of(
                    "casesForm:cases_pagination",
                    "true",
                    "casesForm:cases_first",
                    "20",
                    "casesForm:cases_rows",
                    "20"));
        System.out.printf(
            "save and health check during the outage answered in %.1f s%n",
            seconds(now() - saving));
        Thread.sleep(OUTAGE.toMillis() / 2);
      } finally {
        shell(System.getProperty("nrm.test.dbStart"));
      }
      backAt = now();
      System.out.printf(
          "database away %.1f s (stop command to start command done)%n",
          seconds(backAt - stoppedAt));
      Thread.sleep(HEAL_WITHIN.plus(OBSERVE_AFTER_HEAL).toMillis());
    } finally {
      running.set(false);
      load.shutdown();
      assertTrue(load.awaitTermination(60, TimeUnit.SECONDS), "the load stopped");
    }

    List<Sample> all;
    synchronized (samples) {
      all = new ArrayList<>(samples);
    }
    List<Sample> failed = all.stream().filter(s -> s.status() != 200).toList();
    long lastFailure = failed.stream().mapToLong(Sample::startNanos).max().orElse(stoppedAt);
    long healDeadline = backAt + HEAL_WITHIN.toNanos();
    long firstAnswerAfterBack =
        all.stream()
            .filter(s -> s.startNanos() >= backAt && s.status() == 200)
            .mapToLong(Sample::startNanos)
            .min()
            .orElse(Long.MAX_VALUE);
    System.out.printf(
        "recovery: the first list request started after the database was back answered 200, %.1f s after it was back; /health/ready %d during the outage; the save during the outage answered with %s%n",
        seconds(firstAnswerAfterBack - backAt),
        healthDuringOutage,
        answerToSave.contains("unavailableTitle") ? "the 503 page" : "a message in the form");
    System.out.printf(
        "database restart under load: %d requests, %d failed (%d answered 503 'temporarily unavailable', %d otherwise); "
            + "database away %.1f s; last failed request started %.1f s after the database was back%n",
        all.size(),
        failed.size(),
        failed.stream().filter(s -> s.kind().equals("unavailable")).count(),
        failed.stream().filter(s -> !s.kind().equals("unavailable")).count(),
        seconds(backAt - stoppedAt),
        seconds(Math.max(0, lastFailure - backAt)));

    assertTrue(
        all.stream().anyMatch(s -> s.startNanos() < stoppedAt && s.status() == 200),
        "the list answered before the outage");
    assertTrue(
        all.stream().anyMatch(s -> s.startNanos() > healDeadline && s.status() == 200),
        "the list answered after the outage");
    for (Sample s : all) {
      if (s.status() == 200) {
        assertEquals("list", s.kind(), "a 200 answer is the case list: " + s);
      } else {
        assertEquals(503, s.status(), "during the outage pages answer 503, never 500: " + s);
        assertEquals(
            "unavailable", s.kind(), "the 503 answer is the 'temporarily unavailable' page: " + s);
      }
    }
    List<Sample> late = failed.stream().filter(s -> s.startNanos() > healDeadline).toList();
    assertTrue(
        late.isEmpty(), "requests failed more than 30 s after the database was back: " + late);
    assertEquals(200, status("health/ready"), "/health/ready is 200 again");
    assertEquals(503, healthDuringOutage, "/health/ready is DOWN while the database is away");

    assertTrue(
        answerToSave.contains("Nije sačuvano") || answerToSave.contains("nije sačuvano"),
        "the operator is told her call was not saved: " + excerpt(answerToSave));
    assertFalse(
        kindOf(answerToSave).equals("stack trace or exception"), "no exception on the page");
    assertTrue(
        answerToAjaxPaging.contains("<redirect url=\"/unavailable\""),
        "an Ajax request during the outage sends the browser to the 503 page: "
            + excerpt(answerToAjaxPaging));
    HttpResponse<String> unavailable = pager.get("unavailable");
    assertEquals(503, unavailable.statusCode());
    assertEquals("unavailable", kindOf(unavailable.body()));
    assertEquals(
        0,
        callsWithSummary(token),
        "the call saved during the outage was not stored, not even in part");
    operator.get("app/hotline.xhtml");
    String saved = operator.submitForPage("callForm", "callForm:saveCall", callFields(token));
    assertTrue(
        saved.contains("Poziv je zabeležen."),
        "the same call is saved once the database is back: " + excerpt(saved));
    assertEquals(1, callsWithSummary(token), "stored once");
  }

  private void listLoad(PortalSession session, List<Sample> samples, AtomicBoolean running) {
    HttpClient http = session.http();
    while (running.get()) {
      long start = now();
      int status;
      String kind;
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(portal.resolve("app/cases.xhtml"))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        status = r.statusCode();
        kind = kindOf(r.body());
      } catch (Exception e) {
        status = -1;
        kind = e.getClass().getSimpleName();
      }
      samples.add(new Sample(start, status, kind));
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static String kindOf(String body) {
    if (body.contains("\tat ")
        || body.contains("Caused by")
        || body.contains("java.lang.")
        || body.contains("SQLState")
        || body.contains("org.postgresql")) {
      return "stack trace or exception";
    }
    if (body.contains("id=\"unavailableTitle\"")
        && body.contains("Portal je privremeno nedostupan")) {
      return "unavailable";
    }
    if (LIST_TOTAL.matcher(body).find()) {
      return "list";
    }
    return "other page";
  }

  private static Map<String, String> callFields(String token) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("callForm:purpose", "PREVENTIVE_INFORMATION");
    fields.put("callForm:channel_input", "PHONE");
    fields.put("callForm:callerType_input", "CITIZEN");
    fields.put("callForm:summary", token);
    return fields;
  }

  private int status(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(portal.resolve(path)).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static int callsWithSummary(String token) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                System.getProperty("nrm.test.dbUrl"),
                System.getProperty("nrm.test.dbUser", "postgres"),
                "");
        PreparedStatement q =
            c.prepareStatement("select count(*) from hotline_call where summary = ?")) {
      q.setString(1, token);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** Runs a shell command, bounded to 60 s, and fails the test if it does not succeed. */
  private static void shell(String command) throws Exception {
    assertTrue(
        command != null && !command.isBlank(),
        "nrm.test.dbStop and nrm.test.dbStart must be given");
    Process p = new ProcessBuilder("sh", "-c", command).inheritIO().start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished in 60 s: " + command);
    assertEquals(0, p.exitValue(), command);
  }

  private long now() {
    return System.nanoTime() - origin;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static String excerpt(String html) {
    return html.length() > 3000 ? html.substring(0, 3000) : html;
  }
}
