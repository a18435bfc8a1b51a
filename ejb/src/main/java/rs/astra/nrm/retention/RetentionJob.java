package rs.astra.nrm.retention;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;
import rs.astra.nrm.shared.NrmTime;
import rs.astra.nrm.shared.ScheduledRuns;

/**
 * The nightly retention run, at 02:30 (server time), once per cluster: the instance that claims the
 * day ({@link ScheduledRuns}, in the same transaction as the work) anonymises what the schedule's
 * dry run lists; the others find the claim and do nothing. A run that fails rolls back with its
 * claim, and the next night's run catches up (the list is "due on or before today"). Only counts
 * are logged.
 */
@Singleton
public class RetentionJob {

  private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

  /** The job's name in {@code scheduled_run}. */
  public static final String JOB = "retention";

  @Inject private RetentionService retention;

  @Inject private ScheduledRuns runs;

  @Schedule(hour = "2", minute = "30", persistent = false, info = "retention schedule")
  void nightly() {
    runFor(NrmTime.today());
  }

  /**
   * Runs the schedule for a day unless some instance did already.
   *
   * @param today the day (Europe/Belgrade)
   * @return the run's record, or {@code null} when the day was done already
   */
  public RetentionRun runFor(LocalDate today) {
    if (!runs.claim(JOB, today.toString())) {
      return null;
    }
    RetentionRun run = retention.runSchedule(today);
    LOG.log(
        Level.INFO,
        "retention run: {0} cases and {1} hotline calls anonymised, {2} documents destroyed,"
            + " {3} cases held",
        new Object[] {
          run.getCasesAnonymised(),
          run.getCallsAnonymised(),
          run.getDocumentsDestroyed(),
          run.getCasesHeld()
        });
    return run;
  }
}
