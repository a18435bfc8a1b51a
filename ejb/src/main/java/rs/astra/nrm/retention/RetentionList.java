package rs.astra.nrm.retention;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The dry run of the retention schedule: what the next run would anonymise and what is held. Codes,
 * days and the holds' reasons only; no personal data of the person.
 *
 * @param today the day the list is for (Europe/Belgrade)
 * @param cases closed cases whose period ran out and that no hold keeps, oldest first
 * @param calls hotline calls never linked to a case whose period ran out, oldest first
 * @param holds every hold: open holds recorded by hand, and the automatic hold of every case due
 *     under the schedule that has open criminal proceedings
 */
public record RetentionList(
    LocalDate today, List<DueCase> cases, List<DueCall> calls, List<HoldRow> holds)
    implements Serializable {

  /** Copies the lists. */
  public RetentionList {
    cases = List.copyOf(cases);
    calls = List.copyOf(calls);
    holds = List.copyOf(holds);
  }

  /**
   * A case the schedule would anonymise.
   *
   * @param caseId the case
   * @param code its code
   * @param openedOn the day it was opened
   * @param lastActivity the day of its last timeline event (or its opening), when the period
   *     started
   */
  public record DueCase(long caseId, String code, LocalDate openedOn, LocalDate lastActivity)
      implements Serializable {}

  /**
   * A hotline call the schedule would anonymise.
   *
   * @param callId the call
   * @param calledOn the day of the call (Europe/Belgrade)
   */
  public record DueCall(long callId, LocalDate calledOn) implements Serializable {}

  /**
   * A hold.
   *
   * @param holdId the hold recorded by hand, or {@code null} for the automatic hold of open
   *     criminal proceedings
   * @param version the hold's version, or 0
   * @param caseId the case
   * @param code its code
   * @param basis the basis in law
   * @param reason the reason recorded, or {@code null} for an automatic hold
   * @param reviewOn the review day, or {@code null} for an automatic hold
   * @param dueUnderSchedule whether the schedule would anonymise the case but for the hold
   */
  public record HoldRow(
      Long holdId,
      long version,
      long caseId,
      String code,
      LegalHoldBasis basis,
      String reason,
      LocalDate reviewOn,
      boolean dueUnderSchedule)
      implements Serializable {

    /**
     * @return the articles of law, as shown
     */
    public String article() {
      return basis.article();
    }
  }

  /**
   * @return the ids of the cases due, in order
   */
  public List<Long> caseIds() {
    return cases.stream().map(DueCase::caseId).toList();
  }

  /**
   * @return the ids of the calls due, in order
   */
  public List<Long> callIds() {
    return calls.stream().map(DueCall::callId).toList();
  }
}
