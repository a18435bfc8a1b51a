package rs.astra.nrm.retention;

import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;
import rs.astra.nrm.shared.ScheduledRuns;

/**
 * The nightly retention run, at 02:30 (Europe/Belgrade, or as {@code nrm.schedule.retention} says),
 * once per cluster: the instance that claims the day ({@link ScheduledRuns}, in the same
 * transaction as the work) anonymises what the schedule's dry run lists; the others find the claim
 * and do nothing. A run that fails rolls back with its claim, and the next night's run catches up
 * (the list is "due on or before today"). Only counts are logged.
 */
@Singleton
@jakarta.ejb.Local(rs.astra.nrm.shared.ScheduledJob.class)
@jakarta.ejb.LocalBean
public class RetentionJob implements rs.astra.nrm.shared.ScheduledJob {

  private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

  /** The job's name in {@code scheduled_run}. */
  public static final String JOB = "retention";

  @Inject private RetentionService retention;

  @Inject private ScheduledRuns runs;

  @Override
  public String name() {
    return JOB;
  }

  /** Each night at 02:30 ({@code nrm.schedule.retention}). */
  @Override
  public String defaultSchedule() {
    return "P1D 02:30";
  }

  /** The schedule of the run's day, in the transaction that claimed the period. */
  @Override
  public void run(java.time.LocalDateTime slot) {
    log(retention.runSchedule(slot.toLocalDate()));
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
    return log(retention.runSchedule(today));
  }

  private static RetentionRun log(RetentionRun run) {
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
