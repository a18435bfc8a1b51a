package rs.astra.nrm.consent;

import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import rs.astra.nrm.shared.ScheduledJob;

/**
 * Every hour, revokes the live referrals whose consent has expired, and lets a proposed transfer of
 * a case that rests on such a consent lapse ({@link ConsentsExpired}). Access does not depend on
 * this job (the policy checks consent dates on every request); it keeps the referral states honest.
 * With several instances (issue 20) one of them does an hour's run ({@link ScheduledJob}); the
 * schedule is {@code nrm.schedule.consent-expiry}, by default each hour at five past.
 */
@Singleton
@jakarta.ejb.Local(ScheduledJob.class)
@jakarta.ejb.LocalBean
public class ConsentExpiry implements ScheduledJob {

  private static final Logger LOG = Logger.getLogger(ConsentExpiry.class.getName());

  @Inject private ConsentService consents;
  @Inject private jakarta.enterprise.event.Event<ConsentsExpired> expired;

  @Override
  public String name() {
    return "consent-expiry";
  }

  @Override
  public String defaultSchedule() {
    return "PT1H 00:05";
  }

  /**
   * Revokes the live referrals whose consent ended before today (Europe/Belgrade), and tells the
   * contexts that rest other things on consents ({@link ConsentsExpired}: a proposed transfer of a
   * case lapses), in the same transaction.
   */
  @Override
  public void run(LocalDateTime slot) {
    Instant now = Instant.now();
    int revoked = consents.revokeReferralsOfExpiredConsents(now);
    expired.fire(new ConsentsExpired(now.atZone(AccessPolicy.ZONE).toLocalDate(), now));
    if (revoked > 0) {
      LOG.log(Level.INFO, "{0} referrals revoked because their consent expired", revoked);
    }
  }
}
