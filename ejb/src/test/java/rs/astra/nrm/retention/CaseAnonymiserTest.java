package rs.astra.nrm.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.exchange.AgeBand;

class CaseAnonymiserTest {

  /** The statistics' SQL age: whole years on the day opened (StatisticsQueries.victims). */
  private static int sqlAge(LocalDate opened, LocalDate birth) {
    return opened.getYear()
        - birth.getYear()
        - (opened.getMonthValue() * 100 + opened.getDayOfMonth()
                < birth.getMonthValue() * 100 + birth.getDayOfMonth()
            ? 1
            : 0);
  }

  @Test
  void theReplacedBirthDateKeepsAgeAndBandOnTheOpeningDayButNotTheBirthday() {
    Random random = new Random(21);
    for (int i = 0; i < 20_000; i++) {
      LocalDate opened = LocalDate.of(2005, 1, 1).plusDays(random.nextInt(365 * 21));
      LocalDate birth = opened.minusDays(random.nextInt(365 * 80));
      LocalDate replaced = CaseAnonymiser.sameAgeOn(opened, birth);
      int age = Period.between(birth, opened).getYears();
      assertEquals(age, Period.between(replaced, opened).getYears(), opened + " " + birth);
      assertEquals(sqlAge(opened, birth), sqlAge(opened, replaced), opened + " " + birth);
      assertEquals(AgeBand.ofAge(age), AgeBand.ofAge(sqlAge(opened, replaced)));
      if (!java.time.MonthDay.from(birth).equals(java.time.MonthDay.from(opened))) {
        assertNotEquals(birth, replaced);
      }
    }
  }

  @Test
  void aLeapDayOpeningAndAnImpossibleBirthDateStayWhatTheStatisticsCount() {
    LocalDate leap = LocalDate.of(2024, 2, 29);
    LocalDate replaced = CaseAnonymiser.sameAgeOn(leap, LocalDate.of(2001, 7, 3));
    assertEquals(22, sqlAge(leap, replaced));
    LocalDate future = CaseAnonymiser.sameAgeOn(leap, LocalDate.of(2025, 1, 1));
    assertTrue(sqlAge(leap, future) < 0, "a birth after the opening stays an unknown age");
    assertNull(CaseAnonymiser.sameAgeOn(leap, null));
  }

  @Test
  void aHoldByHandNeedsABasisAReasonAndAReviewDayNotPast() {
    LocalDate today = LocalDate.of(2026, 12, 6);
    Instant now = Instant.parse("2026-12-06T10:00:00Z");
    assertThrows(
        IllegalArgumentException.class,
        () -> new LegalHold(1, LegalHoldBasis.CRIMINAL_PROCEEDINGS, "trial", today, today, 1, now));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LegalHold(1, LegalHoldBasis.LEGAL_CLAIMS, "  ", today, today, 1, now));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LegalHold(
                1, LegalHoldBasis.LEGAL_CLAIMS, "civil suit", today.minusDays(1), today, 1, now));
    LegalHold hold =
        new LegalHold(1, LegalHoldBasis.LEGAL_CLAIMS, " civil suit ", today, today, 1, now);
    assertEquals("civil suit", hold.getReason());
    assertTrue(hold.isOpen());
    assertThrows(IllegalArgumentException.class, () -> hold.lift("", 2, now));
    hold.lift("suit withdrawn", 2, now);
    assertTrue(!hold.isOpen());
    assertThrows(IllegalStateException.class, () -> hold.lift("again", 2, now));
  }
}
