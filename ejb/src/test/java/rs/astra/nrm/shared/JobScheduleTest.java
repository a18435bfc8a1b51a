package rs.astra.nrm.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * The schedules of the jobs done once per cluster (issue 20): every instance must compute the same
 * run times and the same period names, and the default schedules must claim the periods the jobs
 * claimed before (the day, the hour), so that an upgrade does not do a period twice.
 */
class JobScheduleTest {

  private static Instant belgrade(String localDateTime) {
    return JobSchedule.instantOf(LocalDateTime.parse(localDateTime));
  }

  @Test
  void aDailyJobRunsAtItsTimeOfDayAndClaimsTheDay() {
    JobSchedule s = JobSchedule.parse("P1D 06:30");
    assertEquals(
        LocalDateTime.parse("2026-12-05T06:30"), s.nextAfter(belgrade("2026-12-05T01:00")));
    assertEquals(
        LocalDateTime.parse("2026-12-06T06:30"), s.nextAfter(belgrade("2026-12-05T06:30")));
    assertEquals("2026-12-05", s.period(LocalDateTime.parse("2026-12-05T06:30")));
  }

  @Test
  void anHourlyJobClaimsTheHourAsBefore() {
    JobSchedule s = JobSchedule.parse("PT1H 00:05");
    assertEquals(
        LocalDateTime.parse("2026-12-05T15:05"), s.nextAfter(belgrade("2026-12-05T14:05:00.001")));
    assertEquals(
        LocalDateTime.parse("2026-12-05T00:05"), s.nextAfter(belgrade("2026-12-04T23:59")));
    // Before: the hour truncated, written by LocalDateTime.toString.
    assertEquals("2026-12-05T14:00", s.period(LocalDateTime.parse("2026-12-05T14:05")));
  }

  @Test
  void aTimeOfDayLaterThanTheIntervalMeansTheSameRuns() {
    assertEquals(JobSchedule.parse("PT1H 00:17"), JobSchedule.parse("PT1H 13:17"));
    assertEquals(LocalTime.of(0, 0, 5), JobSchedule.parse("PT20S 10:00:45").at());
  }

  @Test
  void aScheduleOfSecondsNamesEachPeriodApart() {
    JobSchedule s = JobSchedule.parse("PT20S 00:00");
    LocalDateTime next = s.nextAfter(belgrade("2026-12-05T14:05:00"));
    assertEquals(LocalDateTime.parse("2026-12-05T14:05:20"), next);
    assertEquals("2026-12-05T14:05:20", s.period(next));
    assertEquals("2026-12-05T14:05", s.period(LocalDateTime.parse("2026-12-05T14:05")));
  }

  @Test
  void theDayClocksGoForwardTheMissingRunComesAnHourLaterAndTheDayAfterAsUsual() {
    // 2026-03-29 02:00 → 03:00 in Belgrade.
    JobSchedule s = JobSchedule.parse("P1D 02:30");
    LocalDateTime slot = s.nextAfter(belgrade("2026-03-29T01:00"));
    assertEquals(belgrade("2026-03-29T03:30"), JobSchedule.instantOf(slot));
    assertEquals("2026-03-29", s.period(slot));
    assertEquals(LocalDateTime.parse("2026-03-30T02:30"), s.nextAfter(JobSchedule.instantOf(slot)));
  }

  @Test
  void anIntervalThatDoesNotDivideADayOrIsNoScheduleIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> JobSchedule.parse("PT7H 00:00"));
    assertThrows(IllegalArgumentException.class, () -> JobSchedule.parse("P2D 00:00"));
    assertThrows(IllegalArgumentException.class, () -> JobSchedule.parse("PT0.5S 00:00"));
    assertThrows(IllegalArgumentException.class, () -> JobSchedule.parse("06:30"));
    assertThrows(IllegalArgumentException.class, () -> JobSchedule.parse("daily 06:30"));
    assertThrows(
        IllegalArgumentException.class, () -> new JobSchedule(Duration.ZERO, LocalTime.MIDNIGHT));
  }

  @Test
  void aMisspeltScheduleKeyIsNamedAndTheRightOnesAreNot() {
    java.util.Set<String> jobs = java.util.Set.of("retention", "daily-notices");
    assertEquals(
        java.util.Optional.of("retenton"), JobTimers.unknownJobOf("nrm.schedule.retenton", jobs));
    assertEquals(
        java.util.Optional.of("Retention"), JobTimers.unknownJobOf("nrm.schedule.Retention", jobs));
    assertEquals(
        java.util.Optional.empty(), JobTimers.unknownJobOf("nrm.schedule.retention", jobs));
    assertEquals(
        java.util.Optional.empty(), JobTimers.unknownJobOf("NRM_SCHEDULE_DAILY_NOTICES", jobs));
    assertEquals(
        java.util.Optional.of("daily-notice"),
        JobTimers.unknownJobOf("NRM_SCHEDULE_DAILY_NOTICE", jobs));
    assertEquals(java.util.Optional.empty(), JobTimers.unknownJobOf("nrm.db.url", jobs));
  }
}
