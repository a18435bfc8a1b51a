package rs.astra.nrm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLoadTest {

  @Test
  void theCombinedLimitAddsTheTwoCostsPerRequest() {
    // 100 req/s of framework (10 ms) and 400 req/s of SQL (2.5 ms): 12.5 ms a request, 80 req/s.
    assertEquals(80.0, SqlLoad.combinedLimit(100, 400), 1e-9);
    assertEquals(50.0, SqlLoad.combinedLimit(100, 100), 1e-9);
  }

  @Test
  void aMissingFigureGivesNoLimitRatherThanADivisionByZero() {
    assertEquals(0.0, SqlLoad.combinedLimit(0, 400));
    assertEquals(0.0, SqlLoad.combinedLimit(100, 0));
  }

  @Test
  void withoutRecordedListRequestsNothingIsReplayedAndNothingConnects() throws Exception {
    SqlLoad.Result r =
        SqlLoad.run(
            List.of(),
            50,
            Duration.ofMillis(10),
            () -> {
              throw new AssertionError("no connection is opened without something to replay");
            });
    assertEquals(0, r.sessions());
    assertEquals(0, r.listRequests());
  }
}
