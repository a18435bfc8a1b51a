package rs.astra.nrm.notification;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the e-mail outbox every 10 seconds on every portal instance ({@link MailOutbox} takes each
 * row once, whichever instance runs first). Does nothing while e-mail is off.
 */
@Singleton
public class MailTimer {

  private static final Logger LOG = Logger.getLogger(MailTimer.class.getName());

  @Inject private MailOutbox outbox;
  @Inject private MailSettings settings;

  /** One run: sends what is due now. */
  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "e-mail")
  public void deliver() {
    if (!settings.enabled()) {
      return;
    }
    try {
      outbox.deliverDue(Instant.now());
    } catch (RuntimeException e) {
      // The database may be away: the rows wait for the next run. No content, no stack trace.
      LOG.log(Level.WARNING, "e-mail run failed: {0}", e.getClass().getName());
    }
  }
}
