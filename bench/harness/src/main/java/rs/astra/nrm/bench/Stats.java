package rs.astra.nrm.bench;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds and their percentiles. Not thread-safe; merge per-thread copies.
 */
final class Stats {

  private long[] samples = new long[64];
  private int size;

  void add(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = nanos;
  }

  void addAll(Stats other) {
    for (int i = 0; i < other.size; i++) {
      add(other.samples[i]);
    }
  }

  int count() {
    return size;
  }

  /**
   * @param p percentile, 0–100
   * @return the sample at that percentile (nearest rank), in milliseconds; NaN when empty
   */
  double percentileMillis(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
  }

  double medianMillis() {
    return percentileMillis(50);
  }

  double meanMillis() {
    if (size == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += samples[i];
    }
    return sum / size / 1e6;
  }
}
