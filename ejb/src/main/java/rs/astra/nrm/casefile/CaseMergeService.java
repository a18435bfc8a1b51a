package rs.astra.nrm.casefile;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessDeniedException;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.DenyReason;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * Merging two cases of one person, undoing a merge, and marking two cases "not the same person"
 * (issue 19). Only a coordinator of the organisation that owns both cases may do either; cases of
 * different organisations are never merged. A merge moves every row of the absorbed case — the
 * tables in {@link #MOVED_WITH_THE_CASE} — to the survivor in one transaction and keeps their ids
 * ({@link CaseMerge}); the absorbed case stays as a row marked merged, which leaves every list. The
 * audit trail is append-only and never moved: the survivor's access report reads the records of the
 * absorbed case's person too while the merge stands. An undo within 30 days moves exactly the
 * recorded rows back; rows made on the survivor since stay there.
 */
@Stateless
@StoredBeforeReturn
public class CaseMergeService {

  /**
   * Every table with a column {@code case_file_id} except the audit trail (append-only), checked
   * against the Flyway migrations by a test: the records a case's timeline, referrals, consents,
   * emergency accesses and their requests, proceedings, support plan, hotline calls, documents,
   * notifications, transfers and data-subject requests consist of (a request keeps the code it was
   * registered under).
   */
  public static final List<String> MOVED_WITH_THE_CASE =
      List.of(
          "case_event",
          "referral",
          "consent",
          "break_glass_access",
          "emergency_access_request",
          "proceedings_entry",
          "service_entry",
          "safety_plan",
          "assessment_note",
          "treatment_record",
          "hotline_call",
          "case_document",
          "notification",
          "case_transfer",
          "data_subject_request",
          "legal_hold",
          "case_restriction",
          "case_correction");

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private CaseTimeline timeline;

  /**
   * A merge into a case, as its page shows it.
   *
   * @param id the merge
   * @param version its optimistic-lock version
   * @param absorbedCode the code of the case merged into this one
   * @param mergedAt when (UTC)
   * @param reason the coordinator's reason
   * @param undoneAt when it was undone (UTC), or {@code null}
   * @param undoable whether it may still be undone (not undone, at most 30 days old)
   */
  public record MergeRow(
      long id,
      long version,
      String absorbedCode,
      Instant mergedAt,
      String reason,
      Instant undoneAt,
      boolean undoable)
      implements Serializable {}

  /**
   * Where a merged case went, for its old address.
   *
   * @param caseId the survivor's id
   * @param code the survivor's code
   */
  public record MergedInto(long caseId, String code) implements Serializable {}

  /**
   * Merges one case into another: every row of the absorbed case moves to the survivor, the
   * absorbed case is marked merged, and both timelines say so.
   *
   * @param viewer a coordinator of the organisation owning both cases
   * @param survivorId the case that stays (the page she is on)
   * @param survivorVersion the survivor's version she saw
   * @param absorbedId the case merged into it
   * @param absorbedVersion the absorbed case's version she saw
   * @param reason why, 1–2000 characters
   * @return the merge's id
   * @throws AccessDeniedException if she is not a coordinator of the survivor's owner
   * @throws InvalidRequestException {@code merge.error.*}: no reason or too long, the same case,
   *     another owner, a case already merged, an open transfer, both with a safety plan
   * @throws ConcurrentUpdateException if either case changed since she saw it
   */
  public long merge(
      Viewer viewer,
      long survivorId,
      long survivorVersion,
      long absorbedId,
      long absorbedVersion,
      String reason) {
    Instant now = Instant.now();
    CaseFile survivor = coordinatorsCase(viewer, survivorId, now);
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("merge.error.reasonRequired");
    }
    if (reason.strip().length() > CaseMerge.MAX_REASON) {
      throw new InvalidRequestException("merge.error.reasonTooLong");
    }
    if (survivorId == absorbedId) {
      throw new InvalidRequestException("merge.error.sameCase");
    }
    CaseFile absorbed = em.find(CaseFile.class, absorbedId);
    if (absorbed == null
        || !absorbed
            .getOwnerOrganisation()
            .getId()
            .equals(survivor.getOwnerOrganisation().getId())) {
      throw new InvalidRequestException("merge.error.otherOwner");
    }
    if (survivor.getMergedIntoId() != null || absorbed.getMergedIntoId() != null) {
      throw new InvalidRequestException("merge.error.alreadyMerged");
    }
    coordinatorsCase(viewer, absorbedId, now);
    if (survivor.getVersion() != survivorVersion || absorbed.getVersion() != absorbedVersion) {
      throw new ConcurrentUpdateException("case merge");
    }
    if (count(
            "select count(*) from case_transfer where open_case_id in (?1, ?2)",
            survivorId,
            absorbedId)
        > 0) {
      throw new InvalidRequestException("merge.error.openTransfer");
    }
    if (count("select count(*) from safety_plan where case_file_id = ?1", survivorId) > 0
        && count("select count(*) from safety_plan where case_file_id = ?1", absorbedId) > 0) {
      throw new InvalidRequestException("merge.error.twoSafetyPlans");
    }
    List<CaseMerge.MovedRow> moved = new ArrayList<>();
    for (String table : MOVED_WITH_THE_CASE) {
      @SuppressWarnings("unchecked")
      List<Number> ids =
          em.createNativeQuery("select id from " + table + " where case_file_id = ?1 order by id")
              .setParameter(1, absorbedId)
              .getResultList();
      ids.forEach(id -> moved.add(new CaseMerge.MovedRow(table, id.longValue())));
      em.createNativeQuery("update " + table + " set case_file_id = ?1 where case_file_id = ?2")
          .setParameter(1, survivorId)
          .setParameter(2, absorbedId)
          .executeUpdate();
    }
    absorbed.mergeInto(survivor);
    em.lock(survivor, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    CaseMerge merge =
        new CaseMerge(survivorId, absorbedId, viewer.userId(), now, reason.strip(), moved);
    em.persist(merge);
    flush();
    timeline.record(survivorId, viewer, CaseEvent.Type.CASE_MERGED, absorbed.getCode());
    timeline.record(absorbedId, viewer, CaseEvent.Type.CASE_MERGED, survivor.getCode());
    // The rows moved under the entities' feet: no facts loaded before are still true.
    caseAccess.changed();
    return merge.getId();
  }

  /**
   * Undoes a merge within 30 days: exactly the rows it moved go back to the absorbed case, which is
   * back in the lists; both timelines say so.
   *
   * @param viewer a coordinator of the organisation owning the survivor
   * @param mergeId the merge
   * @param survivorVersion the survivor's version she saw
   * @throws AccessDeniedException if she is not a coordinator of the survivor's owner
   * @throws InvalidRequestException {@code merge.error.notFound}, {@code merge.error.undone}, or
   *     {@code merge.error.undoTooLate} (more than 30 days after the merge)
   * @throws ConcurrentUpdateException if the survivor changed since she saw it
   */
  public void undo(Viewer viewer, long mergeId, long survivorVersion) {
    Instant now = Instant.now();
    CaseMerge merge = em.find(CaseMerge.class, mergeId);
    if (merge == null) {
      throw new InvalidRequestException("merge.error.notFound");
    }
    CaseFile survivor = coordinatorsCase(viewer, merge.getSurvivorId(), now);
    CaseFile absorbed = em.find(CaseFile.class, merge.getAbsorbedId());
    if (merge.getUndoneAt() != null) {
      throw new InvalidRequestException("merge.error.undone");
    }
    if (!merge.undoableAt(now)) {
      throw new InvalidRequestException("merge.error.undoTooLate");
    }
    if (survivor.getVersion() != survivorVersion) {
      throw new ConcurrentUpdateException("case merge");
    }
    merge.undo(viewer.userId(), now);
    Map<String, List<Long>> byTable = new LinkedHashMap<>();
    for (CaseMerge.MovedRow r : merge.getMovedRows()) {
      byTable.computeIfAbsent(r.tableName(), t -> new ArrayList<>()).add(r.rowId());
    }
    byTable.forEach(
        (table, ids) -> {
          if (!MOVED_WITH_THE_CASE.contains(table)) {
            throw new IllegalStateException("unknown table in a merge record");
          }
          for (int from = 0; from < ids.size(); from += 500) {
            // The ids are the merge record's own numbers, written into the statement.
            String in =
                ids.subList(from, Math.min(ids.size(), from + 500)).stream()
                    .map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(","));
            em.createNativeQuery(
                    "update "
                        + table
                        + " set case_file_id = ?1 where case_file_id = ?2 and id in ("
                        + in
                        + ")")
                .setParameter(1, absorbed.getId())
                .setParameter(2, survivor.getId())
                .executeUpdate();
          }
        });
    absorbed.reopenAfterMergeUndone();
    em.lock(survivor, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    flush();
    timeline.record(survivor.getId(), viewer, CaseEvent.Type.MERGE_UNDONE, absorbed.getCode());
    timeline.record(absorbed.getId(), viewer, CaseEvent.Type.MERGE_UNDONE, survivor.getCode());
    caseAccess.changed();
  }

  /**
   * Marks two cases "not the same person": the pair is not offered as possible duplicates again.
   * Marking a pair twice changes nothing.
   *
   * @param viewer a coordinator of the organisation owning both cases
   * @param caseId one case (the page she is on)
   * @param otherCaseId the other case
   * @throws AccessDeniedException if she is not a coordinator of the owner of both
   * @throws InvalidRequestException {@code merge.error.sameCase} or {@code merge.error.otherOwner}
   */
  public void markNotSamePerson(Viewer viewer, long caseId, long otherCaseId) {
    Instant now = Instant.now();
    CaseFile one = coordinatorsCase(viewer, caseId, now);
    if (caseId == otherCaseId) {
      throw new InvalidRequestException("merge.error.sameCase");
    }
    CaseFile other = em.find(CaseFile.class, otherCaseId);
    if (other == null
        || !other.getOwnerOrganisation().getId().equals(one.getOwnerOrganisation().getId())) {
      throw new InvalidRequestException("merge.error.otherOwner");
    }
    coordinatorsCase(viewer, otherCaseId, now);
    if (count(
            "select count(*) from case_distinct_pair where first_case_id = ?1"
                + " and second_case_id = ?2",
            Math.min(caseId, otherCaseId),
            Math.max(caseId, otherCaseId))
        > 0) {
      return;
    }
    em.persist(new DistinctPersonsMark(caseId, otherCaseId, viewer.userId(), now));
    try {
      em.flush();
    } catch (PersistenceException e) {
      // A colleague marked the same pair at the same moment: the pair is marked either way.
      throw new ConcurrentUpdateException("not the same person");
    }
  }

  /**
   * The merges into a case, oldest first, for its owner's coordinators; none for anyone else.
   *
   * @param viewer who looks at the case page
   * @param caseId the case
   * @return the rows
   */
  public List<MergeRow> mergesInto(Viewer viewer, long caseId) {
    // The role first, then the owner from the request's facts (CaseAccess): the case's own row is
    // not read again for the question (issue 16, statements per case page).
    if (!viewer.role().mergesCases()) {
      return List.of();
    }
    Optional<CaseFacts> f = caseAccess.facts(caseId);
    if (f.isEmpty() || !isCoordinatorOfOwner(viewer, f.get())) {
      return List.of();
    }
    Instant now = Instant.now();
    return em
        .createNamedQuery(CaseMerge.FIND_BY_SURVIVOR, CaseMerge.class)
        .setParameter("caseId", caseId)
        .getResultList()
        .stream()
        .map(
            m ->
                new MergeRow(
                    m.getId(),
                    m.getVersion(),
                    em.find(CaseFile.class, m.getAbsorbedId()).getCode(),
                    m.getMergedAt(),
                    m.getReason(),
                    m.getUndoneAt(),
                    m.undoableAt(now)))
        .toList();
  }

  /**
   * Where a merged case went: for its old address, to a user who may read the survivor's summary —
   * the final survivor, following a chain of merges ({@link #finalSurvivor}). Reads codes only;
   * nothing personal.
   *
   * @param viewer who opens the merged case's address
   * @param caseId the case asked for
   * @return the survivor, or empty when the case is not merged or the viewer may not see the
   *     survivor
   */
  public Optional<MergedInto> mergedInto(Viewer viewer, long caseId) {
    Optional<Long> last = finalSurvivor(caseId);
    if (last.isEmpty()) {
      return Optional.empty();
    }
    CaseFile survivor = em.find(CaseFile.class, last.get());
    Optional<CaseFacts> f = caseAccess.facts(survivor.getId());
    if (f.isEmpty()
        || !enforcer
            .decide(viewer, f.get(), DataCategory.CASE_SUMMARY, AccessAction.READ, Instant.now())
            .permitted()) {
      return Optional.empty();
    }
    return Optional.of(new MergedInto(survivor.getId(), survivor.getCode()));
  }

  /** How many merges {@link #finalSurvivor} follows at most. */
  static final int MAX_CHAIN = 64;

  /**
   * The case a merged case's records are in now: a case merged into one that was itself merged
   * later is followed to the end of the chain (issue 19). Bounded ({@value #MAX_CHAIN} steps) and
   * safe against a cycle, which the merge itself refuses (neither case may be merged already).
   *
   * @param caseId a case
   * @return the final survivor, or empty when the case was not merged (or does not exist, or the
   *     chain does not end within the bound — which no merge the portal makes can produce)
   */
  public Optional<Long> finalSurvivor(long caseId) {
    java.util.Set<Long> seen = new java.util.HashSet<>();
    Long current = caseId;
    Long next = mergedIntoIdOf(current);
    if (next == null) {
      return Optional.empty();
    }
    while (next != null) {
      if (!seen.add(current) || seen.size() > MAX_CHAIN) {
        return Optional.empty();
      }
      current = next;
      next = mergedIntoIdOf(current);
    }
    return Optional.of(current);
  }

  private Long mergedIntoIdOf(long caseId) {
    List<Long> found =
        em.createQuery("select c.mergedIntoId from CaseFile c where c.id = :id", Long.class)
            .setParameter("id", caseId)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  /**
   * Whether a user may merge, undo and mark on a case: a coordinator of its owning organisation,
   * from the policy's facts of the case (no read of the case's row).
   *
   * @param viewer who asks
   * @param facts the case's facts ({@link CaseAccess#facts})
   * @return {@code true} for a coordinator of the owner
   */
  static boolean isCoordinatorOfOwner(Viewer viewer, CaseFacts facts) {
    return viewer.role().mergesCases() && facts.ownerOrganisationId() == viewer.organisationId();
  }

  /**
   * The case, if the viewer is a coordinator of its owner; the attempt is recorded (an update of
   * the case summary) either way.
   */
  private CaseFile coordinatorsCase(Viewer viewer, long caseId, Instant now) {
    CaseFacts f =
        caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
    enforcer.require(viewer, f, DataCategory.CASE_SUMMARY, AccessAction.UPDATE, now);
    if (!isCoordinatorOfOwner(viewer, f)) {
      throw new AccessDeniedException(
          DataCategory.CASE_SUMMARY, AccessAction.UPDATE, DenyReason.ACTION_NOT_PERMITTED);
    }
    return em.find(CaseFile.class, caseId);
  }

  private long count(String sql, Object... parameters) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      q.setParameter(i + 1, parameters[i]);
    }
    return ((Number) q.getSingleResult()).longValue();
  }

  private void flush() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new ConcurrentUpdateException("case merge");
    }
  }
}
