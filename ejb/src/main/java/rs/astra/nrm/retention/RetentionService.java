package rs.astra.nrm.retention;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.organisation.NotPermittedException;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.rights.DataSubjectRequest;
import rs.astra.nrm.rights.RequestKind;
import rs.astra.nrm.rights.RequestStatus;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.NrmTime;

/**
 * The retention schedule (GDPR Art. 5(1)(e)), legal holds (Art. 17(3)) and erasure on request (Art.
 * 17), issue 21 items 4 to 6.
 *
 * <ul>
 *   <li><b>Due</b>: a closed case (NRM stage CLOSED, not merged into another, not anonymised) whose
 *       last timeline event — or, without one, its opening day — is {@link
 *       RetentionSettings#closedCaseYears} or more years before today; a hotline call never linked
 *       to a case made {@link RetentionSettings#unlinkedCallYears} or more years ago.
 *   <li><b>Held</b>: a case with an open hold recorded by hand ({@link LegalHold}), or with open
 *       criminal proceedings ({@link #OPEN_PROCEEDINGS}). A held case is never anonymised.
 *   <li>The dry run ({@link #dryRun}) lists exactly what {@link #runSchedule} then anonimises on
 *       the same day; each run and each erasure is recorded with its counts ({@link RetentionRun}).
 * </ul>
 *
 * Days are in Europe/Belgrade; the last activity is the UTC day of the last event (a day's
 * difference at most). Nothing here is logged but counts.
 */
@Stateless
public class RetentionService {

  /**
   * Criminal proceedings are open on case {@code c} when the case has a step of the proceedings
   * track, no verdict, and the track was not ended by the investigation being closed (an
   * investigation closed with no indictment or hearing on or after that day). A verdict ends the
   * automatic hold; an appeal or a compensation claim still pending after it needs a hold by hand.
   */
  public static final String OPEN_PROCEEDINGS =
      "(exists (select 1 from proceedings_entry pe where pe.case_file_id = c.id)"
          + " and not exists (select 1 from proceedings_entry pv where pv.case_file_id = c.id"
          + " and pv.kind = 'VERDICT')"
          + " and not exists (select 1 from proceedings_entry px where px.case_file_id = c.id"
          + " and px.kind = 'INVESTIGATION_CLOSED' and not exists (select 1 from proceedings_entry"
          + " py where py.case_file_id = c.id and py.kind in ('INDICTMENT', 'HEARING')"
          + " and py.entry_date >= px.entry_date)))";

  private static final String LAST_ACTIVITY =
      "coalesce((select cast(max(e.occurred_at) as date) from case_event e where e.case_file_id"
          + " = c.id), c.opened_on)";

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private RetentionSettings settings;
  @Inject private CaseAnonymiser anonymiser;
  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;

  /**
   * The dry run of the schedule for one organisation, as its DPO or coordinator sees it.
   *
   * @param viewer the DPO or a coordinator
   * @return what the next run would anonymise of her organisation's cases and calls, and every hold
   *     on its cases
   * @throws NotPermittedException for any other role
   */
  public RetentionList list(Viewer viewer) {
    if (!viewer.role().keepsLegalHolds()) {
      throw new NotPermittedException("see the retention list");
    }
    return dryRun(NrmTime.today(), viewer.organisationId());
  }

  /**
   * The dry run of the schedule: what a run on {@code today} anonymises.
   *
   * @param today the day (Europe/Belgrade)
   * @param organisationId one organisation's cases and calls, or {@code null} for all
   * @return the list
   */
  public RetentionList dryRun(LocalDate today, Long organisationId) {
    LocalDate caseCutoff = today.minusYears(settings.closedCaseYears());
    Query q =
        em.createNativeQuery(
            "select c.id, c.code, c.opened_on, "
                + LAST_ACTIVITY
                + ", (select count(*) from legal_hold h where h.case_file_id = c.id and"
                + " h.lifted_at is null), case when "
                + OPEN_PROCEEDINGS
                + " then 1 else 0 end from case_file c where c.stage = 'CLOSED'"
                + " and c.anonymised_on is null and c.merged_into_id is null and "
                + LAST_ACTIVITY
                + " <= ?"
                + (organisationId == null ? "" : " and c.owner_organisation_id = ?")
                + " order by 4, c.id");
    q.setParameter(1, Date.valueOf(caseCutoff));
    if (organisationId != null) {
      q.setParameter(2, organisationId);
    }
    List<RetentionList.DueCase> cases = new ArrayList<>();
    List<RetentionList.HoldRow> holds = new ArrayList<>();
    Set<Long> dueButHeld = new HashSet<>();
    for (Object o : q.getResultList()) {
      Object[] r = (Object[]) o;
      long id = ((Number) r[0]).longValue();
      boolean handHold = ((Number) r[4]).longValue() > 0;
      boolean proceedings = ((Number) r[5]).intValue() == 1;
      if (proceedings) {
        holds.add(
            new RetentionList.HoldRow(
                null, 0, id, (String) r[1], LegalHoldBasis.CRIMINAL_PROCEEDINGS, null, null, true));
      }
      if (handHold || proceedings) {
        dueButHeld.add(id);
      } else {
        cases.add(
            new RetentionList.DueCase(
                id,
                (String) r[1],
                CaseAnonymiser.toLocalDate(r[2]),
                CaseAnonymiser.toLocalDate(r[3])));
      }
    }
    Query h =
        em.createNativeQuery(
            "select h.id, h.version, h.case_file_id, c.code, h.basis, h.reason, h.review_on"
                + " from legal_hold h join case_file c on c.id = h.case_file_id"
                + " where h.lifted_at is null"
                + (organisationId == null ? "" : " and c.owner_organisation_id = ?")
                + " order by h.review_on, h.id");
    if (organisationId != null) {
      h.setParameter(1, organisationId);
    }
    for (Object o : h.getResultList()) {
      Object[] r = (Object[]) o;
      long caseId = ((Number) r[2]).longValue();
      holds.add(
          new RetentionList.HoldRow(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              caseId,
              (String) r[3],
              LegalHoldBasis.valueOf((String) r[4]),
              (String) r[5],
              CaseAnonymiser.toLocalDate(r[6]),
              dueButHeld.contains(caseId)));
    }
    Instant callCutoff =
        today.minusYears(settings.unlinkedCallYears()).atStartOfDay(NrmTime.ZONE).toInstant();
    Query k =
        em.createNativeQuery(
            "select k.id, k.called_at from hotline_call k where k.case_file_id is null"
                + " and k.anonymised_on is null and k.called_at < ?"
                + (organisationId == null ? "" : " and k.organisation_id = ?")
                + " order by k.called_at, k.id");
    k.setParameter(1, Timestamp.from(callCutoff));
    if (organisationId != null) {
      k.setParameter(2, organisationId);
    }
    List<RetentionList.DueCall> calls = new ArrayList<>();
    for (Object o : k.getResultList()) {
      Object[] r = (Object[]) o;
      calls.add(
          new RetentionList.DueCall(
              ((Number) r[0]).longValue(),
              ((Timestamp) r[1]).toInstant().atZone(NrmTime.ZONE).toLocalDate()));
    }
    return new RetentionList(today, cases, calls, holds);
  }

  /**
   * Runs the schedule for every organisation: anonymises exactly what {@link #dryRun} lists for
   * {@code today} and records the run with its counts, in the caller's transaction (the nightly job
   * claims the day in the same transaction).
   *
   * @param today the day (Europe/Belgrade)
   * @return the run's record
   */
  public RetentionRun runSchedule(LocalDate today) {
    Instant started = Instant.now();
    RetentionList due = dryRun(today, null);
    int documents = 0;
    for (long id : due.caseIds()) {
      documents += anonymiser.anonymiseCase(id, today);
    }
    int calls = 0;
    for (long id : due.callIds()) {
      calls += anonymiser.anonymiseCall(id, today);
    }
    long held =
        due.holds().stream()
            .filter(RetentionList.HoldRow::dueUnderSchedule)
            .map(RetentionList.HoldRow::caseId)
            .distinct()
            .count();
    RetentionRun run =
        new RetentionRun(
            RetentionRun.Kind.SCHEDULE,
            started,
            Instant.now(),
            due.cases().size(),
            calls,
            documents,
            (int) held,
            null,
            null);
    em.persist(run);
    return run;
  }

  /**
   * The runs and erasures recorded, newest first.
   *
   * @param viewer the DPO or a coordinator
   * @param max at most this many
   * @return the runs (counts only: they hold no organisation, so every DPO sees all of them)
   * @throws NotPermittedException for any other role
   */
  public List<RunRow> runs(Viewer viewer, int max) {
    if (!viewer.role().keepsLegalHolds()) {
      throw new NotPermittedException("see the retention runs");
    }
    return em.createNamedQuery(RetentionRun.LATEST, RetentionRun.class)
        .setMaxResults(max)
        .getResultStream()
        .map(RunRow::of)
        .toList();
  }

  /**
   * Records a hold on a case of the user's organisation, found by its exact code.
   *
   * @param viewer the owning organisation's DPO or coordinator
   * @param caseCode the case's code
   * @param basis the basis in law (not the automatic one)
   * @param reason why, 1 to 2000 characters
   * @param reviewOn the day to review it by, today or later (Europe/Belgrade)
   * @return the hold's id
   * @throws NotPermittedException for any other role
   * @throws InvalidRequestException {@code retention.error.caseNotFound} (no case of her
   *     organisation has this code — another organisation's case looks the same), {@code
   *     retention.error.basisRequired}, {@code retention.error.reasonRequired}, {@code
   *     retention.error.reviewRequired}, {@code retention.error.reviewPast}, {@code
   *     retention.error.anonymised}
   */
  public long recordHold(
      Viewer viewer, String caseCode, LegalHoldBasis basis, String reason, LocalDate reviewOn) {
    if (!viewer.role().keepsLegalHolds()) {
      throw new NotPermittedException("record a legal hold");
    }
    CaseFacts facts = caseByCode(viewer, caseCode);
    if (basis == null || !basis.recordedByHand()) {
      throw new InvalidRequestException("retention.error.basisRequired");
    }
    if (reason == null || reason.isBlank() || reason.strip().length() > LegalHold.MAX_TEXT) {
      throw new InvalidRequestException("retention.error.reasonRequired");
    }
    if (reviewOn == null) {
      throw new InvalidRequestException("retention.error.reviewRequired");
    }
    LocalDate today = NrmTime.today();
    if (reviewOn.isBefore(today)) {
      throw new InvalidRequestException("retention.error.reviewPast");
    }
    if (facts.anonymised()) {
      throw new InvalidRequestException("retention.error.anonymised");
    }
    LegalHold hold =
        new LegalHold(
            facts.caseId(), basis, reason, reviewOn, today, viewer.userId(), Instant.now());
    em.persist(hold);
    em.flush();
    return hold.getId();
  }

  /**
   * Lifts a hold.
   *
   * @param viewer the owning organisation's DPO or coordinator
   * @param holdId the hold
   * @param version the version shown
   * @param reason why, 1 to 2000 characters
   * @throws NotPermittedException for any other role or another organisation's hold
   * @throws ConcurrentUpdateException when it changed (or was lifted) since it was shown
   * @throws InvalidRequestException {@code retention.error.reasonRequired}
   */
  public void liftHold(Viewer viewer, long holdId, long version, String reason) {
    if (!viewer.role().keepsLegalHolds()) {
      throw new NotPermittedException("lift a legal hold");
    }
    LegalHold hold = em.find(LegalHold.class, holdId);
    CaseFacts facts = hold == null ? null : caseAccess.facts(hold.getCaseId()).orElse(null);
    if (facts == null || !enforcer.mayKeepLegalHolds(viewer, facts)) {
      throw new NotPermittedException("lift a legal hold");
    }
    if (hold.getVersion() != version || !hold.isOpen()) {
      throw new ConcurrentUpdateException("legal hold");
    }
    if (reason == null || reason.isBlank() || reason.strip().length() > LegalHold.MAX_TEXT) {
      throw new InvalidRequestException("retention.error.reasonRequired");
    }
    hold.lift(reason, viewer.userId(), Instant.now());
    em.flush();
  }

  /**
   * The hold that keeps a case from being anonymised, if any: an open hold recorded by hand (the
   * earliest), else open criminal proceedings.
   *
   * @param caseId the case
   * @return the basis and the reason recorded ({@code null} for the automatic hold), or empty
   */
  public java.util.Optional<RetentionList.HoldRow> holdOn(long caseId) {
    List<LegalHold> open =
        em.createQuery(
                "select h from LegalHold h where h.caseId = :c and h.liftedAt is null order by h.id",
                LegalHold.class)
            .setParameter("c", caseId)
            .getResultList();
    String code =
        em.createQuery("select c.code from CaseFile c where c.id = :c", String.class)
            .setParameter("c", caseId)
            .getSingleResult();
    if (!open.isEmpty()) {
      LegalHold h = open.get(0);
      return java.util.Optional.of(
          new RetentionList.HoldRow(
              h.getId(),
              h.getVersion(),
              caseId,
              code,
              h.getBasis(),
              h.getReason(),
              h.getReviewOn(),
              false));
    }
    long proceedings =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from case_file c where c.id = ? and " + OPEN_PROCEEDINGS)
                    .setParameter(1, caseId)
                    .getSingleResult())
            .longValue();
    if (proceedings > 0) {
      return java.util.Optional.of(
          new RetentionList.HoldRow(
              null, 0, caseId, code, LegalHoldBasis.CRIMINAL_PROCEEDINGS, null, null, false));
    }
    return java.util.Optional.empty();
  }

  /**
   * Erases a case on its person's request (GDPR Art. 17): the DPO confirms a registered, open
   * request of kind erasure; unless a hold applies, the case is anonymised at once ({@link
   * CaseAnonymiser}) and the erasure recorded with its counts. The request stays open in the
   * register for the DPO to answer (the answer she types then is new text).
   *
   * @param viewer the owning organisation's data protection officer
   * @param requestId the data-subject request
   * @param version the request's version shown
   * @throws NotPermittedException for any other role, or a request of another organisation
   * @throws ConcurrentUpdateException when the request changed since it was shown
   * @throws InvalidRequestException {@code retention.error.notErasure} (another kind of request),
   *     {@code retention.error.requestClosed} (answered or refused), {@code
   *     retention.error.anonymised} (done already), {@code retention.error.held.<basis>} with the
   *     basis's articles of law and the reason recorded (empty for the automatic hold)
   */
  public void erase(Viewer viewer, long requestId, long version) {
    if (viewer.role() != PortalRole.DPO) {
      throw new NotPermittedException("confirm an erasure");
    }
    DataSubjectRequest request = em.find(DataSubjectRequest.class, requestId);
    if (request == null || request.getOrganisationId() != viewer.organisationId()) {
      throw new NotPermittedException("confirm an erasure");
    }
    if (request.getVersion() != version) {
      throw new ConcurrentUpdateException("data-subject request");
    }
    if (request.getKind() != RequestKind.ERASURE) {
      throw new InvalidRequestException("retention.error.notErasure");
    }
    if (request.getStatus() == RequestStatus.ANSWERED
        || request.getStatus() == RequestStatus.REFUSED) {
      throw new InvalidRequestException("retention.error.requestClosed");
    }
    CaseFacts facts = caseAccess.facts(request.getCaseId()).orElse(null);
    if (facts == null || !enforcer.mayConfirmErasure(viewer, facts)) {
      throw new NotPermittedException("confirm an erasure");
    }
    if (facts.anonymised()) {
      throw new InvalidRequestException("retention.error.anonymised");
    }
    var hold = holdOn(facts.caseId());
    if (hold.isPresent()) {
      RetentionList.HoldRow h = hold.get();
      throw new InvalidRequestException(
          heldKey(h.basis()), h.basis().article(), h.reason() == null ? "" : h.reason());
    }
    Instant started = Instant.now();
    int documents = anonymiser.anonymiseCase(facts.caseId(), NrmTime.today());
    em.persist(
        new RetentionRun(
            RetentionRun.Kind.ERASURE,
            started,
            Instant.now(),
            1,
            0,
            documents,
            0,
            request.getId(),
            viewer.userId()));
    em.flush();
  }

  private static String heldKey(LegalHoldBasis basis) {
    return switch (basis) {
      case CRIMINAL_PROCEEDINGS -> "retention.error.held.CRIMINAL_PROCEEDINGS";
      case LEGAL_CLAIMS -> "retention.error.held.LEGAL_CLAIMS";
      case LEGAL_OBLIGATION -> "retention.error.held.LEGAL_OBLIGATION";
      case PUBLIC_INTEREST_ARCHIVING -> "retention.error.held.PUBLIC_INTEREST_ARCHIVING";
    };
  }

  private CaseFacts caseByCode(Viewer viewer, String caseCode) {
    String code = caseCode == null ? "" : caseCode.strip().toUpperCase(Locale.ROOT);
    Long caseId =
        code.isEmpty()
            ? null
            : em.createQuery(
                    "select c.id from CaseFile c where c.code = :code and c.mergedIntoId is null",
                    Long.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst()
                .orElse(null);
    CaseFacts facts = caseId == null ? null : caseAccess.facts(caseId).orElse(null);
    if (facts == null || !enforcer.mayKeepLegalHolds(viewer, facts)) {
      throw new InvalidRequestException("retention.error.caseNotFound");
    }
    return facts;
  }
}
