package rs.astra.nrm.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.LongFunction;

/**
 * One request of the register as a page shows it: codes, days, the steps with who (display name)
 * and when (UTC), and the flags the page needs, so that no rule is repeated in the view.
 *
 * @param id the request
 * @param version its version, for optimistic locking
 * @param kind what the person asks for
 * @param caseId the case
 * @param caseCode its code
 * @param receivedOn the day received (Europe/Belgrade)
 * @param verification how the identity was verified
 * @param note the note, or {@code null}
 * @param dueOn the due date (Europe/Belgrade), extension included
 * @param extensionDays the extension in days, or {@code null}
 * @param extensionReason its reason, or {@code null}
 * @param status where it stands
 * @param registered who registered it and when
 * @param started who started work and when, or {@code null}
 * @param extended who extended it and when, or {@code null}
 * @param closed who answered or refused it and when, or {@code null}
 * @param outcome the outcome of an answered request, or {@code null}
 * @param answer the answer given (for a refusal its reason), or {@code null}
 * @param daysLeft calendar days from today to the due date (negative when overdue)
 * @param dueSoon whether it is open and due within 7 days (or overdue)
 * @param mayExtend whether its deadline may still be extended
 */
public record RequestRow(
    long id,
    long version,
    RequestKind kind,
    long caseId,
    String caseCode,
    LocalDate receivedOn,
    IdentityVerification verification,
    String note,
    LocalDate dueOn,
    Integer extensionDays,
    String extensionReason,
    RequestStatus status,
    Step registered,
    Step started,
    Step extended,
    Step closed,
    String outcome,
    String answer,
    long daysLeft,
    boolean dueSoon,
    boolean mayExtend)
    implements java.io.Serializable {

  /**
   * Who took a step, and when.
   *
   * @param by the user's display name
   * @param at when (UTC)
   */
  public record Step(String by, Instant at) implements java.io.Serializable {}

  /**
   * @return whether the request still waits for its answer
   */
  public boolean open() {
    return status.isOpen();
  }

  /**
   * The row of a request.
   *
   * @param r the request
   * @param names the display name of a user by id
   * @param today today (Europe/Belgrade)
   * @return its row
   */
  static RequestRow of(DataSubjectRequest r, LongFunction<String> names, LocalDate today) {
    return new RequestRow(
        r.getId(),
        r.getVersion(),
        r.getKind(),
        r.getCaseId(),
        r.getCaseCode(),
        r.getReceivedOn(),
        r.getIdentityVerification(),
        r.getNote(),
        r.getDueOn(),
        r.getExtensionDays(),
        r.getExtensionReason(),
        r.getStatus(),
        new Step(names.apply(r.getRegisteredBy()), r.getRegisteredAt()),
        step(names, r.getStartedBy(), r.getStartedAt()),
        step(names, r.getExtendedBy(), r.getExtendedAt()),
        step(names, r.getClosedBy(), r.getClosedAt()),
        r.getOutcome(),
        r.getAnswer(),
        java.time.temporal.ChronoUnit.DAYS.between(today, r.getDueOn()),
        r.isDueSoon(today),
        r.mayExtend(today));
  }

  private static Step step(LongFunction<String> names, Long by, Instant at) {
    return by == null ? null : new Step(names.apply(by), at);
  }
}
