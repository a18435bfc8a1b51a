package rs.astra.nrm.proceedings;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.CaseTimeline;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.CaseFactsLoader;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * The criminal-proceedings track of a case, through the access policy (category LEGAL_PROCEEDINGS):
 * reading is an audited explicit request; a permit for own records only (the police's and
 * prosecutors' legal basis) shows only the entries the organisation recorded itself; every
 * organisation adds only the kinds of step that belong to it, and entries are never changed by
 * another organisation.
 */
@Stateless
@StoredBeforeReturn
public class ProceedingsService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseFactsLoader facts;
  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private CaseTimeline timeline;
  @Inject private AccessPolicy policy;

  /**
   * One entry as the viewer sees it.
   *
   * @param id entry id
   * @param kind the step
   * @param date its day
   * @param organisation who recorded it
   * @param offence the offence, or {@code null}
   * @param suspectsCount number of suspects, or {@code null}
   * @param victimStatus the victim's status, or {@code null}
   * @param outcome outcome, or {@code null}
   * @param sentence sentence, or {@code null}
   * @param note note, or {@code null}
   */
  public record EntryLine(
      long id,
      ProceedingsEntryKind kind,
      LocalDate date,
      String organisation,
      Offence offence,
      Integer suspectsCount,
      VictimProceduralStatus victimStatus,
      String outcome,
      String sentence,
      String note)
      implements Serializable {}

  /**
   * What a user records.
   *
   * @param kind the step, one her organisation records
   * @param date its day; not in the future, except for a {@link ProceedingsEntryKind#HEARING},
   *     which is scheduled ahead
   * @param offence the offence, or {@code null}
   * @param suspectsCount number of suspects, or {@code null}
   * @param victimStatus the victim's status, or {@code null}
   * @param outcome outcome, or {@code null}
   * @param sentence sentence, or {@code null}
   * @param note note, or {@code null}
   */
  public record NewEntryForm(
      ProceedingsEntryKind kind,
      LocalDate date,
      Offence offence,
      Integer suspectsCount,
      VictimProceduralStatus victimStatus,
      String outcome,
      String sentence,
      String note)
      implements Serializable {}

  /**
   * The entries the viewer may read, oldest first.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return the entries: all of them, or only her organisation's under an own-records permit
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not read the category
   *     (recorded)
   */
  public List<EntryLine> entries(Viewer viewer, long caseId) {
    CaseFacts f =
        caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
    Decision d =
        enforcer.require(
            viewer, f, DataCategory.LEGAL_PROCEEDINGS, AccessAction.READ, Instant.now());
    boolean own = d.scope() == Decision.Scope.OWN_RECORDS;
    var query =
        em.createQuery(
                "select e from ProceedingsEntry e join fetch e.organisation where e.caseFile.id = :caseId"
                    + (own ? " and e.organisation.id = :org" : "")
                    + " order by e.date, e.id",
                ProceedingsEntry.class)
            .setParameter("caseId", caseId);
    if (own) {
      query.setParameter("org", viewer.organisationId());
    }
    return query.getResultList().stream().map(ProceedingsService::lineOf).toList();
  }

  /** An entry as the case page and the API show it. */
  private static EntryLine lineOf(ProceedingsEntry e) {
    return new EntryLine(
        e.getId(),
        e.getKind(),
        e.getDate(),
        e.getOrganisation().getName(),
        e.getOffence(),
        e.getSuspectsCount(),
        e.getVictimStatus(),
        e.getOutcome(),
        e.getSentence(),
        e.getNote());
  }

  /**
   * One entry, as {@link #entries} would show it, for a caller that reads back what it recorded
   * (the REST API's {@code GET} of a proceedings step). The read is decided by the policy (READ of
   * LEGAL_PROCEEDINGS, an own-records permit showing only the organisation's own entries) and
   * recorded, permit or refusal, through the enforcer; a refusal is answered as "none", so a caller
   * cannot tell an entry she may not read from one that does not exist.
   *
   * @param viewer who asks
   * @param caseId the case
   * @param entryId the entry
   * @return the entry, or empty when the case or the entry (of this case) does not exist or the
   *     viewer may not read it (the refusal of an existing case is recorded)
   */
  public java.util.Optional<EntryLine> entry(Viewer viewer, long caseId, long entryId) {
    var found = caseAccess.facts(caseId);
    if (found.isEmpty()) {
      return java.util.Optional.empty();
    }
    CaseFacts f = found.get();
    Instant now = Instant.now();
    Decision d = enforcer.decide(viewer, f, DataCategory.LEGAL_PROCEEDINGS, AccessAction.READ, now);
    if (!d.permitted()) {
      enforcer.recordRefusal(viewer, f, DataCategory.LEGAL_PROCEEDINGS, AccessAction.READ, d, now);
      return java.util.Optional.empty();
    }
    boolean own = d.scope() == Decision.Scope.OWN_RECORDS;
    var query =
        em.createQuery(
                "select e from ProceedingsEntry e join fetch e.organisation where e.id = :id"
                    + " and e.caseFile.id = :caseId"
                    + (own ? " and e.organisation.id = :org" : ""),
                ProceedingsEntry.class)
            .setParameter("id", entryId)
            .setParameter("caseId", caseId);
    if (own) {
      query.setParameter("org", viewer.organisationId());
    }
    var line = query.getResultStream().findFirst().map(ProceedingsService::lineOf);
    line.ifPresent(
        l ->
            enforcer.recordPermits(
                viewer,
                now,
                List.of(
                    new AuditTrail.Entry(
                        caseId,
                        f.personId(),
                        DataCategory.LEGAL_PROCEEDINGS,
                        AccessAction.READ,
                        d))));
    return line;
  }

  /**
   * Records a step.
   *
   * @param viewer who records it; her organisation must be permitted to UPDATE the category and
   *     record this kind of step
   * @param caseId the case
   * @param form the step
   * @return the new entry's id
   * @throws InvalidRequestException {@code proceedings.error.*} for a kind that is not hers, a date
   *     in the future (other than a hearing's), a negative count or a text too long
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update the category
   *     (recorded)
   */
  public long record(Viewer viewer, long caseId, NewEntryForm form) {
    if (form.kind() == null || form.date() == null) {
      throw new InvalidRequestException("proceedings.error.incomplete");
    }
    Instant now = Instant.now();
    CaseFacts f =
        caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
    enforcer.require(viewer, f, DataCategory.LEGAL_PROCEEDINGS, AccessAction.UPDATE, now);
    if (!form.kind().recordedBy(viewer.organisationType())) {
      throw new InvalidRequestException("proceedings.error.notYourStep", form.kind().name());
    }
    // A hearing is scheduled ahead; every other step is recorded once it has happened.
    if (form.kind() != ProceedingsEntryKind.HEARING
        && form.date().isAfter(now.atZone(AccessPolicy.ZONE).toLocalDate())) {
      throw new InvalidRequestException("proceedings.error.futureDate");
    }
    ProceedingsEntry e =
        new ProceedingsEntry(
            em.find(CaseFile.class, caseId),
            em.find(PortalUser.class, viewer.userId()),
            form.kind(),
            form.date(),
            now);
    try {
      e.describe(
          form.offence(),
          form.suspectsCount(),
          form.victimStatus(),
          blank(form.outcome()),
          blank(form.sentence()),
          blank(form.note()));
    } catch (IllegalArgumentException ex) {
      throw new InvalidRequestException("proceedings.error.invalid");
    }
    em.persist(e);
    em.flush();
    timeline.record(caseId, viewer, CaseEvent.Type.PROCEEDINGS_RECORDED, form.kind().name());
    return e.getId();
  }

  /**
   * A hearing ahead, for the home page.
   *
   * @param entryId the entry
   * @param date the day of the hearing (Europe/Belgrade)
   * @param caseId the case, to open it
   * @param caseCode its code
   * @param organisation the organisation that recorded the hearing
   * @param note the note (court, room, time), or {@code null}
   */
  public record UpcomingHearing(
      long entryId, LocalDate date, long caseId, String caseCode, String organisation, String note)
      implements Serializable {}

  /**
   * The hearings from today on (Europe/Belgrade) that the viewer may read, soonest first: decided
   * in the database by the access policy's predicate for READ of LEGAL_PROCEEDINGS — all hearings
   * of a case where a basis covers all records, only her organisation's own where her basis covers
   * own records only (police and prosecutors without the person's consent). Each case shown is an
   * audited read of the category.
   *
   * @param viewer who asks; administrators and data protection officers get none
   * @param max at most this many, 1–50
   * @return the hearings and how many there are in all
   */
  public UpcomingHearings upcomingHearings(Viewer viewer, int max) {
    Instant now = Instant.now();
    LocalDate today = now.atZone(rs.astra.nrm.shared.NrmTime.ZONE).toLocalDate();
    CriteriaBuilder cb = em.getCriteriaBuilder();

    CriteriaQuery<Tuple> q = cb.createTupleQuery();
    Root<CaseFile> c = q.from(CaseFile.class);
    Root<ProceedingsEntry> e = q.from(ProceedingsEntry.class);
    q.multiselect(
            e.get("id"),
            e.get("date"),
            c.get("id"),
            c.get("code"),
            e.get("organisation").get("name"),
            e.get("note"))
        .where(hearingsFrom(cb, q, c, e, viewer, today, now))
        .orderBy(cb.asc(e.get("date")), cb.asc(e.get("id")));
    List<Tuple> tuples =
        em.createQuery(q).setMaxResults(Math.max(1, Math.min(50, max))).getResultList();

    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<CaseFile> cc = count.from(CaseFile.class);
    Root<ProceedingsEntry> ce = count.from(ProceedingsEntry.class);
    count.select(cb.count(ce)).where(hearingsFrom(cb, count, cc, ce, viewer, today, now));
    long total = em.createQuery(count).getSingleResult();

    // The database decided what may be shown; decide() names the basis for each audit record. A row
    // it would not permit (never, as the tests check) is left out rather than shown unaudited.
    Map<Long, CaseFacts> cases =
        facts.load(tuples.stream().map(t -> t.get(2, Long.class)).distinct().toList());
    Map<Long, Decision> decisions = new HashMap<>();
    List<AuditTrail.Entry> reads = new ArrayList<>();
    cases.forEach(
        (id, f) -> {
          Decision d =
              enforcer.decide(viewer, f, DataCategory.LEGAL_PROCEEDINGS, AccessAction.READ, now);
          decisions.put(id, d);
          if (d.permitted()) {
            reads.add(
                new AuditTrail.Entry(
                    id, f.personId(), DataCategory.LEGAL_PROCEEDINGS, AccessAction.READ, d));
          }
        });
    enforcer.recordPermits(viewer, now, reads);
    List<UpcomingHearing> hearings =
        tuples.stream()
            .filter(
                t ->
                    decisions.containsKey(t.get(2, Long.class))
                        && decisions.get(t.get(2, Long.class)).permitted())
            .map(
                t ->
                    new UpcomingHearing(
                        t.get(0, Long.class),
                        t.get(1, LocalDate.class),
                        t.get(2, Long.class),
                        t.get(3, String.class),
                        t.get(4, String.class),
                        t.get(5, String.class)))
            .toList();
    return new UpcomingHearings(hearings, total);
  }

  /**
   * The first upcoming hearings and their total.
   *
   * @param first the soonest hearings, at most the number asked for
   * @param total how many upcoming hearings the viewer may read
   */
  public record UpcomingHearings(List<UpcomingHearing> first, long total) implements Serializable {}

  private Predicate[] hearingsFrom(
      CriteriaBuilder cb,
      CriteriaQuery<?> q,
      Root<CaseFile> c,
      Root<ProceedingsEntry> e,
      Viewer viewer,
      LocalDate today,
      Instant now) {
    Predicate all =
        policy.permitsAllRecords(
            cb, q, c, viewer, DataCategory.LEGAL_PROCEEDINGS, AccessAction.READ, now);
    Predicate any =
        policy.permits(cb, q, c, viewer, DataCategory.LEGAL_PROCEEDINGS, AccessAction.READ, now);
    return new Predicate[] {
      cb.equal(e.get("caseFile"), c),
      cb.equal(e.get("kind"), ProceedingsEntryKind.HEARING),
      cb.greaterThanOrEqualTo(e.<LocalDate>get("date"), today),
      cb.or(all, cb.and(any, cb.equal(e.get("organisation").get("id"), viewer.organisationId())))
    };
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
