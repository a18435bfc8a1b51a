package rs.astra.nrm.api;

import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import rs.astra.nrm.shared.ScheduledJob;

/**
 * Every hour, forgets the REST API's idempotency keys older than {@code
 * nrm.api.idempotencyKeys.keepHours} (MicroProfile Config, environment {@code
 * NRM_API_IDEMPOTENCYKEYS_KEEPHOURS}; default {@value #DEFAULT_KEEP_HOURS}, at least 1): the IETF
 * draft leaves the time a key is kept to the server. A retry after that creates anew, as a request
 * never seen. With several instances one of them does an hour's run ({@link ScheduledJob}); the
 * schedule is {@code nrm.schedule.idempotency-key-expiry}, by default each hour at 41 minutes past.
 * Logs a count only; a key holds no personal data.
 */
@Singleton
@jakarta.ejb.Local(ScheduledJob.class)
@jakarta.ejb.LocalBean
public class IdempotencyKeyExpiry implements ScheduledJob {

  /** Hours a key is kept by default. */
  public static final int DEFAULT_KEEP_HOURS = 24;

  private static final Logger LOG = Logger.getLogger(IdempotencyKeyExpiry.class.getName());

  @Inject private IdempotentCreates creates;

  @Inject
  @ConfigProperty(
      name = "nrm.api.idempotencyKeys.keepHours",
      defaultValue = "" + DEFAULT_KEEP_HOURS)
  int keepHours;

  @Override
  public String name() {
    return "idempotency-key-expiry";
  }

  @Override
  public String defaultSchedule() {
    return "PT1H 00:41";
  }

  /**
   * @return how long a key is kept: {@code nrm.api.idempotencyKeys.keepHours}, at least one hour
   */
  public Duration keptFor() {
    return Duration.ofHours(Math.max(1, keepHours));
  }

  /** Deletes the keys created more than {@link #keptFor} ago. */
  @Override
  public void run(LocalDateTime slot) {
    int forgotten = creates.forgetKeysCreatedBefore(Instant.now().minus(keptFor()));
    if (forgotten > 0) {
      LOG.log(Level.INFO, "{0} idempotency keys expired", forgotten);
    }
  }
}
