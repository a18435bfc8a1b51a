package rs.astra.nrm.audit;

import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every night at 00:20 (server clock), seals each finished day that is not sealed yet, oldest first
 * (issue 15): after a night the server was down, the next run catches up. Twenty minutes after
 * midnight no record of the day before is still being written. With several servers each runs it; a
 * day sealed by one is skipped by the others (the seal's primary key).
 */
@Singleton
public class AuditSealTimer {

  private static final Logger LOG = Logger.getLogger(AuditSealTimer.class.getName());

  /** At most this many days are sealed in one run (about 27 years). */
  static final int MAX_DAYS_PER_RUN = 10_000;

  @Inject private AuditSeals seals;

  @Schedule(hour = "0", minute = "20", persistent = false, info = "audit seal")
  void nightly() {
    int sealed = sealUpTo(LocalDate.now().minusDays(1));
    if (sealed > 0) {
      LOG.log(Level.INFO, "audit trail: {0} days sealed", sealed);
    }
  }

  /**
   * Seals every unsealed day up to {@code lastDay}.
   *
   * @param lastDay the last day to seal
   * @return how many days were sealed
   */
  public int sealUpTo(LocalDate lastDay) {
    int sealed = 0;
    try {
      while (sealed < MAX_DAYS_PER_RUN) {
        Optional<AuditSealChain.Seal> seal = seals.sealNext(lastDay);
        if (seal.isEmpty()) {
          break;
        }
        sealed++;
      }
    } catch (EJBException e) {
      // Another server sealing the same day, or the database away: the next run goes on from here.
      LOG.log(
          Level.WARNING,
          "audit trail: sealing stopped after {0} days ({1}); the next run continues",
          new Object[] {sealed, e.getMessage()});
    }
    return sealed;
  }
}
