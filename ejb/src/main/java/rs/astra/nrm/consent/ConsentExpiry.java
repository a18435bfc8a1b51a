package rs.astra.nrm.consent;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import rs.astra.nrm.shared.ScheduledRuns;

/**
 * Every hour, revokes the live referrals whose consent has expired. Access does not depend on this
 * job (the policy checks consent dates on every request); it keeps the referral states honest. With
 * several instances (issue 20) one of them does an hour's run ({@link ScheduledRuns}).
 */
@Singleton
public class ConsentExpiry {

  private static final Logger LOG = Logger.getLogger(ConsentExpiry.class.getName());

  @Inject private ConsentService consents;

  @Inject private ScheduledRuns runs;

  @Schedule(hour = "*", minute = "5", persistent = false)
  void hourly() {
    Instant now = Instant.now();
    String hour =
        now.atZone(AccessPolicy.ZONE).truncatedTo(ChronoUnit.HOURS).toLocalDateTime().toString();
    if (!runs.claim("consent-expiry", hour)) {
      return;
    }
    int revoked = consents.revokeReferralsOfExpiredConsents(now);
    if (revoked > 0) {
      LOG.log(Level.INFO, "{0} referrals revoked because their consent expired", revoked);
    }
  }
}
