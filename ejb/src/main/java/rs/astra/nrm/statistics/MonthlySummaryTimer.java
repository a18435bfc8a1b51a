package rs.astra.nrm.statistics;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Computes the monthly summaries: once when the portal starts (after the migrations and the demo
 * data), so that a new installation's home pages are not empty until the first night, and every
 * night at 01:30 (server time). Home pages only read what it stored.
 */
@Singleton(name = "MonthlySummaryTimer")
@Startup
@DependsOn({"DatabaseMigrator", "DemoDataSeeder"})
public class MonthlySummaryTimer {

  @Inject private MonthlySummaryService summaries;

  @PostConstruct
  void atStartUp() {
    summaries.refresh();
  }

  @Schedule(hour = "1", minute = "30", persistent = false, info = "monthly summaries")
  void nightly() {
    summaries.refresh();
  }
}
