package rs.astra.nrm.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Samples the used heap of another JVM with {@code jstat -gc <pid> <interval>} (one process for the
 * whole sampling, so the interval holds): used = survivor spaces + eden + old generation, in KiB,
 * as the collector counts them (garbage not yet collected included).
 */
final class HeapSampler implements AutoCloseable {

  /**
   * One sample: when (System.nanoTime), the used heap, its share outside eden (survivor spaces and
   * old generation: what outlived a young collection, where G1 also puts an array of several MiB at
   * once), and the young collections so far.
   */
  record Sample(long nanos, long usedKiB, long retainedKiB, long youngGcs) {}

  private final Process process;
  private final Thread reader;
  private final List<Sample> samples = new ArrayList<>();
  private volatile String problem;

  private HeapSampler(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "heap-sampler");
    this.reader.setDaemon(true);
    this.reader.start();
  }

  /**
   * Starts sampling.
   *
   * @param jdkBin the {@code bin} folder of a JDK (holds {@code jstat})
   * @param pid the JVM to sample
   * @param intervalMillis between samples
   * @return the running sampler
   * @throws IOException if jstat cannot be started
   */
  static HeapSampler start(Path jdkBin, long pid, int intervalMillis) throws IOException {
    Process p =
        new ProcessBuilder(
                jdkBin.resolve("jstat").toString(),
                "-gc",
                String.valueOf(pid),
                String.valueOf(intervalMillis))
            .redirectErrorStream(true)
            .start();
    return new HeapSampler(p);
  }

  /**
   * Runs {@code jcmd <pid> GC.run}: a full collection, so that a baseline is the live heap.
   *
   * @param jdkBin the {@code bin} folder of a JDK
   * @param pid the JVM
   */
  static void fullGc(Path jdkBin, long pid) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(jdkBin.resolve("jcmd").toString(), String.valueOf(pid), "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> header = null;
      String line;
      while ((line = in.readLine()) != null) {
        String[] cells = line.trim().split("\\s+");
        if (line.contains("S0C")) {
          header = List.of(cells);
          continue;
        }
        if (header == null || cells.length != header.size()) {
          problem = line;
          continue;
        }
        try {
          double s0 = value(header, cells, "S0U");
          double s1 = value(header, cells, "S1U");
          double eden = value(header, cells, "EU");
          double old = value(header, cells, "OU");
          long ygc = (long) value(header, cells, "YGC");
          synchronized (samples) {
            samples.add(
                new Sample(
                    System.nanoTime(),
                    Math.round(s0 + s1 + eden + old),
                    Math.round(s0 + s1 + old),
                    ygc));
          }
        } catch (NumberFormatException e) {
          problem = line;
        }
      }
    } catch (IOException e) {
      problem = e.toString();
    }
  }

  private static double value(List<String> header, String[] cells, String column) {
    int i = header.indexOf(column);
    return i < 0 ? 0 : Double.parseDouble(cells[i].replace(',', '.'));
  }

  /**
   * @return the samples so far
   */
  List<Sample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  /**
   * @return what jstat said that was not a sample (e.g. it could not attach), or null
   */
  String problem() {
    return problem;
  }

  /** Stops jstat. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    reader.join(2000);
  }
}
