package rs.astra.nrm.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The API's allowance per calling system: a burst of a minute's calls, then the steady rate. */
class ApiRateLimitTest {

  /** A clock the test moves by hand. */
  private static final class HandClock implements TimeMeter {
    long nanos;

    @Override
    public long currentTimeNanos() {
      return nanos;
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }

  @Test
  void aSystemMayMakeAMinutesCallsAtOnceAndIsThenToldWhenToComeBack() {
    HandClock clock = new HandClock();
    ApiRateLimit limit = new ApiRateLimit(60, clock);
    for (int i = 0; i < 60; i++) {
      assertTrue(limit.take("police-registry").isEmpty(), "call " + (i + 1));
    }
    OptionalLong wait = limit.take("police-registry");
    assertEquals(OptionalLong.of(1), wait, "one call comes back every second");
    clock.nanos += TimeUnit.SECONDS.toNanos(1);
    assertTrue(limit.take("police-registry").isEmpty(), "after the wait, one more call");
    assertTrue(limit.take("police-registry").isPresent(), "and only one");
  }

  @Test
  void eachSystemHasItsOwnAllowance() {
    ApiRateLimit limit = new ApiRateLimit(2, new HandClock());
    limit.take("police-registry");
    limit.take("police-registry");
    assertTrue(limit.take("police-registry").isPresent());
    assertTrue(limit.take("csr-novi-sad").isEmpty(), "another client is not held up");
  }

  @Test
  void theWaitIsInWholeSecondsRoundedUp() {
    ApiRateLimit limit = new ApiRateLimit(1, new HandClock());
    limit.take("telephony");
    assertEquals(OptionalLong.of(60), limit.take("telephony"), "one call a minute: 60 s");
  }

  @Test
  void zeroTurnsTheLimitOff() {
    ApiRateLimit limit = new ApiRateLimit(0, new HandClock());
    for (int i = 0; i < 10_000; i++) {
      assertTrue(limit.take("telephony").isEmpty());
    }
  }
}
