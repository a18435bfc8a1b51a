package rs.astra.nrm.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import rs.astra.nrm.bench.caseload.CaseloadGenerator;
import rs.astra.nrm.bench.caseload.HtcdsImportFile;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.demo.DemoDataSeeder;

/**
 * The benchmark, end to end (docs/benchmarks.md): creates a fresh PostgreSQL database, generates
 * the caseload into it, starts an empty WAR on Payara Micro and then the portal with the framework
 * floor (the portal's database connections pass through {@link PgWireRecorder}), and measures
 *
 * <ol>
 *   <li>the case list as four users (owner NGO, centre for social work, police, CPTV) for the first
 *       page, page 200, sorted by date and filtered by name: the page, the same SQL replayed over
 *       JDBC, and the floor's same page, interleaved request by request;
 *   <li>a list-only and a mixed load of concurrent sessions, each a different user;
 *   <li>start-up to ready against the empty WAR, resident memory idle and under load;
 *   <li>the HTCDS import of a generated CSV file;
 *   <li>case documents ({@link DocumentBench}): a 20 MiB PDF uploaded through the case page,
 *       downloaded by one and by ten concurrent sessions against the same rows read over JDBC, and
 *       the portal's heap meanwhile.
 * </ol>
 *
 * It prints a table, writes it to {@code <out>/report.md} with the plans of the list queries in
 * {@code <out>/plans.md}, and, with {@code --docs=<folder>}, replaces the results section of {@code
 * <folder>/benchmarks.md} and writes {@code <folder>/benchmark-plans.md}. No figure is asserted.
 */
public final class BenchmarkHarness {

  /** The four viewers of the single-user measurements: who and what she stands for. */
  static final Map<String, String> VIEWERS = new LinkedHashMap<>();

  static {
    VIEWERS.put("ngo.caseworker1", "owner NGO (ASTRA)");
    VIEWERS.put("csw.belgrade", "CSW recipient (Belgrade)");
    VIEWERS.put("police.officer", "police (Border Police)");
    VIEWERS.put("cptv.officer", "CPTV");
  }

  /** The four list requests measured. */
  enum Scenario {
    FIRST_PAGE("first page"),
    PAGE_200("page 200"),
    SORTED_BY_DATE("sorted by date"),
    FILTERED_BY_NAME("filtered by name");

    final String label;

    Scenario(String label) {
      this.label = label;
    }
  }

  /**
   * The surname the name filter looks for, typed in Latin script. Since schema V22 it finds the
   * Cyrillic spelling (Николић) and Nikolic too, so its counts are higher than on older schemas.
   */
  static final String NAME_FILTER = "Nikolić";

  /** One measured list request. */
  record Measured(
      String viewer,
      Scenario scenario,
      long total,
      int page,
      Stats portal,
      Stats floor,
      Stats sql,
      int statements,
      int queries,
      int writes,
      int writeTrips,
      Stats api,
      Stats apiSql,
      int apiStatements) {
    double ratioSql() {
      return portal.medianMillis() / sql.medianMillis();
    }

    double ratioFloor() {
      return portal.medianMillis() / floor.medianMillis();
    }

    /** The API's answer over the statements it executed, replayed over JDBC. */
    double apiRatioSql() {
      return api.medianMillis() / apiSql.medianMillis();
    }

    /** The API's answer over the page's answer to the same request. */
    double apiRatioPage() {
      return api.medianMillis() / portal.medianMillis();
    }

    /** Page time over (floor + SQL): the target is at most 2. */
    double ratioBudget() {
      return portal.medianMillis() / (floor.medianMillis() + sql.medianMillis());
    }
  }

  private final Options o;
  private final StringBuilder plans = new StringBuilder();

  /** The replays of each viewer's list requests, for the SQL-under-load phase ({@link SqlLoad}). */
  private final Map<String, Map<Scenario, SqlReplay>> listReplays = new LinkedHashMap<>();

  private BenchmarkHarness(Options o) {
    this.o = o;
  }

  /**
   * Command line: {@code --cases=N --seed=S --db=NAME --pg=HOST:PORT --pg-user=U --port=P
   * --sessions=N --load-seconds=S --repeats=R --import-rows=N --micro=… --portal-war=…
   * --floor-war=… --out=DIR [--docs=DIR] [--note=TEXT] [--portal-jvm-options=…]
   * [--single-instance-commands=FILE]}; {@code mvn -Pbench package} passes them all.
   *
   * @param args the options
   * @throws Exception when a step fails; the portal and the recorder are stopped first
   */
  public static void main(String[] args) throws Exception {
    new BenchmarkHarness(Options.parse(args)).run();
  }

  private void run() throws Exception {
    Files.createDirectories(o.out);
    Path sqlDir = o.out.resolve("sql");
    if (Files.isDirectory(sqlDir)) {
      try (var old = Files.list(sqlDir)) {
        for (Path f : old.toList()) {
          Files.delete(f);
        }
      }
    }
    // To the second, as a reader writes a time (the report's heading; Europe/Belgrade).
    String started =
        ZonedDateTime.now(AccessPolicy.ZONE)
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    String loadBefore = Machine.loadAverage();
    say("NRM Portal benchmark: %,d cases, database %s on %s", o.cases, o.db, o.pg);

    // 1. A fresh database with the generated caseload (--reuse-db keeps the last one, for
    // development).
    LocalDate today = LocalDate.now(AccessPolicy.ZONE);
    CaseloadGenerator generator =
        new CaseloadGenerator(
            new CaseloadGenerator.Settings(
                o.jdbc(o.db), o.pgUser, "", o.cases, o.seed, today, o.schemaTarget));
    CaseloadGenerator.Summary generated;
    if (o.reuseDb) {
      generated = new CaseloadGenerator.Summary(Map.of(), 0);
    } else {
      generated = generate(generator);
    }
    Machine machine;
    try (Connection c = DriverManager.getConnection(o.jdbc(o.db), o.pgUser, "")) {
      machine = Machine.describe(o.micro, c);
    }

    // 2. Start-up of an empty WAR on the same Payara Micro.
    double emptyReady = Double.NaN;
    double emptyReported = Double.NaN;
    long emptyRss = -1;
    if (!o.skipEmptyWar) {
      Path empty = emptyWar(o.out.resolve("empty.war"));
      say("starting an empty WAR");
      try (PayaraMicro p =
          PayaraMicro.start(
              java(),
              o.micro,
              o.portalJvmOptions,
              List.of(empty),
              o.port,
              Map.of(),
              o.out.resolve("payara-empty.log"))) {
        emptyReady = p.awaitReady("", Duration.ofMinutes(3));
        emptyRss = p.memoryKiB("VmRSS");
        p.awaitLogged("ready in", Duration.ofMinutes(2));
        emptyReported = p.reportedReadyMillis();
      } catch (IllegalStateException e) {
        // Only the start-up baseline: the portal's own steps below are what a run must pass. Once,
        // in CI, the empty WAR's server said it was ready and its root never answered 200 in 5 min.
        say("the empty WAR's start-up is not measured: " + e.getMessage());
        emptyReady = Double.NaN;
        emptyRss = -1;
        emptyReported = Double.NaN;
      }
    }

    // 3. The portal (and the floor), its database connections through the recorder.
    List<Measured> measured = new ArrayList<>();
    // "first / again": the viewer's first opening of a case page, then the same page once more
    // (with what the server keeps for a while, such as the menus' organisations, in memory).
    Map<String, String> casePageStatements = new LinkedHashMap<>();
    List<LoadTest.Result> loads = new ArrayList<>();
    SqlLoad.Result sqlLoad = null;
    double portalReady;
    double portalReported;
    long idleRss;
    long peakRss;
    double importSeconds;
    int importRows = o.importRows;
    String importProblem = null;
    DocumentBench.Result documents = new DocumentBench.Result();
    ApiBench api = new ApiBench();
    ApiBench.LoadResult apiLoad = null;
    Map<String, String> roles = generator.roles();
    try (PgWireRecorder recorder = new PgWireRecorder(o.pgHost(), o.pgPort())) {
      Map<String, String> env = new LinkedHashMap<>();
      env.put(
          "NRM_DB_URL",
          "jdbc:postgresql://127.0.0.1:" + recorder.port() + "/" + o.db + "?sslmode=disable");
      env.put("NRM_DB_USER", o.pgUser);
      env.put("NRM_DB_PASSWORD", "");
      // The documents step stores encrypted contents: a master key of this run only.
      byte[] documentKey = new byte[32];
      new java.security.SecureRandom().nextBytes(documentKey);
      env.put("NRM_DOCUMENT_KEY", java.util.Base64.getEncoder().encodeToString(documentKey));
      List<String> jvm = new ArrayList<>(o.portalJvmOptions);
      // A single instance, as docker/start-portal.sh and the run command start one: Faces keeps its
      // views as objects (ViewStateStorage).
      jvm.add("-Dnrm.singleInstance=true");
      jvm.add("-Dnrm.data.dir=" + o.out.resolve("data"));
      // The REST API (issue 22) verifies the tokens of this run's key pair.
      jvm.addAll(api.portalJvmOptions());
      jvm.add("-Dnrm.floor.rows=" + Math.max(o.cases, 100));
      say("starting the portal and the floor");
      try (PayaraMicro portal =
          PayaraMicro.start(
              java(),
              o.micro,
              jvm,
              // A single instance as the run command and docker/start-portal.sh start one: its
              // sessions in memory.
              List.of("--nocluster", "--prebootcommandfile", o.singleInstanceCommands.toString()),
              List.of(o.portalWar, o.floorWar),
              o.port,
              env,
              o.out.resolve("payara-portal.log"))) {
        portalReady = portal.awaitReady("health/ready", Duration.ofMinutes(10));
        portal.awaitReady("floor/app/cases.xhtml", Duration.ofMinutes(5));
        idleRss = portal.memoryKiB("VmRSS");
        URI base = URI.create("http://127.0.0.1:" + o.port + "/");

        say(
            "single user: %d repetitions of every list request, interleaved with the floor and the SQL",
            o.repeats);
        // The replay connects straight to PostgreSQL with the session options the portal's
        // connections use.
        java.util.Properties replayProperties = new java.util.Properties();
        replayProperties.setProperty("user", o.pgUser);
        replayProperties.setProperty("password", "");
        String portalOptions = recorder.sessionParameters().get("options");
        if (portalOptions != null) {
          replayProperties.setProperty("options", portalOptions);
        }
        say(
            "replay connections use the portal's session options: %s",
            portalOptions == null ? "none" : portalOptions);
        try (Connection direct = DriverManager.getConnection(o.jdbc(o.db), replayProperties)) {
          for (Map.Entry<String, String> v : VIEWERS.entrySet()) {
            PortalSession session = new PortalSession(base, v.getKey());
            PortalSession.Answer login = session.login(DemoDataSeeder.DEMO_PASSWORD);
            if (!login.ok()) {
              throw new IllegalStateException(login.problem());
            }
            PortalSession floor = new PortalSession(base, "floor");
            // The same list over the REST API, as a user of her organisation and role.
            String token =
                api.token(v.getKey(), generator.users().get(v.getKey()), roles.get(v.getKey()));
            java.net.http.HttpClient apiHttp = ApiBench.client();
            checkApi(ApiBench.get(apiHttp, base, token, "page=0&size=20"));
            // Not timed: what opening one case from the list costs in statements (the N+1 check).
            check(session.openCaseList("app/cases.xhtml"));
            if (!session.rowIds().isEmpty()) {
              recorder.startRecording();
              check(session.openCase(session.rowIds().getFirst()));
              List<PgWireRecorder.Executed> casePage = recorder.stopRecording();
              dump(v.getValue(), "case page", casePage);
              recorder.startRecording();
              check(session.openCase(session.rowIds().getFirst()));
              List<PgWireRecorder.Executed> again = recorder.stopRecording();
              dump(v.getValue(), "case page again", again);
              casePageStatements.put(v.getValue(), casePage.size() + " / " + again.size());
            }
            for (Scenario s : Scenario.values()) {
              Measured m =
                  measure(v.getValue(), s, session, floor, apiHttp, token, base, recorder, direct);
              measured.add(m);
              say(
                  "  %-26s %-17s page %7.1f ms  SQL %6.1f ms  floor %6.1f ms  (%d statements)"
                      + "  API %6.1f ms  API SQL %6.1f ms (%d statements)",
                  m.viewer(),
                  s.label,
                  m.portal().medianMillis(),
                  m.sql().medianMillis(),
                  m.floor().medianMillis(),
                  m.statements(),
                  m.api().medianMillis(),
                  m.apiSql().medianMillis(),
                  m.apiStatements());
            }
          }
        }

        Map<String, String> users = generator.users();
        List<String> loadUsers = loadUsers(users, o.sessions);
        Set<String> recipients = recipients(users, loadUsers);
        for (LoadTest.Mix mix : LoadTest.Mix.values()) {
          say("load: %d sessions, %s mix, %d s", loadUsers.size(), mix, o.loadSeconds);
          LoadTest.Result r =
              LoadTest.run(
                  base,
                  loadUsers,
                  recipients,
                  DemoDataSeeder.DEMO_PASSWORD,
                  Duration.ofSeconds(o.loadSeconds),
                  mix,
                  portal);
          loads.add(r);
          say(
              "  %,d requests, %.0f/s (list %.0f/s), p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %d errors;"
                  + " the server's CPU %.1f ms per request",
              r.requests(),
              r.requests() / r.seconds(),
              r.listPerSecond(),
              r.all().medianMillis(),
              r.all().percentileMillis(95),
              r.all().percentileMillis(99),
              r.errors(),
              r.cpuMillisPerRequest());
          r.errorSamples().forEach(e -> say("    error: %s", e));
          // Let the server settle between phases (sessions of the last one expire on their own).
          Thread.sleep(2000);
        }
        say(
            "load: %d JDBC sessions replaying the list's recorded statements, %d s",
            loadUsers.size(), o.loadSeconds);
        sqlLoad =
            SqlLoad.run(
                listRounds(),
                loadUsers.size(),
                Duration.ofSeconds(o.loadSeconds),
                () -> DriverManager.getConnection(o.jdbc(o.db), replayProperties));
        say(
            "  %,d list requests, %.0f/s, p50 %.1f ms, p95 %.1f ms, %d errors",
            sqlLoad.listRequests(),
            sqlLoad.listPerSecond(),
            sqlLoad.stats().medianMillis(),
            sqlLoad.stats().percentileMillis(95),
            sqlLoad.errors());
        sqlLoad.errorSamples().forEach(e -> say("    error: %s", e));
        say(
            "load: %d REST API clients, GET /api/v1/cases (first page and three pages), %d s",
            loadUsers.size(), o.loadSeconds);
        List<String> tokens = new ArrayList<>();
        for (String u : loadUsers) {
          tokens.add(api.token(u, users.get(u), roles.get(u)));
        }
        apiLoad = ApiBench.load(base, tokens, Duration.ofSeconds(o.loadSeconds));
        say(
            "  %d clients, %,d list requests, %.0f/s, p50 %.1f ms, p95 %.1f ms, %d errors",
            apiLoad.clients(),
            apiLoad.requests(),
            apiLoad.perSecond(),
            apiLoad.stats().medianMillis(),
            apiLoad.stats().percentileMillis(95),
            apiLoad.errors());
        apiLoad.errorSamples().forEach(e -> say("    error: %s", e));
        peakRss = portal.memoryKiB("VmHWM");
        // Logged once every application is deployed (the portal and then the floor).
        portal.awaitLogged("ready in", Duration.ofMinutes(2));
        portalReported = portal.reportedReadyMillis();

        say("HTCDS import of %,d rows", importRows);
        byte[] file = HtcdsImportFile.csv(importRows, o.seed, today);
        Files.write(o.out.resolve("htcds-import.csv"), file);
        PortalSession coordinator = new PortalSession(base, "ngo.coordinator");
        PortalSession.Answer login = coordinator.login(DemoDataSeeder.DEMO_PASSWORD);
        if (!login.ok()) {
          throw new IllegalStateException(login.problem());
        }
        PortalSession.Answer imported =
            coordinator.importHtcds("htcds-import.csv", file, "ui-messages-info");
        importSeconds = imported.nanos() / 1e9;
        if (!imported.ok()) {
          importProblem = imported.problem();
          Files.writeString(o.out.resolve("import-answer.xml"), imported.body());
        }
        say(
            "  %.1f s, %,.0f rows/s%s",
            importSeconds,
            importRows / importSeconds,
            importProblem == null ? "" : " (" + importProblem + ")");

        say(
            "documents: a %d MiB PDF uploaded as ngo.caseworker1, downloaded by one session and by %d",
            DocumentBench.FILE_MIB, DocumentBench.SESSIONS);
        documents =
            DocumentBench.run(
                base,
                "ngo.caseworker1",
                DemoDataSeeder.DEMO_PASSWORD,
                portal,
                () -> DriverManager.getConnection(o.jdbc(o.db), o.pgUser, ""),
                o.seed,
                o.out);
        say(
            "  upload %.1f MiB/s; download %.1f MiB/s one session (warm %.1f), %.1f MiB/s aggregate of %d;"
                + " JDBC %.1f MiB/s; heap used %,d → %,d MiB, survivors + old %,d → %,d MiB; %d errors%s",
            documents.uploadMiBs(),
            documents.singleMiBs(),
            documents.warmMiBs(),
            documents.aggregateMiBs(),
            DocumentBench.SESSIONS,
            documents.jdbcMiBs(),
            documents.heapBaselineKiB / 1024,
            documents.heapPeakKiB / 1024,
            documents.retainedBaselineKiB / 1024,
            documents.retainedPeakKiB / 1024,
            documents.errors,
            documents.problem == null ? "" : " (" + documents.problem + ")");
        documents.errorSamples.forEach(e -> say("    error: %s", e));
      }
    }
    String clusterReport = "";
    if (o.cluster) {
      clusterReport = cluster(generator, loads);
    }
    String loadAfter = Machine.loadAverage();

    String report =
        report(
                machine,
                started,
                loadBefore,
                loadAfter,
                generated,
                emptyReady,
                emptyReported,
                emptyRss,
                portalReady,
                portalReported,
                idleRss,
                peakRss,
                measured,
                casePageStatements,
                loads,
                sqlLoad,
                apiLoad,
                importRows,
                importSeconds,
                importProblem,
                documents)
            + clusterReport;
    System.out.println();
    System.out.println(report);
    Files.writeString(o.out.resolve("report.md"), report);
    String plansDoc =
        "# Plans of the case-list queries (benchmark run of "
            + started
            + ")\n\n"
            + "`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)` of the counts, the page query and the rows query that each list request executed, as the portal sent them"
            + " (recorded on the wire), right after the single-user measurements, "
            + String.format("%,d", o.cases)
            + " cases. Written by `mvn -Pbench package`"
            + " (see [benchmarks.md](benchmarks.md)).\n\n"
            + plans;
    Files.writeString(o.out.resolve("plans.md"), plansDoc);
    if (o.docs != null) {
      Path doc = o.docs.resolve("benchmarks.md");
      String text =
          Files.exists(doc)
              ? Files.readString(doc)
              : "<!-- bench:results:start -->\n<!-- bench:results:end -->\n";
      int from = text.indexOf("<!-- bench:results:start -->");
      int to = text.indexOf("<!-- bench:results:end -->");
      if (from >= 0 && to > from) {
        text =
            text.substring(0, from)
                + "<!-- bench:results:start -->\n"
                + report
                + "\n"
                + text.substring(to);
        Files.writeString(doc, text);
      }
      Files.writeString(o.docs.resolve("benchmark-plans.md"), plansDoc);
      say("results written to %s and %s", doc, o.docs.resolve("benchmark-plans.md"));
    }
    if (importProblem != null
        || documents.problem != null
        || loads.stream().anyMatch(l -> l.sessions() == 0)
        || (apiLoad != null && apiLoad.clients() == 0)) {
      // The figures are reported either way; a harness that could not do its work says so.
      throw new IllegalStateException(
          "the benchmark could not complete: "
              + (importProblem != null
                  ? importProblem
                  : documents.problem != null
                      ? "documents: " + documents.problem
                      : apiLoad != null && apiLoad.clients() == 0
                          ? "no REST API client was answered"
                          : "no session logged in"));
    }
  }

  /**
   * Two portal instances forming one Hazelcast cluster on the same database (issue 20), the same
   * sessions split between them as sticky sessions would split them: a warm-up phase, then the list
   * mix measured. Compared with the single instance's list mix of this run by the servers' CPU time
   * per request (on a machine whose cores both instances share, wall time alone would hide the cost
   * of the grid).
   *
   * @param generator the caseload's users
   * @param single the single instance's load phases of this run
   * @return the report's section (Markdown)
   */
  private String cluster(CaseloadGenerator generator, List<LoadTest.Result> single)
      throws Exception {
    Map<String, String> users = generator.users();
    List<String> loadUsers = loadUsers(users, o.sessions);
    Set<String> recipients = recipients(users, loadUsers);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("NRM_DB_URL", o.jdbc(o.db) + "?sslmode=disable");
    env.put("NRM_DB_USER", o.pgUser);
    env.put("NRM_DB_PASSWORD", "");
    byte[] documentKey = new byte[32];
    new java.security.SecureRandom().nextBytes(documentKey);
    env.put("NRM_DOCUMENT_KEY", java.util.Base64.getEncoder().encodeToString(documentKey));
    int[] http = {o.port + 11, o.port + 12};
    int[] grid = {o.port + 13, o.port + 14};
    String members = "127.0.0.1:" + grid[0] + ",127.0.0.1:" + grid[1];
    // A cluster name of this run only, so that no other instance on the machine joins it.
    String name = "nrm-bench-" + Long.toHexString(System.nanoTime());
    say(
        "cluster: two instances (HTTP %d and %d, grid %s) on the same database",
        http[0], http[1], members);
    List<PayaraMicro> servers = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        List<String> jvm = new ArrayList<>(o.portalJvmOptions);
        jvm.add("-Dnrm.data.dir=" + o.out.resolve("data-cluster-" + i));
        // As docker/start-portal.sh sets them: a lost member is noticed within seconds.
        jvm.add("-Dhazelcast.max.no.heartbeat.seconds=6");
        jvm.add("-Dhazelcast.heartbeat.interval.seconds=1");
        servers.add(
            PayaraMicro.start(
                java(),
                o.micro,
                jvm,
                List.of(
                    "--clustermode",
                    "tcpip:" + members,
                    "--clustername",
                    name,
                    "--startport",
                    String.valueOf(grid[i]),
                    "--interfaces",
                    "127.0.0.1",
                    "--name",
                    "bench-" + (char) ('a' + i)),
                List.of(o.portalWar),
                http[i],
                env,
                o.out.resolve("payara-cluster-" + (char) ('a' + i) + ".log")));
      }
      for (PayaraMicro p : servers) {
        p.awaitReady("health/ready", Duration.ofMinutes(10));
      }
      List<URI> bases =
          List.of(
              URI.create("http://127.0.0.1:" + http[0] + "/"),
              URI.create("http://127.0.0.1:" + http[1] + "/"));
      Duration phase = Duration.ofSeconds(o.loadSeconds);
      LoadTest.Result two = null;
      for (String phaseName : List.of("warm-up", "measured")) {
        if (two != null) {
          Thread.sleep(2000);
        }
        say("  %s: %d sessions, list mix, %d s", phaseName, loadUsers.size(), o.loadSeconds);
        two =
            LoadTest.run(
                bases,
                loadUsers,
                recipients,
                DemoDataSeeder.DEMO_PASSWORD,
                phase,
                LoadTest.Mix.LIST,
                servers);
      }
      LoadTest.Result one =
          single.stream().filter(r -> r.mix() == LoadTest.Mix.LIST).findFirst().orElse(null);
      double ratio =
          one == null ? Double.NaN : two.cpuMillisPerRequest() / one.cpuMillisPerRequest();
      say(
          "  %,d requests, %.0f/s (list %.0f/s), p50 %.0f ms, p95 %.0f ms, %d errors;"
              + " CPU %.1f ms per request (one instance: %.1f), ratio %.2f",
          two.requests(),
          two.requests() / two.seconds(),
          two.listPerSecond(),
          two.all().medianMillis(),
          two.all().percentileMillis(95),
          two.errors(),
          two.cpuMillisPerRequest(),
          one == null ? Double.NaN : one.cpuMillisPerRequest(),
          ratio);
      two.errorSamples().forEach(e -> say("    error: %s", e));
      StringBuilder md = new StringBuilder();
      md.append("\n**Two instances in one cluster** (issue 20; Hazelcast over TCP/IP on loopback,")
          .append(" the same database, the same ")
          .append(loadUsers.size())
          .append(" sessions split between the instances as sticky sessions split them; a warm-up")
          .append(" phase, then the list mix measured for ")
          .append(o.loadSeconds)
          .append(" s; CPU time of the servers' JVMs from /proc, both instances together):\n\n")
          .append("| setup | requests/s | list requests/s | p50 ms | p95 ms | errors |")
          .append(" CPU ms per request | resident MiB (mean) |\n")
          .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
      if (one != null) {
        md.append(clusterRow("one instance (the list mix above)", one));
      }
      md.append(clusterRow("two instances, one cluster", two));
      md.append(
          String.format(
              Locale.ROOT,
              "%nCPU per request, two instances ÷ one: **%.2f** (target within 1.5).%n",
              ratio));
      return md.toString();
    } finally {
      for (PayaraMicro p : servers) {
        p.close();
      }
    }
  }

  private static String clusterRow(String setup, LoadTest.Result r) {
    return String.format(
        Locale.ROOT,
        "| %s | %.0f | %.0f | %.0f | %.0f | %d | %.1f | %d |%n",
        setup,
        r.requests() / r.seconds(),
        r.listPerSecond(),
        r.all().medianMillis(),
        r.all().percentileMillis(95),
        r.errors(),
        r.cpuMillisPerRequest(),
        r.rssMeanKiB() / 1024);
  }

  private CaseloadGenerator.Summary generate(CaseloadGenerator generator) throws SQLException {
    try (Connection admin = DriverManager.getConnection(o.jdbc("postgres"), o.pgUser, "")) {
      try (Statement st = admin.createStatement()) {
        st.execute("drop database if exists " + o.db + " with (force)");
        st.execute("create database " + o.db);
      }
    }
    say("generating the caseload");
    CaseloadGenerator.Summary generated = generator.generate();
    say("%,d rows in %.1f s", generated.totalRows(), generated.millis() / 1e3);
    return generated;
  }

  /** Measures one list request as one viewer: portal, floor and SQL, interleaved. */
  private Measured measure(
      String viewer,
      Scenario s,
      PortalSession portal,
      PortalSession floor,
      java.net.http.HttpClient apiHttp,
      String token,
      URI base,
      PgWireRecorder recorder,
      Connection direct)
      throws Exception {
    int warmups = Math.max(2, o.repeats / 5);
    // Open the view each request works on; the first page is itself the request for FIRST_PAGE.
    check(portal.openCaseList("app/cases.xhtml"));
    check(floor.openCaseList("floor/app/cases.xhtml"));
    long total = portal.total();
    int lastPage = (int) Math.max(0, (total - 1) / 20);
    int page = s == Scenario.PAGE_200 ? Math.min(199, lastPage) : 0;
    recorder.startRecording();
    request(s, portal, "app/cases.xhtml", page);
    List<PgWireRecorder.Executed> executed = recorder.stopRecording();
    SqlReplay replay = new SqlReplay(executed);
    listReplays.computeIfAbsent(viewer, k -> new LinkedHashMap<>()).put(s, replay);
    dump(viewer, s.label, executed);
    plans
        .append("## ")
        .append(viewer)
        .append(", ")
        .append(s.label)
        .append(s == Scenario.PAGE_200 ? " (page " + (page + 1) + ")" : "")
        .append("\n\n```\n");
    plans.append(replay.explain(direct)).append("```\n\n");
    // The API's call for the same request, and what it executed.
    String apiQuery = ApiBench.query(s, page, NAME_FILTER);
    recorder.startRecording();
    checkApi(ApiBench.get(apiHttp, base, token, apiQuery));
    List<PgWireRecorder.Executed> apiExecuted = recorder.stopRecording();
    SqlReplay apiReplay = new SqlReplay(apiExecuted);
    dump(viewer, "api " + s.label, apiExecuted);
    Stats p = new Stats();
    Stats f = new Stats();
    Stats q = new Stats();
    Stats a2 = new Stats();
    Stats q2 = new Stats();
    for (int i = 0; i < warmups + o.repeats; i++) {
      long a = request(s, portal, "app/cases.xhtml", page);
      long b = request(s, floor, "floor/app/cases.xhtml", page);
      long c = replay.run(direct);
      long d = checkApi(ApiBench.get(apiHttp, base, token, apiQuery)).nanos();
      long e = apiReplay.run(direct);
      if (i >= warmups) {
        p.add(a);
        f.add(b);
        q.add(c);
        a2.add(d);
        q2.add(e);
      }
    }
    return new Measured(
        viewer,
        s,
        total,
        page + 1,
        p,
        f,
        q,
        replay.statements(),
        replay.queries(),
        replay.writes(),
        replay.writeRoundTrips(),
        a2,
        q2,
        apiReplay.statements());
  }

  /**
   * Keeps what one request executed, for reading (the N+1 check): {@code
   * <out>/sql/<viewer>-<request>.sql}.
   */
  private void dump(String viewer, String request, List<PgWireRecorder.Executed> executed)
      throws IOException {
    StringBuilder text =
        new StringBuilder(
            "-- "
                + viewer
                + ", "
                + request
                + ": "
                + executed.size()
                + " statements as the portal sent them\n");
    for (PgWireRecorder.Executed e : executed) {
      List<String> values = new ArrayList<>();
      e.params().forEach(p -> values.add(p.text() == null ? "NULL" : p.text()));
      text.append("-- connection ")
          .append(e.connection())
          .append(", round trip ")
          .append(e.roundTrip())
          .append(values.isEmpty() ? "" : "; parameters: " + String.join(", ", values))
          .append('\n');
      text.append(e.sql()).append(";\n");
    }
    Path dir = o.out.resolve("sql");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(
            (viewer.replaceAll("[^A-Za-z]+", "-") + "-" + request.replace(' ', '-'))
                    .toLowerCase(Locale.ROOT)
                + ".sql"),
        text);
  }

  /**
   * @return nanoseconds of one list request of the scenario
   */
  private static long request(Scenario s, PortalSession session, String path, int page)
      throws Exception {
    PortalSession.Answer a =
        switch (s) {
          case FIRST_PAGE -> session.openCaseList(path);
          case PAGE_200 -> session.paginate(page * 20, 20);
          case SORTED_BY_DATE -> session.sort(2, true);
          case FILTERED_BY_NAME -> session.filter(1, NAME_FILTER);
        };
    check(a);
    return a.nanos();
  }

  private static ApiBench.Answer checkApi(ApiBench.Answer a) {
    if (!a.ok()) {
      throw new IllegalStateException(a.problem());
    }
    return a;
  }

  /**
   * The case list over the REST API (issue 22): each list request of the single-user measurements
   * as the API's call, against the statements it executed (replayed) and the page; and the API's
   * throughput under as many clients as the page's load has sessions.
   */
  private void appendApi(
      StringBuilder r,
      List<Measured> measured,
      List<LoadTest.Result> loads,
      SqlLoad.Result sqlLoad,
      ApiBench.LoadResult apiLoad) {
    r.append(
        String.format(
            "%n**Case list over the REST API** (issue 22; `GET /api/v1/cases`, 20 rows, the page's order, as a user of the viewer's"
                + " organisation and role with a bearer token; median of %d, milliseconds, each API call right after the page's request"
                + " and its SQL; API SQL = the statements the API call executed, replayed over JDBC like the page's):%n%n",
            o.repeats));
    r.append(
        "| viewer | request | API p50 | API p95 | API SQL p50 | API statements | page p50 | page SQL p50 | API ÷ API SQL | API ÷ page SQL | API ÷ page |\n");
    r.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Measured x : measured) {
      r.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.1f | %.1f | %.1f | %d | %.1f | %.1f | %.1f | %.1f | %.2f |%n",
              x.viewer(),
              x.scenario().label,
              x.api().medianMillis(),
              x.api().percentileMillis(95),
              x.apiSql().medianMillis(),
              x.apiStatements(),
              x.portal().medianMillis(),
              x.sql().medianMillis(),
              x.apiRatioSql(),
              x.api().medianMillis() / x.sql().medianMillis(),
              x.apiRatioPage()));
    }
    if (apiLoad == null) {
      return;
    }
    double pageList =
        loads.stream()
            .filter(l -> l.mix() == LoadTest.Mix.LIST)
            .mapToDouble(LoadTest.Result::listPerSecond)
            .findFirst()
            .orElse(Double.NaN);
    r.append(
        String.format(
            Locale.ROOT,
            "%n**Case list at %d concurrent clients** (no think time; each API client a user of a load session's organisation and role"
                + " with its own token and connection, sending the list's first page and three pages in turn, as the page's list mix does):%n%n",
            apiLoad.clients()));
    r.append(
        "| | clients | list req/s | p50 ms | p95 ms | errors |\n|---|---:|---:|---:|---:|---:|\n");
    r.append(
        String.format(
            Locale.ROOT,
            "| REST API, `GET /api/v1/cases` | %d | %.1f | %.1f | %.1f | %d |%n",
            apiLoad.clients(),
            apiLoad.perSecond(),
            apiLoad.stats().medianMillis(),
            apiLoad.stats().percentileMillis(95),
            apiLoad.errors()));
    loads.stream()
        .filter(l -> l.mix() == LoadTest.Mix.LIST)
        .findFirst()
        .ifPresent(
            l ->
                r.append(
                    String.format(
                        Locale.ROOT,
                        "| page, list mix (above) | %d | %.1f | %.1f | %.1f | %d |%n",
                        l.sessions(),
                        l.listPerSecond(),
                        l.all().medianMillis(),
                        l.all().percentileMillis(95),
                        l.errors())));
    if (sqlLoad != null) {
      r.append(
          String.format(
              Locale.ROOT,
              "| the page's list SQL over JDBC (above) | %d | %.1f | %.1f | %.1f | %d |%n",
              sqlLoad.sessions(),
              sqlLoad.listPerSecond(),
              sqlLoad.stats().medianMillis(),
              sqlLoad.stats().percentileMillis(95),
              sqlLoad.errors()));
    }
    r.append(
        String.format(
            Locale.ROOT,
            "%nAPI ÷ page, list requests per second: %.2f; API ÷ JDBC: %.2f.%n",
            apiLoad.perSecond() / pageList,
            sqlLoad == null ? Double.NaN : apiLoad.perSecond() / sqlLoad.listPerSecond()));
  }

  private static PortalSession.Answer check(PortalSession.Answer a) {
    if (!a.ok()) {
      throw new IllegalStateException(a.problem());
    }
    return a;
  }

  /**
   * @param users every generated user and her organisation
   * @param loadUsers those who log in for a load phase
   * @return those of them whose organisation receives referrals (not the NGOs)
   */
  static Set<String> recipients(Map<String, String> users, List<String> loadUsers) {
    Set<String> recipients = new LinkedHashSet<>();
    for (String u : loadUsers) {
      if (!users.get(u).equals(DemoDataSeeder.ASTRA) && !u.startsWith("ngo")) {
        recipients.add(u);
      }
    }
    return recipients;
  }

  /**
   * Picks the load test's users: each a different user, in the proportions of the NRM's traffic —
   * two in five from NGOs, then centres for social work, police, the CPTV, prosecutors and health.
   */
  static List<String> loadUsers(Map<String, String> users, int sessions) {
    String[][] shares = {
      {"ngo", "40"},
      {"csw", "25"},
      {"police", "15"},
      {"cptv", "8"},
      {"prosecutor", "6"},
      {"health", "6"}
    };
    List<String> chosen = new ArrayList<>();
    for (String[] share : shares) {
      int want = (int) Math.round(sessions * Integer.parseInt(share[1]) / 100.0);
      for (String u : users.keySet()) {
        if (want == 0 || chosen.size() >= sessions) {
          break;
        }
        if (u.startsWith(share[0]) && !chosen.contains(u)) {
          chosen.add(u);
          want--;
        }
      }
    }
    for (String u : users.keySet()) {
      if (chosen.size() >= sessions) {
        break;
      }
      if (!chosen.contains(u) && !u.startsWith("admin") && !u.equals("dpo")) {
        chosen.add(u);
      }
    }
    return chosen;
  }

  private String report(
      Machine m,
      String started,
      String loadBefore,
      String loadAfter,
      CaseloadGenerator.Summary generated,
      double emptyReady,
      double emptyReported,
      long emptyRss,
      double portalReady,
      double portalReported,
      long idleRss,
      long peakRss,
      List<Measured> measured,
      Map<String, String> casePageStatements,
      List<LoadTest.Result> loads,
      SqlLoad.Result sqlLoad,
      ApiBench.LoadResult apiLoad,
      int importRows,
      double importSeconds,
      String importProblem,
      DocumentBench.Result documents) {
    StringBuilder r = new StringBuilder();
    r.append("### Run of ").append(started).append("\n\n");
    r.append("| machine | |\n|---|---|\n");
    r.append("| CPUs | ").append(m.cpus()).append(" × ").append(m.cpuModel()).append(" |\n");
    r.append("| memory | ").append(String.format("%,d MiB", m.memoryMiB())).append(" |\n");
    r.append("| OS | ").append(m.os()).append(" |\n");
    r.append("| JDK | ").append(m.jdk()).append(" |\n");
    r.append("| server | ")
        .append(m.payara())
        .append(", portal JVM options `")
        .append(String.join(" ", o.portalJvmOptions))
        .append("` |\n");
    r.append("| database | ").append(m.postgres()).append(" (same machine) |\n");
    r.append("| load average (1/5/15 min) | before ")
        .append(loadBefore)
        .append(", after ")
        .append(loadAfter)
        .append(" |\n");
    if (!o.note.isBlank()) {
      r.append("| note | ").append(o.note).append(" |\n");
    }
    r.append("\n**Caseload** (seed ").append(o.seed).append("): ");
    List<String> parts = new ArrayList<>();
    generated.rows().forEach((t, n) -> parts.add(String.format("%s %,d", t, n)));
    r.append(String.join(", ", parts));
    r.append(
        String.format(
            "; %,d rows generated in %.1f s (%,.0f rows/s, schema migration included).%n%n",
            generated.totalRows(),
            generated.millis() / 1e3,
            generated.totalRows() * 1000.0 / Math.max(1, generated.millis())));

    r.append(
        String.format(
            "**Case list, one user at a time** (median of %d, milliseconds; page = the portal's answer as the browser gets it, "
                + "SQL = the statements that request executed, replayed over JDBC; floor = the same page over rows in memory):%n%n",
            o.repeats));
    r.append(
        "| viewer | request | cases seen | page p50 | page p95 | SQL p50 | statements: reads + writes (write round trips) | page ÷ SQL | floor p50 | page ÷ floor | page ÷ (floor + SQL) |\n");
    r.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Measured x : measured) {
      r.append(
          String.format(
              Locale.ROOT,
              "| %s | %s%s | %,d | %.1f | %.1f | %.1f | %d + %d (%d) | %.1f | %.1f | %.1f | %.2f |%n",
              x.viewer(),
              x.scenario().label,
              x.scenario() == Scenario.PAGE_200 && x.page() != 200
                  ? " (last: " + x.page() + ")"
                  : "",
              x.total(),
              x.portal().medianMillis(),
              x.portal().percentileMillis(95),
              x.sql().medianMillis(),
              x.queries(),
              x.writes(),
              x.writeTrips(),
              x.ratioSql(),
              x.floor().medianMillis(),
              x.ratioFloor(),
              x.ratioBudget()));
    }
    r.append(
        "\nStatements executed to open one case page from the list (not timed), the first time /"
            + " the same page again: ");
    List<String> cp = new ArrayList<>();
    casePageStatements.forEach((v, n) -> cp.add(v + " " + n));
    r.append(String.join(", ", cp)).append(".\n");
    r.append(
        "\n**Load** (each session a different user with its own cookies, no think time; `floor` = the same list on the framework floor):\n\n");
    r.append(
        "| mix | sessions | seconds | requests | req/s | list req/s | p50 ms | p95 ms | p99 ms | errors | RSS max / mean MiB |\n");
    r.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (LoadTest.Result l : loads) {
      Stats all = l.all();
      r.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.0f | %,d | %.1f | %.1f | %.0f | %.0f | %.0f | %d | %,d / %,d |%n",
              l.mix().name().toLowerCase(Locale.ROOT),
              l.sessions(),
              l.seconds(),
              l.requests(),
              l.requests() / l.seconds(),
              l.listPerSecond(),
              all.medianMillis(),
              all.percentileMillis(95),
              all.percentileMillis(99),
              l.errors(),
              l.rssMaxKiB() / 1024,
              l.rssMeanKiB() / 1024));
    }
    if (sqlLoad != null) {
      appendLoadLimit(r, loads, sqlLoad);
    }
    appendApi(r, measured, loads, sqlLoad, apiLoad);
    r.append(
        "\nBy request kind:\n\n| mix | request | count | p50 ms | p95 ms | p99 ms |\n|---|---|---:|---:|---:|---:|\n");
    for (LoadTest.Result l : loads) {
      l.byKind()
          .forEach(
              (kind, s) ->
                  r.append(
                      String.format(
                          Locale.ROOT,
                          "| %s | %s | %,d | %.0f | %.0f | %.0f |%n",
                          l.mix().name().toLowerCase(Locale.ROOT),
                          kind,
                          s.count(),
                          s.medianMillis(),
                          s.percentileMillis(95),
                          s.percentileMillis(99))));
    }
    r.append("\n**Start-up and memory**\n\n| | empty WAR | portal |\n|---|---:|---:|\n");
    r.append(
        String.format(
            Locale.ROOT,
            "| process start → first 200 (ms) | %.0f | %.0f (`/health/ready`) |%n",
            emptyReady,
            portalReady));
    r.append(
        String.format(
            Locale.ROOT,
            "| Payara's \"ready in\" (ms) | %.0f | %.0f |%n",
            emptyReported,
            portalReported));
    r.append(
        String.format(
            Locale.ROOT,
            "| resident memory after start (MiB) | %,d | %,d |%n",
            emptyRss / 1024,
            idleRss / 1024));
    r.append(
        String.format(
            Locale.ROOT,
            "| resident memory, peak of the run (VmHWM, MiB) | | %,d |%n",
            peakRss / 1024));
    r.append(
        String.format(
            Locale.ROOT,
            "%n**HTCDS import**: %,d rows (CSV, %d HTCDS fields) in %.1f s = **%,.0f rows/s**%s, uploaded as `ngo.coordinator` (when the page asks about rows naming persons who already have a case, her answer \"import them as new cases\" is a second request, timed with the upload).%n",
            importRows,
            HtcdsImportFile.FIELDS.size(),
            importSeconds,
            importRows / importSeconds,
            importProblem == null ? "" : " — FAILED: " + importProblem));
    DocumentBench.report(r, documents);
    return r.toString();
  }

  /**
   * One round of the list mix per measured viewer, as replays: the list opened (its first page),
   * then three pages (the recorded page 200).
   */
  private List<List<SqlReplay>> listRounds() {
    List<List<SqlReplay>> rounds = new ArrayList<>();
    listReplays.forEach(
        (viewer, byScenario) -> {
          SqlReplay open = byScenario.get(Scenario.FIRST_PAGE);
          SqlReplay page = byScenario.get(Scenario.PAGE_200);
          if (open != null && page != null) {
            rounds.add(List.of(open, page, page, page));
          }
        });
    return rounds;
  }

  /**
   * The load limit of the case list: the floor's and the SQL's list requests per second under the
   * same number of sessions, their combined limit and the portal's own figure against it.
   */
  private static void appendLoadLimit(
      StringBuilder r, List<LoadTest.Result> loads, SqlLoad.Result sql) {
    double floor =
        loads.stream()
            .filter(l -> l.mix() == LoadTest.Mix.FLOOR)
            .mapToDouble(LoadTest.Result::listPerSecond)
            .findFirst()
            .orElse(0);
    double floorCpu =
        loads.stream()
            .filter(l -> l.mix() == LoadTest.Mix.FLOOR)
            .mapToDouble(LoadTest.Result::cpuMillisPerRequest)
            .findFirst()
            .orElse(Double.NaN);
    double limit = SqlLoad.combinedLimit(floor, sql.listPerSecond());
    r.append(
        String.format(
            Locale.ROOT,
            "%n**Load limit of the case list** (%d sessions each; list req/s = the list opened or a page of it, per second):%n%n",
            sql.sessions()));
    // The floor and the portal are deployed in the same server, so its CPU time per request
    // (/proc, user + system) tells the portal's own work from the framework's, without the load
    // generator and PostgreSQL that share the cores.
    r.append(
        "| | list req/s | p50 ms | p95 ms | errors | server CPU ms per request |\n"
            + "|---|---:|---:|---:|---:|---:|\n");
    r.append(
        String.format(
            Locale.ROOT,
            "| floor: the same pages over rows in memory (Faces, PrimeFaces, the server) | %.1f | | | | %.1f |%n",
            floor,
            floorCpu));
    r.append(
        String.format(
            Locale.ROOT,
            "| SQL: the list's recorded statements replayed by %d JDBC sessions | %.1f | %.1f | %.1f | %d | |%n",
            sql.sessions(),
            sql.listPerSecond(),
            sql.stats().medianMillis(),
            sql.stats().percentileMillis(95),
            sql.errors()));
    r.append(
        String.format(
            Locale.ROOT, "| combined limit 1 / (1/floor + 1/SQL) | %.1f | | | | |%n", limit));
    for (LoadTest.Result l : loads) {
      if (l.mix() != LoadTest.Mix.FLOOR) {
        double portal = l.listPerSecond();
        r.append(
            String.format(
                Locale.ROOT,
                "| portal, %s mix (limit ÷ portal = %s) | %.1f | | | | %.1f |%n",
                l.mix().name().toLowerCase(Locale.ROOT),
                portal > 0 && limit > 0
                    ? String.format(Locale.ROOT, "%.2f", limit / portal)
                    : "n/a",
                portal,
                l.cpuMillisPerRequest()));
      }
    }
    r.append(
        "\nThe mixed mix also opens cases and the inbox, so its list figure is below the list-only limit by design; the list mix is the one judged"
            + " against it (target: limit ÷ portal ≤ 1.5).\n");
  }

  private static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** A WAR with nothing but a static page: what Payara Micro costs by itself. */
  private static Path emptyWar(Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("index.html"));
      zip.write("<!DOCTYPE html><title>empty</title>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("WEB-INF/web.xml"));
      zip.write(
          ("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\"/>")
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    Files.write(file, bytes.toByteArray());
    return file;
  }

  private static void say(String format, Object... args) {
    System.out.printf("[bench] " + format + "%n", args);
  }

  /** The command line. */
  record Options(
      int cases,
      long seed,
      String db,
      String pg,
      String pgUser,
      int port,
      int sessions,
      int loadSeconds,
      int repeats,
      int importRows,
      List<String> portalJvmOptions,
      Path micro,
      Path portalWar,
      Path floorWar,
      Path out,
      Path docs,
      String note,
      boolean reuseDb,
      boolean skipEmptyWar,
      String schemaTarget,
      boolean cluster,
      Path singleInstanceCommands) {

    static Options parse(String[] args) {
      Map<String, String> m = new LinkedHashMap<>();
      for (String a : args) {
        int eq = a.indexOf('=');
        if (a.startsWith("--") && eq > 0) {
          m.put(a.substring(2, eq), a.substring(eq + 1));
        }
      }
      String jvm = m.getOrDefault("portal-jvm-options", "").strip();
      String docs = m.getOrDefault("docs", "").strip();
      return new Options(
          Integer.parseInt(m.getOrDefault("cases", "100000")),
          Long.parseLong(m.getOrDefault("seed", "20260101")),
          m.getOrDefault("db", "nrm_bench"),
          m.getOrDefault("pg", "127.0.0.1:5432"),
          m.getOrDefault("pg-user", "postgres"),
          Integer.parseInt(m.getOrDefault("port", "18480")),
          Integer.parseInt(m.getOrDefault("sessions", "50")),
          Integer.parseInt(m.getOrDefault("load-seconds", "60")),
          Integer.parseInt(m.getOrDefault("repeats", "30")),
          Integer.parseInt(m.getOrDefault("import-rows", "10000")),
          jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+")),
          Path.of(m.getOrDefault("micro", "web/target/payara-micro.jar")),
          Path.of(m.getOrDefault("portal-war", "web/target/nrm-portal.war")),
          Path.of(m.getOrDefault("floor-war", "bench/floor/target/floor.war")),
          Path.of(m.getOrDefault("out", "bench/harness/target/bench")),
          docs.isEmpty() ? null : Path.of(docs),
          m.getOrDefault("note", ""),
          Boolean.parseBoolean(m.getOrDefault("reuse-db", "false")),
          Boolean.parseBoolean(m.getOrDefault("skip-empty-war", "false")),
          m.getOrDefault("schema-target", "").isBlank() ? null : m.get("schema-target"),
          Boolean.parseBoolean(m.getOrDefault("cluster", "true")),
          Path.of(
              m.getOrDefault(
                  "single-instance-commands", "web/src/main/payara/single-instance.asadmin")));
    }

    String pgHost() {
      return pg.substring(0, pg.lastIndexOf(':'));
    }

    int pgPort() {
      return Integer.parseInt(pg.substring(pg.lastIndexOf(':') + 1));
    }

    String jdbc(String database) {
      return "jdbc:postgresql://" + pg + "/" + database;
    }
  }
}
