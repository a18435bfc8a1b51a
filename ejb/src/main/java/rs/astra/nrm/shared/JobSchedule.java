package rs.astra.nrm.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * When a scheduled job runs (issue 20, "Work that must happen once"): every {@code interval}, at
 * the wall-clock times of day (Europe/Belgrade, {@link NrmTime#ZONE}) that differ from {@code at}
 * by a whole number of intervals. Written {@code "<ISO-8601 duration> <HH:mm[:ss]>"}, e.g. {@code
 * "P1D 06:30"} (each day at 06:30), {@code "PT1H 00:05"} (each hour at five past) or {@code "PT20S
 * 00:00"} (every 20 seconds). The interval is whole seconds, at least one, at most a day, and
 * divides a day, so the times are the same every day and every instance computes the same ones.
 *
 * <p>Each time (a <em>slot</em>) lies in one <em>period</em>: the interval-long stretch, counted
 * from midnight, that contains it. The period's name ({@link #period}) is what a job claims in
 * {@code scheduled_run}: the day ({@code 2026-12-05}) for a daily job, the start of the stretch
 * ({@code 2026-12-05T14:00}) otherwise — the names the jobs claimed before their schedules became
 * configurable.
 *
 * @param interval the time between two runs
 * @param at a time of day the job runs, reduced to its first one after midnight
 */
public record JobSchedule(Duration interval, LocalTime at) {

  private static final Duration DAY = Duration.ofDays(1);

  /**
   * Checks the schedule and reduces {@code at} to the day's first run.
   *
   * @throws IllegalArgumentException when the interval is not whole seconds, shorter than a second,
   *     longer than a day or does not divide a day
   */
  public JobSchedule {
    if (interval == null
        || at == null
        || interval.compareTo(Duration.ofSeconds(1)) < 0
        || interval.compareTo(DAY) > 0
        || interval.getNano() != 0
        || DAY.toSeconds() % interval.toSeconds() != 0) {
      throw new IllegalArgumentException(
          "the interval must be whole seconds, from one second to a day, and divide a day: "
              + interval);
    }
    at = LocalTime.ofSecondOfDay(at.toSecondOfDay() % interval.toSeconds());
  }

  /**
   * Reads a schedule as written in the configuration.
   *
   * @param text e.g. {@code "P1D 06:30"} or {@code "PT20S 00:00"}
   * @return the schedule
   * @throws IllegalArgumentException when the text is not an interval and a time of day, or the
   *     interval is not allowed (see the constructor)
   */
  public static JobSchedule parse(String text) {
    String[] parts = text == null ? new String[0] : text.strip().split("\\s+");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "a schedule is an ISO-8601 interval and a time of day, e.g. \"P1D 06:30\": " + text);
    }
    try {
      return new JobSchedule(Duration.parse(parts[0]), LocalTime.parse(parts[1]));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "a schedule is an ISO-8601 interval and a time of day, e.g. \"P1D 06:30\": " + text, e);
    }
  }

  /**
   * The first run strictly after a moment.
   *
   * @param after the moment
   * @return the run's wall-clock time in Europe/Belgrade; its instant is after {@code after} (on
   *     the day clocks go forward a time in the gap runs an hour later, as {@link
   *     java.time.ZonedDateTime} places it)
   */
  public LocalDateTime nextAfter(Instant after) {
    LocalDateTime local = LocalDateTime.ofInstant(after, NrmTime.ZONE);
    LocalDateTime base = local.toLocalDate().atTime(at);
    long step = interval.toSeconds();
    long k = Math.floorDiv(Duration.between(base, local).toSeconds(), step);
    LocalDateTime slot = base.plusSeconds(k * step);
    while (!instantOf(slot).isAfter(after)) {
      slot = slot.plusSeconds(step);
    }
    return slot;
  }

  /**
   * The instant of a run.
   *
   * @param slot its wall-clock time in Europe/Belgrade
   * @return the instant
   */
  public static Instant instantOf(LocalDateTime slot) {
    return slot.atZone(NrmTime.ZONE).toInstant();
  }

  /**
   * The name of the period a run lies in, which the job claims once across all instances.
   *
   * @param slot the run's wall-clock time in Europe/Belgrade
   * @return the day ({@code 2026-12-05}) for a daily schedule, else the start of the period ({@code
   *     2026-12-05T14:00} for an hourly one, {@code 2026-12-05T14:05} for one every minute)
   */
  public String period(LocalDateTime slot) {
    if (interval.equals(DAY)) {
      return slot.toLocalDate().toString();
    }
    long step = interval.toSeconds();
    long second = slot.toLocalTime().toSecondOfDay();
    return slot.toLocalDate().atTime(LocalTime.ofSecondOfDay(second - second % step)).toString();
  }
}
