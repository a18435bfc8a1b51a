package rs.astra.nrm.web.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The remembered database state: free while up, probed at most once a second while away. */
class DatabaseAvailabilityTest {

  private final AtomicBoolean databaseUp = new AtomicBoolean(true);
  private final AtomicInteger probes = new AtomicInteger();
  private long clock;
  private final DatabaseAvailability.State state =
      new DatabaseAvailability.State(
          () -> {
            probes.incrementAndGet();
            return databaseUp.get();
          },
          () -> clock);

  private void advanceMillis(long millis) {
    clock += TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @Test
  void whileTheDatabaseIsUpPagesCostNoProbe() {
    for (int i = 0; i < 100; i++) {
      assertTrue(state.isAvailable());
    }
    assertEquals(0, probes.get());
  }

  @Test
  void aFailureWithTheDatabaseUpIsNotAnOutage() {
    assertTrue(state.probeNow(), "another cause: the general error page, not 503");
    assertTrue(state.isAvailable());
  }

  @Test
  void anOutageIsRememberedAndProbedAtMostOnceASecondUntilTheDatabaseIsBack() {
    databaseUp.set(false);
    assertFalse(state.probeNow());
    assertEquals(1, probes.get());
    advanceMillis(300);
    for (int i = 0; i < 50; i++) {
      assertFalse(state.isAvailable(), "answered from memory within the second");
    }
    assertEquals(1, probes.get());
    advanceMillis(700);
    assertFalse(state.isAvailable());
    assertEquals(2, probes.get(), "probed again after a second");
    databaseUp.set(true);
    advanceMillis(1000);
    assertTrue(state.isAvailable(), "the first page after the database is back is served");
    assertEquals(3, probes.get());
    advanceMillis(10_000);
    assertTrue(state.isAvailable());
    assertEquals(3, probes.get(), "no probes once up again");
  }
}
