package rs.astra.nrm.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A session ends after its absolute lifetime, however busy it was. */
class SessionLifetimeFilterTest {

  private static final long HOUR = 3_600_000L;

  @Test
  void aSessionLivesItsLifetimeAndNotAMillisecondMore() {
    Duration twelveHours = Duration.ofHours(12);
    assertFalse(SessionLifetimeFilter.outlived(0, 11 * HOUR, twelveHours));
    assertFalse(SessionLifetimeFilter.outlived(0, 12 * HOUR, twelveHours));
    assertTrue(SessionLifetimeFilter.outlived(0, 12 * HOUR + 1, twelveHours));
    assertTrue(SessionLifetimeFilter.outlived(0, 48 * HOUR, twelveHours));
  }
}
