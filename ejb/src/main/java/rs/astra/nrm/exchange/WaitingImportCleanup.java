package rs.astra.nrm.exchange;

import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import rs.astra.nrm.shared.ScheduledJob;

/**
 * Every hour, deletes the files the HTCDS import kept for a user's choice that nobody chose for
 * within {@link WaitingImports#KEPT} (the user closed the page). The schedule is {@code
 * nrm.schedule.import-waiting-files}, by default each hour at twenty past.
 */
@Singleton
@jakarta.ejb.Local(ScheduledJob.class)
@jakarta.ejb.LocalBean
public class WaitingImportCleanup implements ScheduledJob {

  @Inject private WaitingImports waiting;

  @Override
  public String name() {
    return "import-waiting-files";
  }

  @Override
  public String defaultSchedule() {
    return "PT1H 00:20";
  }

  /** Deletes the expired waiting files. */
  @Override
  public void run(LocalDateTime slot) {
    waiting.deleteExpired(Instant.now());
  }
}
