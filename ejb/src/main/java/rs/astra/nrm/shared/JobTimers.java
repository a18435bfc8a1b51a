package rs.astra.nrm.shared;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The timers of the {@link ScheduledJob}s (issue 20, "Work that must happen once"). On every
 * instance each job gets a non-persistent timer for its next run, computed from its schedule in
 * Europe/Belgrade, so all instances fire at the same wall-clock moment; the run claims the period
 * in {@code scheduled_run} ({@link ScheduledRuns#runOnce}): one instance does the work, the others
 * wait for its commit and find the period done, and when an instance is gone the others go on
 * alone. A job's schedule is the configuration value {@code nrm.schedule.<name>} (environment
 * {@code NRM_SCHEDULE_<NAME>}, hyphens as underscores), e.g. {@code "PT1M 00:00"}, or its default;
 * an unreadable one stops the deployment with the key named. Logs job names and periods only.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class JobTimers {

  private static final Logger LOG = Logger.getLogger(JobTimers.class.getName());

  /** What a timer stands for: the job and the run's wall-clock time, the same on every instance. */
  record Run(String job, LocalDateTime slot) implements Serializable {}

  @Resource private TimerService timers;

  @Inject @Any private Instance<ScheduledJob> found;

  @Inject private ScheduledRuns runs;

  private final Map<String, ScheduledJob> jobs = new LinkedHashMap<>();
  private final Map<String, JobSchedule> schedules = new LinkedHashMap<>();

  @PostConstruct
  void armAll() {
    Config config = ConfigProvider.getConfig();
    for (ScheduledJob job : found) {
      String name = job.name();
      String key = "nrm.schedule." + name;
      String text = config.getOptionalValue(key, String.class).orElse(job.defaultSchedule());
      JobSchedule schedule;
      try {
        schedule = JobSchedule.parse(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(key + ": " + e.getMessage(), e);
      }
      jobs.put(name, job);
      schedules.put(name, schedule);
      LocalDateTime first = arm(name, Instant.now());
      LOG.log(
          Level.INFO,
          "scheduled job {0}: every {1} at {2} (Europe/Belgrade), first run {3}",
          new Object[] {name, schedule.interval(), schedule.at(), first});
    }
    for (String key : config.getPropertyNames()) {
      unknownJobOf(key, jobs.keySet())
          .ifPresent(
              job ->
                  LOG.log(
                      Level.WARNING,
                      "{0} names no scheduled job and is ignored; the jobs are {1}",
                      new Object[] {key, jobs.keySet()}));
    }
  }

  /**
   * A misspelt schedule key would leave its job at the default without a word: the keys are checked
   * against the jobs' names.
   *
   * @param key a configuration key, e.g. {@code nrm.schedule.retenton} or the environment's {@code
   *     NRM_SCHEDULE_RETENTON}
   * @param jobs the jobs' names, e.g. {@code retention}
   * @return the job the key names when it is a schedule key of no job; else empty
   */
  static java.util.Optional<String> unknownJobOf(String key, java.util.Set<String> jobs) {
    String job;
    if (key.startsWith("nrm.schedule.")) {
      job = key.substring("nrm.schedule.".length());
    } else if (key.startsWith("NRM_SCHEDULE_")) {
      job =
          key.substring("NRM_SCHEDULE_".length())
              .toLowerCase(java.util.Locale.ROOT)
              .replace('_', '-');
    } else {
      return java.util.Optional.empty();
    }
    return jobs.contains(job) ? java.util.Optional.empty() : java.util.Optional.of(job);
  }

  /** Sets the job's timer for its first run after a moment. */
  private LocalDateTime arm(String name, Instant after) {
    LocalDateTime slot = schedules.get(name).nextAfter(after);
    timers.createSingleActionTimer(
        Date.from(JobSchedule.instantOf(slot)), new TimerConfig(new Run(name, slot), false));
    return slot;
  }

  @Timeout
  void fire(Timer timer) {
    Run run = (Run) timer.getInfo();
    Instant scheduled = JobSchedule.instantOf(run.slot());
    Instant now = Instant.now();
    // The next run first, so that a failing run does not end the schedule.
    arm(run.job(), now.isAfter(scheduled) ? now : scheduled);
    String period = schedules.get(run.job()).period(run.slot());
    try {
      if (runs.runOnce(jobs.get(run.job()), period, run.slot())) {
        LOG.log(
            Level.INFO,
            "scheduled job {0}, period {1}: done here",
            new Object[] {run.job(), period});
      } else {
        LOG.log(
            Level.INFO,
            "scheduled job {0}, period {1}: done by another instance",
            new Object[] {run.job(), period});
      }
    } catch (RuntimeException e) {
      // The database may be away, or the work failed: nothing of it stays, the claim neither. No
      // content, no stack trace (it may name personal data).
      LOG.log(
          Level.WARNING,
          "scheduled job {0}, period {1} failed and left no claim: {2}",
          new Object[] {run.job(), period, e.getClass().getName()});
    }
  }
}
