package rs.astra.nrm.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documents step (issue 17; docs/benchmarks.md, "Case documents"): one 20 MiB PDF uploaded
 * through the case page's Documents form as a user of the case's owning organisation, downloaded by
 * one session and then by {@value #SESSIONS} concurrent sessions ({@value #DOWNLOADS_EACH} times
 * each), every download compared byte for byte with the upload, the portal JVM's used heap sampled
 * every {@value #HEAP_INTERVAL_MILLIS} ms while the concurrent downloads run, and the document's
 * encrypted segment rows read straight over JDBC as the database's own rate. Figures only: a
 * mismatch counts as an error, nothing is asserted. Every request has a time limit, so the step is
 * bounded.
 */
final class DocumentBench {

  /** The random part of the file, in MiB. */
  static final int FILE_MIB = 20;

  /** Concurrent download sessions. */
  static final int SESSIONS = 10;

  /** Downloads per concurrent session. */
  static final int DOWNLOADS_EACH = 3;

  /** Interval of the heap samples. */
  static final int HEAP_INTERVAL_MILLIS = 100;

  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
  private static final Pattern ERROR_MESSAGE =
      Pattern.compile("ui-messages-error-(?:summary|detail)\">([^<]*)<");

  /** The figures of one run of the step; NaN or -1 where a part did not run. */
  static final class Result {
    long fileBytes;
    long caseId = -1;
    long documentId = -1;
    double uploadSeconds = Double.NaN;
    double singleSeconds = Double.NaN;
    boolean singleMatches;
    double warmSeconds = Double.NaN;
    boolean warmMatches;
    int downloads;
    int errors;
    int concurrentErrors;
    long concurrentBytes;
    double concurrentSeconds = Double.NaN;
    Stats perDownload = new Stats();
    long jdbcBytes;
    int jdbcRows;
    double jdbcSeconds = Double.NaN;
    long heapBaselineKiB = -1;
    long heapPeakKiB = -1;
    long retainedBaselineKiB = -1;
    long retainedPeakKiB = -1;
    long youngGcs = -1;
    int heapSamples;
    final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
    String problem;

    /** Bytes as MiB. */
    static double mib(long bytes) {
      return bytes / (1024.0 * 1024.0);
    }

    /** The upload's rate: the file over the post's wall time. */
    double uploadMiBs() {
      return mib(fileBytes) / uploadSeconds;
    }

    /** One session's download rate. */
    double singleMiBs() {
      return mib(fileBytes) / singleSeconds;
    }

    /** The same session's rate, downloading again after the concurrent downloads. */
    double warmMiBs() {
      return mib(fileBytes) / warmSeconds;
    }

    /** All bytes the concurrent sessions read, over the wall time from start to the last one. */
    double aggregateMiBs() {
      return mib(concurrentBytes) / concurrentSeconds;
    }

    /** The database's rate: the encrypted segment bytes read over JDBC over the read's time. */
    double jdbcMiBs() {
      return mib(jdbcBytes) / jdbcSeconds;
    }
  }

  private DocumentBench() {}

  /**
   * The test file: a PDF header, {@value #FILE_MIB} MiB of random bytes from the seed, and the PDF
   * trailer.
   */
  static byte[] pdf(long seed) {
    byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] file = new byte[head.length + FILE_MIB * 1024 * 1024 + tail.length];
    byte[] random = new byte[FILE_MIB * 1024 * 1024];
    new Random(seed).nextBytes(random);
    System.arraycopy(head, 0, file, 0, head.length);
    System.arraycopy(random, 0, file, head.length, random.length);
    System.arraycopy(tail, 0, file, head.length + random.length, tail.length);
    return file;
  }

  /** Opens a connection straight to the benchmark's database. */
  interface Db {
    /**
     * @return a new connection, closed by the caller
     */
    Connection open() throws SQLException;
  }

  /**
   * Runs the step; never throws for a failure of the portal, which ends up in {@link
   * Result#problem} instead (the caller decides).
   *
   * @param base the portal's root
   * @param user a user of an owner NGO: the cases on the first page of her list are tried, in
   *     order, until one offers her the upload form
   * @param password her password
   * @param portal the portal's process (its pid for the heap samples)
   * @param db connections straight to the database
   * @param seed of the file's random bytes
   * @param out where the answer of a failed upload is kept
   * @return the figures
   */
  static Result run(
      URI base, String user, String password, PayaraMicro portal, Db db, long seed, Path out) {
    Result r = new Result();
    try {
      measure(r, base, user, password, portal, db, seed, out);
    } catch (Exception e) {
      r.problem = r.problem != null ? r.problem : e.toString();
    }
    return r;
  }

  private static void measure(
      Result r,
      URI base,
      String user,
      String password,
      PayaraMicro portal,
      Db db,
      long seed,
      Path out)
      throws Exception {
    byte[] file = pdf(seed);
    r.fileBytes = file.length;
    PortalSession owner = new PortalSession(base, user);
    PortalSession.Answer login = owner.login(password);
    if (!login.ok()) {
      r.problem = login.problem();
      return;
    }
    PortalSession.Answer list = owner.openCaseList("app/cases.xhtml");
    if (!list.ok()) {
      r.problem = list.problem();
      return;
    }
    List<Long> candidates = owner.rowIds();

    // 1. The upload, through the case page's form.
    String title = "Benchmark " + FILE_MIB + " MiB PDF " + System.currentTimeMillis();
    PortalSession.Answer upload = null;
    for (long caseId : candidates) {
      upload =
          owner.uploadCaseDocument(
              caseId, title, "OTHER", "benchmark-" + FILE_MIB + "mib.pdf", "application/pdf", file);
      if (upload.ok() || !String.valueOf(upload.problem()).startsWith("no document upload form")) {
        r.caseId = caseId;
        break;
      }
    }
    if (upload == null || r.caseId < 0) {
      r.problem = "no case of " + user + " offers the upload form";
      return;
    }
    r.uploadSeconds = upload.nanos() / 1e9;
    try (Connection c = db.open();
        PreparedStatement q =
            c.prepareStatement(
                "select id, size_bytes from case_document where case_file_id = ? and title = ?")) {
      q.setLong(1, r.caseId);
      q.setString(2, title);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          r.documentId = rs.getLong(1);
          if (rs.getLong(2) != file.length) {
            r.problem = "stored size " + rs.getLong(2) + " is not " + file.length;
          }
        }
      }
    }
    if (r.documentId < 0) {
      Files.writeString(out.resolve("document-upload-answer.html"), upload.body());
      Matcher m = ERROR_MESSAGE.matcher(upload.body());
      r.problem =
          "the upload was not stored ("
              + (upload.ok() ? "" : upload.problem() + "; ")
              + (m.find() ? m.group(1) : "see document-upload-answer.html")
              + ")";
      return;
    }
    String path = "app/document?id=" + r.documentId;

    // 2. One session downloads it once.
    PortalSession.Download single = owner.download(path, file, REQUEST_TIMEOUT);
    r.singleSeconds = single.nanos() / 1e9;
    r.singleMatches = single.matches();
    if (!single.matches()) {
      r.errors++;
      r.errorSamples.add(single.problem());
    }

    // 4. The database's own rate: the same rows, in order, fetch size 4, in a transaction.
    try (Connection c = db.open()) {
      c.setAutoCommit(false);
      try (PreparedStatement q =
          c.prepareStatement(
              "select data from case_document_content where document_id = ? order by segment_no")) {
        q.setFetchSize(4);
        q.setLong(1, r.documentId);
        long start = System.nanoTime();
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            r.jdbcBytes += rs.getBytes(1).length;
            r.jdbcRows++;
          }
        }
        r.jdbcSeconds = (System.nanoTime() - start) / 1e9;
      }
      c.commit();
    }

    // 2 and 3. Concurrent sessions, the portal's heap sampled meanwhile.
    List<PortalSession> sessions = new ArrayList<>();
    for (int i = 0; i < SESSIONS; i++) {
      PortalSession s = new PortalSession(base, user);
      PortalSession.Answer a = s.login(password);
      if (!a.ok()) {
        r.problem = a.problem();
        return;
      }
      sessions.add(s);
    }
    Path jdkBin = Path.of(System.getProperty("java.home"), "bin");
    HeapSampler.fullGc(jdkBin, portal.pid());
    AtomicLong bytes = new AtomicLong();
    AtomicInteger matched = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    Stats[] times = new Stats[SESSIONS];
    long started;
    long ended;
    List<HeapSampler.Sample> samples;
    String samplerProblem;
    try (HeapSampler sampler = HeapSampler.start(jdkBin, portal.pid(), HEAP_INTERVAL_MILLIS)) {
      // About a second of baseline samples.
      Thread.sleep(1000);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
      try {
        for (int i = 0; i < SESSIONS; i++) {
          PortalSession s = sessions.get(i);
          Stats t = new Stats();
          times[i] = t;
          pool.execute(
              () -> {
                try {
                  go.await();
                  for (int k = 0; k < DOWNLOADS_EACH; k++) {
                    PortalSession.Download d = s.download(path, file, REQUEST_TIMEOUT);
                    bytes.addAndGet(d.bytes());
                    t.add(d.nanos());
                    if (d.matches()) {
                      matched.incrementAndGet();
                    } else {
                      sample(r, d.problem());
                    }
                    done.incrementAndGet();
                  }
                } catch (Exception e) {
                  sample(r, e.toString());
                }
              });
        }
        started = System.nanoTime();
        go.countDown();
        pool.shutdown();
        if (!pool.awaitTermination(
            REQUEST_TIMEOUT.toMinutes() * DOWNLOADS_EACH + 1, TimeUnit.MINUTES)) {
          pool.shutdownNow();
          sample(r, "concurrent downloads still running after the time limit");
        }
        ended = System.nanoTime();
      } finally {
        pool.shutdownNow();
      }
      Thread.sleep(300);
      samples = sampler.samples();
      samplerProblem = sampler.problem();
    }
    r.downloads = done.get();
    // A download that failed, differed or never ran is an error.
    r.concurrentErrors = SESSIONS * DOWNLOADS_EACH - matched.get();
    r.errors += r.concurrentErrors;
    r.concurrentBytes = bytes.get();
    r.concurrentSeconds = (ended - started) / 1e9;
    for (Stats t : times) {
      r.perDownload.addAll(t);
    }
    // The first session once more, now that the download's code is compiled (the first one ran it
    // for the first time).
    PortalSession.Download warm = owner.download(path, file, REQUEST_TIMEOUT);
    r.warmSeconds = warm.nanos() / 1e9;
    r.warmMatches = warm.matches();
    if (!warm.matches()) {
      r.errors++;
      sample(r, warm.problem());
    }
    List<HeapSampler.Sample> before = new ArrayList<>();
    List<HeapSampler.Sample> during = new ArrayList<>();
    for (HeapSampler.Sample s : samples) {
      if (s.nanos() < started) {
        before.add(s);
      } else if (s.nanos() <= ended + HEAP_INTERVAL_MILLIS * 1_000_000L) {
        during.add(s);
      }
    }
    r.heapSamples = during.size();
    if (!before.isEmpty()) {
      r.heapBaselineKiB = before.stream().mapToLong(HeapSampler.Sample::usedKiB).min().getAsLong();
      r.retainedBaselineKiB =
          before.stream().mapToLong(HeapSampler.Sample::retainedKiB).min().getAsLong();
    }
    if (!during.isEmpty()) {
      r.heapPeakKiB = during.stream().mapToLong(HeapSampler.Sample::usedKiB).max().getAsLong();
      r.retainedPeakKiB =
          during.stream().mapToLong(HeapSampler.Sample::retainedKiB).max().getAsLong();
      if (!before.isEmpty()) {
        r.youngGcs = during.getLast().youngGcs() - before.getLast().youngGcs();
      }
    } else if (samplerProblem != null) {
      sample(r, "jstat: " + samplerProblem);
    }
  }

  private static void sample(Result r, String problem) {
    if (r.errorSamples.size() < 5) {
      r.errorSamples.add(problem);
    }
  }

  /**
   * Appends the Documents table to the report.
   *
   * @param out the report
   * @param r the figures
   */
  static void report(StringBuilder out, Result r) {
    out.append(
        String.format(
            Locale.ROOT,
            "%n**Documents** (one PDF of %.1f MiB — `%%PDF-1.4`, %d MiB of random bytes, `%%%%EOF` — uploaded through the case page's form by the owner NGO, case %d, document %d):%n%n",
            Result.mib(r.fileBytes),
            FILE_MIB,
            r.caseId,
            r.documentId));
    out.append("| | MiB | seconds | MiB/s | errors |\n|---|---:|---:|---:|---:|\n");
    out.append(
        String.format(
            Locale.ROOT,
            "| upload: one non-Ajax post of the case page's Documents form | %.1f | %.2f | %.1f | %s |%n",
            Result.mib(r.fileBytes),
            r.uploadSeconds,
            r.uploadMiBs(),
            r.documentId < 0 ? "1" : "0"));
    out.append(
        String.format(
            Locale.ROOT,
            "| download `app/document`, one session (the first download of the run) | %.1f | %.2f | %.1f | %d |%n",
            Result.mib(r.fileBytes),
            r.singleSeconds,
            r.singleMiBs(),
            Double.isNaN(r.singleSeconds) || r.singleMatches ? 0 : 1));
    out.append(
        String.format(
            Locale.ROOT,
            "| download, the same session again after the concurrent ones (warm) | %.1f | %.2f | %.1f | %d |%n",
            Result.mib(r.fileBytes),
            r.warmSeconds,
            r.warmMiBs(),
            Double.isNaN(r.warmSeconds) || r.warmMatches ? 0 : 1));
    out.append(
        String.format(
            Locale.ROOT,
            "| download, %d concurrent sessions × %d (aggregate; each download p50 %.0f ms, p95 %.0f ms) | %.1f | %.2f | %.1f | %d |%n",
            SESSIONS,
            DOWNLOADS_EACH,
            r.perDownload.medianMillis(),
            r.perDownload.percentileMillis(95),
            Result.mib(r.concurrentBytes),
            r.concurrentSeconds,
            r.aggregateMiBs(),
            r.concurrentErrors));
    out.append(
        String.format(
            Locale.ROOT,
            "| JDBC: its %d encrypted segment rows, ordered, fetch size 4, one transaction | %.1f | %.2f | %.1f | |%n",
            r.jdbcRows,
            Result.mib(r.jdbcBytes),
            r.jdbcSeconds,
            r.jdbcMiBs()));
    out.append(
        String.format(
            Locale.ROOT,
            "%nDownload ÷ JDBC: one session %.2f (warm %.2f), %d sessions %.2f. Every download compared byte for byte with the upload (%d of %d downloads, %d errors).%n",
            r.singleMiBs() / r.jdbcMiBs(),
            r.warmMiBs() / r.jdbcMiBs(),
            SESSIONS,
            r.aggregateMiBs() / r.jdbcMiBs(),
            r.downloads
                + (Double.isNaN(r.singleSeconds) ? 0 : 1)
                + (Double.isNaN(r.warmSeconds) ? 0 : 1),
            SESSIONS * DOWNLOADS_EACH + 2,
            r.errors));
    out.append(
        String.format(
            Locale.ROOT,
            "%nPortal heap during the %d concurrent downloads (`jstat -gc` every %d ms, %d samples; baseline = least used in the second before, after a full GC):%n%n",
            SESSIONS,
            HEAP_INTERVAL_MILLIS,
            r.heapSamples));
    out.append("| heap (MiB) | baseline | peak | growth |\n|---|---:|---:|---:|\n");
    out.append(
        String.format(
            Locale.ROOT,
            "| used (eden, survivors, old: garbage not yet collected included) | %,d | %,d | %,d |%n",
            r.heapBaselineKiB / 1024,
            r.heapPeakKiB / 1024,
            (r.heapPeakKiB - r.heapBaselineKiB) / 1024));
    out.append(
        String.format(
            Locale.ROOT,
            "| survivors + old generation (what outlived a young GC; G1 puts arrays of MiB there at once) | %,d | %,d | **%,d** |%n",
            r.retainedBaselineKiB / 1024,
            r.retainedPeakKiB / 1024,
            (r.retainedPeakKiB - r.retainedBaselineKiB) / 1024));
    out.append(
        String.format(
            Locale.ROOT,
            "| for comparison: %d × the file, held whole | | | %,.0f |%n",
            SESSIONS,
            SESSIONS * Result.mib(r.fileBytes)));
    out.append(
        String.format(
            Locale.ROOT,
            "%n%d young GCs ran during the downloads (the used figure includes what the eden holds of short-lived buffers between two of them).%n",
            r.youngGcs));
    if (r.problem != null) {
      out.append("\nDocuments step FAILED: ").append(r.problem).append('\n');
    }
    for (String e : r.errorSamples) {
      out.append("\n- error: ").append(e);
    }
    if (!r.errorSamples.isEmpty()) {
      out.append('\n');
    }
  }
}
