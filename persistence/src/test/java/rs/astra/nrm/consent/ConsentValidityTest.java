package rs.astra.nrm.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Consent validity, stated once in {@link Consent#isActive} (issue 16): given, not expired, not
 * withdrawn.
 */
class ConsentValidityTest {

  private static final LocalDate GIVEN = LocalDate.of(2026, 3, 1);
  private static final LocalDate UNTIL = LocalDate.of(2026, 8, 31);

  @Test
  void activeFromTheDayGivenToItsLastValidDayUnlessWithdrawn() {
    assertFalse(
        Consent.isActive(GIVEN, UNTIL, false, GIVEN.minusDays(1)), "not before it was given");
    assertTrue(Consent.isActive(GIVEN, UNTIL, false, GIVEN), "from the day it was given");
    assertTrue(Consent.isActive(GIVEN, UNTIL, false, UNTIL), "to its last valid day, inclusive");
    assertFalse(Consent.isActive(GIVEN, UNTIL, false, UNTIL.plusDays(1)), "not after it");
    assertTrue(
        Consent.isActive(GIVEN, null, false, LocalDate.of(2040, 1, 1)), "no end date: no end");
    assertFalse(
        Consent.isActive(GIVEN, null, true, GIVEN),
        "a withdrawal ends it at once (GDPR Art. 7(3))");
  }
}
