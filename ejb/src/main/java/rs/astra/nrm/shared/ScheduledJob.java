package rs.astra.nrm.shared;

import java.time.LocalDateTime;

/**
 * Work done once per period across every portal instance (issue 20, "Work that must happen once").
 * A session bean that implements it (as its {@code @Local} view, besides its own) is run by {@link
 * JobTimers} at the times of its schedule, configurable as {@code nrm.schedule.<name>}; {@link
 * ScheduledRuns#runOnce} claims the period in the transaction of the work. Holds no personal data.
 */
public interface ScheduledJob {

  /**
   * The job's name: its key in {@code scheduled_run} and in the configuration.
   *
   * @return e.g. {@code consent-expiry}; letters, digits and hyphens, at most 60 characters
   */
  String name();

  /**
   * When the job runs unless {@code nrm.schedule.<name>} says otherwise.
   *
   * @return a schedule as {@link JobSchedule#parse} reads it, e.g. {@code "P1D 06:30"}
   */
  String defaultSchedule();

  /**
   * Does one period's work, inside the transaction that claimed the period (a failure rolls the
   * claim back with the work, and another instance or the next run does it).
   *
   * @param slot the run's wall-clock time in Europe/Belgrade (the same on every instance)
   */
  void run(LocalDateTime slot);
}
