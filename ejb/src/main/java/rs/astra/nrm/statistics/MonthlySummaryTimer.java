package rs.astra.nrm.statistics;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Computes the monthly summaries: once when the portal starts (after the migrations and the demo
 * data), so that a new installation's home pages are not empty until the first night, and every
 * night at 01:30 (Europe/Belgrade, or as {@code nrm.schedule.monthly-summaries} says). Home pages
 * only read what it stored. With several instances (issue 20) one of them does a night's run
 * ({@link rs.astra.nrm.shared.ScheduledJob}); at start-up each computes, and an instance that
 * collides with another one's computation of the same rows leaves them to it.
 */
@Singleton(name = "MonthlySummaryTimer")
@Startup
@DependsOn({"DatabaseMigrator", "DemoDataSeeder"})
@jakarta.ejb.Local(rs.astra.nrm.shared.ScheduledJob.class)
@jakarta.ejb.LocalBean
public class MonthlySummaryTimer implements rs.astra.nrm.shared.ScheduledJob {

  private static final Logger LOG = Logger.getLogger(MonthlySummaryTimer.class.getName());

  @Inject private MonthlySummaryService summaries;

  // Without a transaction of its own, so that the service's transaction alone rolls back when
  // another instance stores the same month's rows at the same moment, and the start goes on.
  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void atStartUp() {
    try {
      summaries.refresh();
    } catch (EJBException e) {
      LOG.log(
          Level.WARNING,
          "monthly summaries not computed at start-up ({0}); another instance or the next night"
              + " does it",
          e.getClass().getName());
    }
  }

  @Override
  public String name() {
    return "monthly-summaries";
  }

  /** Each night at 01:30 ({@code nrm.schedule.monthly-summaries}). */
  @Override
  public String defaultSchedule() {
    return "P1D 01:30";
  }

  /** Computes the summaries, in the transaction that claimed the period. */
  @Override
  public void run(java.time.LocalDateTime slot) {
    summaries.refresh();
  }
}
