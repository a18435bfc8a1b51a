package rs.astra.nrm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Payara Micro process started by the harness: the command line, the time from start to the
 * first successful answer of a readiness URL, its log, and its resident memory from {@code /proc}.
 */
final class PayaraMicro implements AutoCloseable {

  private static final Pattern READY_IN =
      Pattern.compile("Payara Micro .* ready in ([0-9,.]+) \\(ms\\)");

  private final Process process;
  private final Path log;
  private final long startedNanos;
  final int port;

  private PayaraMicro(Process process, Path log, long startedNanos, int port) {
    this.process = process;
    this.log = log;
    this.startedNanos = startedNanos;
    this.port = port;
  }

  /**
   * Starts Payara Micro.
   *
   * @param java the java executable
   * @param microJar payara-micro.jar
   * @param jvmOptions options for its JVM (system properties, heap)
   * @param deployments WARs to deploy in order; the first gets the context root {@code /}, the
   *     others one from their file name
   * @param port the HTTP port
   * @param env extra environment variables (the portal reads its database from NRM_DB_URL etc.)
   * @param log where its output goes
   */
  static PayaraMicro start(
      Path java,
      Path microJar,
      List<String> jvmOptions,
      List<Path> deployments,
      int port,
      Map<String, String> env,
      Path log)
      throws IOException {
    return start(java, microJar, jvmOptions, List.of(), deployments, port, env, log);
  }

  /**
   * Starts Payara Micro, alone or as a member of a Hazelcast cluster.
   *
   * @param java the java executable
   * @param microJar payara-micro.jar
   * @param jvmOptions options for its JVM (system properties, heap)
   * @param clusterArgs Payara Micro's cluster options (e.g. {@code --clustermode tcpip:…
   *     --clustername …}), or a single instance's ({@code --nocluster} and its pre-boot commands);
   *     empty for {@code --nocluster} alone
   * @param deployments WARs to deploy in order; the first gets the context root {@code /}, the
   *     others one from their file name
   * @param port the HTTP port
   * @param env extra environment variables (the portal reads its database from NRM_DB_URL etc.)
   * @param log where its output goes
   */
  static PayaraMicro start(
      Path java,
      Path microJar,
      List<String> jvmOptions,
      List<String> clusterArgs,
      List<Path> deployments,
      int port,
      Map<String, String> env,
      Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(microJar.toString());
    if (clusterArgs.isEmpty()) {
      command.add("--nocluster");
    } else {
      command.addAll(clusterArgs);
    }
    command.add("--disablephonehome");
    command.add("--port");
    command.add(String.valueOf(port));
    for (int i = 0; i < deployments.size(); i++) {
      command.add("--deploy");
      command.add(deployments.get(i).toString());
      if (i == 0) {
        command.add("--contextroot");
        command.add("/");
      }
    }
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    long start = System.nanoTime();
    Process process = pb.start();
    // A harness stopped by Ctrl-C or a failure leaves no server behind.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    return new PayaraMicro(process, log, start, port);
  }

  /**
   * Waits until a URL answers 200.
   *
   * @param path relative to the server root, e.g. {@code health/ready}
   * @param timeout how long at most
   * @return milliseconds from the process start to the first 200
   * @throws IllegalStateException if the process ends or the time is up
   */
  double awaitReady(String path, Duration timeout) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI uri = URI.create("http://127.0.0.1:" + port + "/" + path);
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro ended before it was ready; see " + log);
      }
      try {
        HttpResponse<Void> r =
            client.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return (System.nanoTime() - startedNanos) / 1e6;
        }
        last = "HTTP " + r.statusCode();
      } catch (IOException e) {
        // Not listening yet.
        last = e.getClass().getSimpleName();
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(
        "Payara Micro not ready after "
            + timeout
            + " ("
            + uri
            + ", last: "
            + last
            + "); see "
            + log);
  }

  /** Waits until the log holds a text (or the time is up). */
  void awaitLogged(String text, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline
        && process.isAlive()
        && !Files.readString(log).contains(text)) {
      Thread.sleep(200);
    }
  }

  /**
   * @return Payara's own "ready in … (ms)" figure from its log, NaN if not logged
   */
  double reportedReadyMillis() throws IOException {
    Matcher m = READY_IN.matcher(Files.readString(log));
    return m.find() ? Double.parseDouble(m.group(1).replace(",", "")) : Double.NaN;
  }

  /**
   * @return the process id
   */
  long pid() {
    return process.pid();
  }

  /**
   * @param field {@code VmRSS} (resident now) or {@code VmHWM} (the peak)
   * @return kibibytes, or -1 when /proc is not readable
   */
  long memoryKiB(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux, or the process ended.
    }
    return -1;
  }

  /**
   * The CPU time the server's JVM has used so far, user and system together, from {@code
   * /proc/<pid>/stat} (fields 14 and 15, in clock ticks of 10 ms: Linux's {@code USER_HZ} of 100).
   *
   * @return milliseconds, or -1 when /proc is not readable
   */
  long cpuMillis() {
    try {
      return cpuMillisOf(Files.readString(Path.of("/proc/" + process.pid() + "/stat")));
    } catch (IOException | RuntimeException e) {
      // Not Linux, or the process ended.
      return -1;
    }
  }

  /**
   * @param stat a line of {@code /proc/<pid>/stat}
   * @return its user and system CPU time together in milliseconds (ticks of 10 ms)
   * @throws RuntimeException if the line is not one
   */
  static long cpuMillisOf(String stat) {
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
  }

  /**
   * @return the log file
   */
  Path log() {
    return log;
  }

  /** Stops the server (SIGTERM, then SIGKILL after 30 s). */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
