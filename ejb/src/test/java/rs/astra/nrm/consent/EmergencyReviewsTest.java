package rs.astra.nrm.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The 3-working-day deadline of an emergency access's review (issue 18), holidays included. */
class EmergencyReviewsTest {

  @Test
  void aReviewIsLateFromTheDayAfterTheThirdWorkingDay() {
    LocalDate friday = LocalDate.of(2026, 12, 4);
    assertFalse(EmergencyReviews.isOverdue(friday, LocalDate.of(2026, 12, 6)), "Sunday");
    assertFalse(EmergencyReviews.isOverdue(friday, LocalDate.of(2026, 12, 9)), "Wednesday: day 3");
    assertTrue(EmergencyReviews.isOverdue(friday, LocalDate.of(2026, 12, 10)), "Thursday");
  }

  @Test
  void serbianPublicHolidaysDoNotCount() {
    // Opened on Tuesday 30 December 2025: 1 and 2 January and Orthodox Christmas (7 January) are
    // holidays, so the working days are 31 December, 5 and 6 January.
    LocalDate opened = LocalDate.of(2025, 12, 30);
    assertFalse(EmergencyReviews.isOverdue(opened, LocalDate.of(2026, 1, 6)));
    assertTrue(EmergencyReviews.isOverdue(opened, LocalDate.of(2026, 1, 7)));
    assertFalse(
        EmergencyReviews.isOverdue(opened, LocalDate.of(2026, 1, 2)), "New Year's holidays");
  }
}
