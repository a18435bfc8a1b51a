package rs.astra.nrm.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The due dates of the register of data-subject requests (issue 21; ZZPL art. 21(3), GDPR Art.
 * 12(3)): 30 calendar days, extendable once by at most 60 with a reason, before the due date.
 */
class RequestDueDatesTest {

  private static final LocalDate RECEIVED = LocalDate.of(2026, 12, 10);
  private static final Instant AT = Instant.parse("2026-12-10T09:00:00Z");

  private static DataSubjectRequest received() {
    return new DataSubjectRequest(
        1L,
        RequestKind.ACCESS,
        7L,
        "NRM-2026-AAAA-0001",
        RECEIVED,
        IdentityVerification.IDENTITY_DOCUMENT_IN_PERSON,
        null,
        3L,
        AT,
        RECEIVED);
  }

  private static String rule(Runnable step) {
    return assertThrows(RequestRuleException.class, step::run).messageKey();
  }

  @Test
  void theAnswerIsDueThirtyCalendarDaysAfterTheDayOfReceiptAcrossTheNewYear() {
    DataSubjectRequest r = received();
    assertEquals(LocalDate.of(2027, 1, 9), r.getDueOn());
    assertEquals(RequestStatus.RECEIVED, r.getStatus());
    assertEquals(
        LocalDate.of(2027, 3, 1), DataSubjectRequest.firstDueDate(LocalDate.of(2027, 1, 30)));
  }

  @Test
  void aRequestCannotBeReceivedTomorrow() {
    assertEquals(
        "dsr.error.receivedInFuture",
        rule(
            () ->
                new DataSubjectRequest(
                    1L,
                    RequestKind.ERASURE,
                    7L,
                    "X",
                    RECEIVED.plusDays(1),
                    IdentityVerification.PENDING,
                    null,
                    3L,
                    AT,
                    RECEIVED)));
  }

  @Test
  void anExtensionOfSixtyDaysWithAReasonMovesTheDueDateOnOnDueDayItself() {
    DataSubjectRequest r = received();
    LocalDate due = r.getDueOn();
    assertTrue(r.mayExtend(due));
    r.extend(60, "many files in the archive", due, 3L, AT);
    assertEquals(due.plusDays(60), r.getDueOn());
    assertEquals(LocalDate.of(2027, 3, 10), r.getDueOn());
    assertEquals(60, r.getExtensionDays());
    assertEquals("many files in the archive", r.getExtensionReason());
    assertFalse(r.mayExtend(due), "only once");
  }

  @Test
  void anExtensionIsRefusedWithoutReasonOverSixtyDaysTwiceOrAfterTheDueDate() {
    DataSubjectRequest r = received();
    LocalDate due = r.getDueOn();
    assertEquals("dsr.error.reasonRequired", rule(() -> r.extend(30, "  ", RECEIVED, 3L, AT)));
    assertEquals("dsr.error.extensionDays", rule(() -> r.extend(61, "why", RECEIVED, 3L, AT)));
    assertEquals("dsr.error.extensionDays", rule(() -> r.extend(0, "why", RECEIVED, 3L, AT)));
    assertEquals("dsr.error.pastDue", rule(() -> r.extend(10, "why", due.plusDays(1), 3L, AT)));
    assertEquals(due, r.getDueOn(), "nothing changed by the refused extensions");
    assertNull(r.getExtensionDays());
    r.extend(10, "why", RECEIVED, 3L, AT);
    assertEquals("dsr.error.alreadyExtended", rule(() -> r.extend(10, "again", RECEIVED, 3L, AT)));
    assertEquals(due.plusDays(10), r.getDueOn());
  }

  @Test
  void onlyOpenRequestsWithinSevenDaysOfTheirDueDateAreDueSoon() {
    DataSubjectRequest r = received();
    LocalDate due = r.getDueOn();
    assertFalse(r.isDueSoon(due.minusDays(8)));
    assertTrue(r.isDueSoon(due.minusDays(7)));
    assertTrue(r.isDueSoon(due.plusDays(3)), "overdue is still due");
    r.startWork(3L, AT);
    assertTrue(r.isDueSoon(due.minusDays(1)), "in progress: still waits for its answer");
    r.answer("copy of the data sent", "the copy was handed over", 3L, AT);
    assertEquals(RequestStatus.ANSWERED, r.getStatus());
    assertFalse(r.isDueSoon(due.minusDays(1)), "answered: nothing is due");
    assertFalse(r.mayExtend(RECEIVED));
  }

  @Test
  void aRefusalNeedsItsReasonAndARequestClosesOnce() {
    DataSubjectRequest r = received();
    assertEquals("dsr.error.reasonRequired", rule(() -> r.refuse(" ", 3L, AT)));
    assertEquals(RequestStatus.RECEIVED, r.getStatus());
    assertEquals("dsr.error.outcomeRequired", rule(() -> r.answer("done", "", 3L, AT)));
    r.refuse("manifestly unfounded (Art. 12(5))", 3L, AT);
    assertEquals(RequestStatus.REFUSED, r.getStatus());
    assertFalse(r.isDueSoon(r.getDueOn()));
    assertEquals("dsr.error.closed", rule(() -> r.answer("done", "done", 3L, AT)));
    assertEquals("dsr.error.closed", rule(() -> r.extend(5, "why", RECEIVED, 3L, AT)));
    assertEquals("dsr.error.notReceived", rule(() -> r.startWork(3L, AT)));
  }

  @Test
  void anExtensionClearsTheDueNoticeSoTheNewDeadlineIsToldOfAgain() {
    DataSubjectRequest r = received();
    r.dueNoticeWritten(AT);
    r.extend(20, "why", r.getDueOn().minusDays(3), 3L, AT);
    assertNull(r.getDueNoticeAt());
  }
}
