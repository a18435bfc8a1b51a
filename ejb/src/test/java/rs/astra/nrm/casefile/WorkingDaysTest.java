package rs.astra.nrm.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

  @Test
  void fiveWorkingDaysBeforeAMondayIsTheMondayBefore() {
    assertEquals(LocalDate.of(2026, 11, 23), WorkOverviewService.minusWorkingDays(LocalDate.of(2026, 11, 30), 5));
  }

  @Test
  void weekendsAreNotCounted() {
    // Wednesday 2 December 2026 minus 5 working days: Tue, Mon, Fri, Thu, Wed 25 November.
    assertEquals(LocalDate.of(2026, 11, 25), WorkOverviewService.minusWorkingDays(LocalDate.of(2026, 12, 2), 5));
  }

  @Test
  void zeroWorkingDaysIsTheSameDay() {
    assertEquals(LocalDate.of(2026, 11, 28), WorkOverviewService.minusWorkingDays(LocalDate.of(2026, 11, 28), 0));
  }
}
