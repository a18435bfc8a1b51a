package rs.astra.nrm.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Working days as Serbian law has them, checked against the non-working days the government
 * announced for past years.
 */
class SerbianWorkingDaysTest {

  @Test
  void orthodoxEasterFallsOnTheKnownSundays() {
    assertEquals(LocalDate.of(2016, 5, 1), SerbianWorkingDays.orthodoxEaster(2016));
    assertEquals(LocalDate.of(2024, 5, 5), SerbianWorkingDays.orthodoxEaster(2024));
    assertEquals(LocalDate.of(2025, 4, 20), SerbianWorkingDays.orthodoxEaster(2025));
    assertEquals(LocalDate.of(2026, 4, 12), SerbianWorkingDays.orthodoxEaster(2026));
    assertEquals(LocalDate.of(2027, 5, 2), SerbianWorkingDays.orthodoxEaster(2027));
    assertThrows(IllegalArgumentException.class, () -> SerbianWorkingDays.orthodoxEaster(2100));
  }

  @Test
  void easterIsFreeFromGoodFridayToEasterMonday() {
    for (int day = 10; day <= 13; day++) {
      assertFalse(
          SerbianWorkingDays.isWorkingDay(LocalDate.of(2026, 4, day)), "April " + day + ", 2026");
    }
    assertTrue(
        SerbianWorkingDays.isWorkingDay(LocalDate.of(2026, 4, 9)), "Thursday before Good Friday");
    assertTrue(
        SerbianWorkingDays.isWorkingDay(LocalDate.of(2026, 4, 14)), "Tuesday after Easter Monday");
  }

  @Test
  void aStateHolidayOnASundayFreesTheNextWorkingDay() {
    // 2026: Statehood Day 15 February is a Sunday, 16 February a holiday anyway: Tuesday 17th is
    // free.
    assertFalse(SerbianWorkingDays.isWorkingDay(LocalDate.of(2026, 2, 16)));
    assertFalse(SerbianWorkingDays.isWorkingDay(LocalDate.of(2026, 2, 17)));
    assertTrue(SerbianWorkingDays.isWorkingDay(LocalDate.of(2026, 2, 18)));
    // 2023: New Year on a Sunday, 2 January a holiday: Tuesday 3 January free.
    assertFalse(SerbianWorkingDays.isWorkingDay(LocalDate.of(2023, 1, 3)));
    // 2016: Labour Day 1 May on a Sunday (and Easter): Tuesday 3 May free.
    assertFalse(SerbianWorkingDays.isWorkingDay(LocalDate.of(2016, 5, 3)));
    assertTrue(SerbianWorkingDays.isWorkingDay(LocalDate.of(2016, 5, 4)));
    // 2018: Armistice Day 11 November on a Sunday: Monday 12 November free.
    assertFalse(SerbianWorkingDays.isWorkingDay(LocalDate.of(2018, 11, 12)));
  }

  @Test
  void christmasOnASundayFreesNoOtherDay() {
    // 7 January 2018 was a Sunday; Christmas is not a state holiday of Article 2, so Monday 8th was
    // worked.
    assertTrue(SerbianWorkingDays.isWorkingDay(LocalDate.of(2018, 1, 8)));
    assertFalse(
        SerbianWorkingDays.isWorkingDay(LocalDate.of(2026, 1, 7)), "Wednesday 7 January 2026");
  }

  @Test
  void countingBackSkipsWeekendsAndHolidays() {
    assertEquals(
        LocalDate.of(2026, 11, 23),
        SerbianWorkingDays.minusWorkingDays(LocalDate.of(2026, 11, 30), 5),
        "an ordinary week");
    assertEquals(
        LocalDate.of(2026, 11, 25),
        SerbianWorkingDays.minusWorkingDays(LocalDate.of(2026, 12, 2), 5),
        "over a weekend");
    assertEquals(
        LocalDate.of(2026, 11, 28),
        SerbianWorkingDays.minusWorkingDays(LocalDate.of(2026, 11, 28), 0));
    // Friday 13 November 2026 minus 5: Thu 12, Wed 11 is Armistice Day, Tue 10, Mon 9, Fri 6, Thu
    // 5.
    assertEquals(
        LocalDate.of(2026, 11, 5),
        SerbianWorkingDays.minusWorkingDays(LocalDate.of(2026, 11, 13), 5));
    // Wednesday 15 April 2026 minus 5: Tue 14, Mon 13 to Fri 10 Easter, Thu 9, Wed 8, Tue 7, Mon 6.
    assertEquals(
        LocalDate.of(2026, 4, 6),
        SerbianWorkingDays.minusWorkingDays(LocalDate.of(2026, 4, 15), 5));
    assertThrows(
        IllegalArgumentException.class,
        () -> SerbianWorkingDays.minusWorkingDays(LocalDate.of(2026, 1, 1), -1));
  }
}
