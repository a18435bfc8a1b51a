package rs.astra.nrm.organisation;

import java.time.Instant;

/**
 * Where the organisation context writes its administrative acts: the append-only activity record.
 * The audit context implements it ({@code rs.astra.nrm.audit.AdministrationActivityLog}), so that
 * organisation, which every context builds on, does not depend on audit (issue 16, no cycles
 * between bounded contexts). The record joins the caller's transaction: an administrator's change
 * and its record are stored together or not at all.
 */
public interface AdministrationLog {

  /**
   * Appends the record of one act.
   *
   * @param viewer who acted
   * @param at when (UTC)
   * @param act what she did
   * @param subjectId the organisation or user acted on
   * @param detail codes only (types, roles, ids), at most 200 characters, or {@code null}; never
   *     personal data
   */
  void record(Viewer viewer, Instant at, AdministrativeAct act, Long subjectId, String detail);
}
