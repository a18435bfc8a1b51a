package rs.astra.nrm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The CPU time the cluster comparison divides by requests (issue 20). */
class PayaraMicroTest {

  @Test
  void cpuTimeIsUserPlusSystemTicksOfTenMillisecondsEvenWithSpacesInTheCommandName() {
    String stat =
        "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 5000 0 12 0 1234 567 0 0 20 0 42 0 97180"
            + " 3133440 413 18446744073709551615";
    assertEquals((1234 + 567) * 10, PayaraMicro.cpuMillisOf(stat));
  }

  @Test
  void cpuTimeOfThisProcessGrowsWhileItWorks() throws Exception {
    Path self = Path.of("/proc/self/stat");
    if (!Files.isReadable(self)) {
      return; // not Linux: the harness reports -1 there
    }
    long before = PayaraMicro.cpuMillisOf(Files.readString(self));
    long after = before;
    long sum = 0;
    // Busy until 50 ms of CPU are counted (a shared machine may give less than a core), 10 s at
    // most.
    long until = System.nanoTime() + 10_000_000_000L;
    while (after - before < 50 && System.nanoTime() < until) {
      for (int i = 0; i < 1_000_000; i++) {
        sum += Long.numberOfTrailingZeros(System.nanoTime() + i);
      }
      after = PayaraMicro.cpuMillisOf(Files.readString(self));
    }
    assertTrue(after - before >= 50, "busy work counted as " + (after - before) + " ms " + sum);
  }
}
