package rs.astra.nrm.consent;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every hour, revokes the live referrals whose consent has expired. Access does not depend on this
 * job (the policy checks consent dates on every request); it keeps the referral states honest.
 */
@Singleton
public class ConsentExpiry {

  private static final Logger LOG = Logger.getLogger(ConsentExpiry.class.getName());

  @Inject private ConsentService consents;

  @Schedule(hour = "*", minute = "5", persistent = false)
  void hourly() {
    int revoked = consents.revokeReferralsOfExpiredConsents(Instant.now());
    if (revoked > 0) {
      LOG.log(Level.INFO, "{0} referrals revoked because their consent expired", revoked);
    }
  }
}
