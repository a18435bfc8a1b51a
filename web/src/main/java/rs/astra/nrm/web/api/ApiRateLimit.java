package rs.astra.nrm.web.api;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The REST API's rate limit per calling system (issue 22, "rate limiting per client"): a token
 * bucket (Bucket4j) per client id that holds {@code nrm.api.requests.per.minute} calls (environment
 * {@code NRM_API_REQUESTS_PER_MINUTE}, default {@value #DEFAULT_PER_MINUTE}; {@code 0} turns the
 * limit off) and refills them evenly over a minute, so a system may burst up to the whole minute's
 * allowance and then goes on at the steady rate. A call beyond it is answered 429 with {@code
 * Retry-After} before any data is read.
 *
 * <p>The buckets live in each instance's memory: with N instances behind a load balancer a client
 * may make up to N times the allowance (README, "The REST API"). Keys are client ids of verified
 * tokens only, so the map holds at most one entry per client of the realm; no personal data.
 */
@ApplicationScoped
public class ApiRateLimit {

  /** Calls per minute and client when nothing is configured. */
  public static final int DEFAULT_PER_MINUTE = 600;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final long perMinute;
  private final TimeMeter clock;

  /** For CDI: reads the configured allowance once, at the first call. */
  public ApiRateLimit() {
    this(
        ConfigProvider.getConfig()
            .getOptionalValue("nrm.api.requests.per.minute", Integer.class)
            .orElse(DEFAULT_PER_MINUTE),
        TimeMeter.SYSTEM_NANOTIME);
  }

  /**
   * @param perMinute calls per minute and client; {@code 0} or less = no limit
   * @param clock the time source (nanoseconds), {@link TimeMeter#SYSTEM_NANOTIME} in production
   */
  public ApiRateLimit(long perMinute, TimeMeter clock) {
    this.perMinute = Math.max(0, perMinute);
    this.clock = clock;
  }

  /**
   * Takes one call from the client's allowance.
   *
   * @param client the calling system's client id ({@code azp}); {@code null} counts as one shared
   *     client "unknown"
   * @return empty when the call may go on; else the whole seconds (at least 1) after which the next
   *     call will be allowed, for {@code Retry-After}
   */
  public OptionalLong take(String client) {
    if (perMinute == 0) {
      return OptionalLong.empty();
    }
    Bucket bucket =
        buckets.computeIfAbsent(
            client == null ? "unknown" : client,
            c ->
                Bucket.builder()
                    .withCustomTimePrecision(clock)
                    .addLimit(
                        limit ->
                            limit
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    long nanos = probe.getNanosToWaitForRefill();
    return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
  }
}
