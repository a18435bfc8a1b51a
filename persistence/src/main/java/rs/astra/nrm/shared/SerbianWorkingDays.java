package rs.astra.nrm.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Working days in Serbia: Monday to Friday except the public holidays on which nobody works under
 * the Law on State and Other Holidays in the Republic of Serbia (Zakon o državnim i drugim
 * praznicima u Republici Srbiji, Službeni glasnik RS 43/2001, 101/2007, 92/2011):
 *
 * <ul>
 *   <li>state holidays (Article 2): New Year 1–2 January, Statehood Day 15–16 February, Labour Day
 *       1–2 May, Armistice Day 11 November; when one of their days falls on a Sunday, the first
 *       working day after it is free as well (Article 3a: 3 January 2023, 17 February 2026, 3 May
 *       2016);
 *   <li>Orthodox Christmas, 7 January, and Orthodox Easter from Good Friday to Easter Monday
 *       (Article 4), Easter by the Julian calendar.
 * </ul>
 *
 * Religious holidays kept only by believers of a community (Article 5, e.g. Kurban Bayram) and days
 * the government declares free by decision are not counted. Days are calendar days in {@link
 * NrmTime#ZONE}.
 */
public final class SerbianWorkingDays {

  private static final List<MonthDay> STATE_HOLIDAYS =
      List.of(
          MonthDay.of(1, 1),
          MonthDay.of(1, 2),
          MonthDay.of(2, 15),
          MonthDay.of(2, 16),
          MonthDay.of(5, 1),
          MonthDay.of(5, 2),
          MonthDay.of(11, 11));

  private SerbianWorkingDays() {}

  /**
   * @param day a day
   * @return whether people work on it: not a Saturday, Sunday or public holiday
   */
  public static boolean isWorkingDay(LocalDate day) {
    DayOfWeek d = day.getDayOfWeek();
    return d != DayOfWeek.SATURDAY
        && d != DayOfWeek.SUNDAY
        && !holidays(day.getYear()).contains(day);
  }

  /**
   * The day that lies a number of working days before another.
   *
   * @param day the day to count back from
   * @param workingDays how many working days, 0 or more
   * @return the earlier day: {@code day} itself for 0
   * @throws IllegalArgumentException if {@code workingDays} is negative
   */
  public static LocalDate minusWorkingDays(LocalDate day, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("workingDays < 0");
    }
    LocalDate d = day;
    int left = workingDays;
    while (left > 0) {
      d = d.minusDays(1);
      if (isWorkingDay(d)) {
        left--;
      }
    }
    return d;
  }

  /**
   * @param year a year from 1900 to 2099 (the Julian calendar runs 13 days behind throughout)
   * @return the public holidays of that year on which nobody works, including the days after state
   *     holidays that fall on a Sunday
   */
  public static Set<LocalDate> holidays(int year) {
    Set<LocalDate> days = new HashSet<>();
    for (MonthDay m : STATE_HOLIDAYS) {
      days.add(m.atYear(year));
    }
    days.add(LocalDate.of(year, 1, 7));
    LocalDate easter = orthodoxEaster(year);
    days.add(easter.minusDays(2));
    days.add(easter.minusDays(1));
    days.add(easter);
    days.add(easter.plusDays(1));
    // Article 3a: a state holiday on a Sunday frees the first working day after it.
    for (MonthDay m : STATE_HOLIDAYS) {
      LocalDate d = m.atYear(year);
      if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        LocalDate next = d.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY
            || next.getDayOfWeek() == DayOfWeek.SUNDAY
            || days.contains(next)) {
          next = next.plusDays(1);
        }
        days.add(next);
      }
    }
    return days;
  }

  /**
   * Orthodox Easter Sunday: the Julian computus (Meeus), moved to the Gregorian calendar.
   *
   * @param year 1900 to 2099
   * @return the Gregorian date of Easter Sunday that year, e.g. 12 April 2026, 20 April 2025
   * @throws IllegalArgumentException outside 1900–2099
   */
  public static LocalDate orthodoxEaster(int year) {
    if (year < 1900 || year > 2099) {
      throw new IllegalArgumentException("year outside 1900-2099: " + year);
    }
    int a = year % 4;
    int b = year % 7;
    int c = year % 19;
    int d = (19 * c + 15) % 30;
    int e = (2 * a + 4 * b - d + 34) % 7;
    int month = (d + e + 114) / 31;
    int day = (d + e + 114) % 31 + 1;
    return LocalDate.of(year, month, day).plusDays(13);
  }
}
