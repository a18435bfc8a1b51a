package rs.astra.nrm.hotline;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.NrmStage;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.CaseFactsLoader;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.NameMatchKey;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * The registry of employers and recruitment agencies that the hotline's job-offer checks named, and
 * its links to cases: a case whose recruiter or employer has the match key of an entry (or to which
 * a call checking the entry is linked) names it.
 *
 * <p>The registry belongs to the NGO that made the checks: entries and checks are read by its
 * hotline users only, filtered by organisation in the database. What a case says of its recruiter
 * and employer is case data of category EXPLOITATION: it is read, and the cases naming an entry are
 * listed, only through the access policy (as a database predicate for lists), and every read is
 * audited. So a hotline operator, who reads no case data, sees the checks of an entry but not the
 * cases that name it.
 */
@Stateless
@StoredBeforeReturn
public class RegistryService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private AccessPolicy policy;
  @Inject private AccessEnforcer enforcer;
  @Inject private CaseFactsLoader facts;
  @Inject private CaseAccess caseAccess;
  @Inject private HotlineRecords records;

  /**
   * A registry entry in a list of search results.
   *
   * @param id entry id
   * @param name the name as first written
   * @param otherScript the name in the other script (Cyrillic for Latin and back), or {@code null}
   * @param licenceNumber the agency's latest known licence number, or {@code null}
   * @param flagged whether a check flagged it
   * @param checksAsEmployer checks that named it as employer
   * @param checksAsAgency checks that named it as agency
   * @param lastCheckedOn day of the latest check
   */
  public record RegistryRow(
      long id,
      String name,
      String otherScript,
      String licenceNumber,
      boolean flagged,
      long checksAsEmployer,
      long checksAsAgency,
      LocalDate lastCheckedOn)
      implements Serializable {}

  /**
   * A case that names an entry.
   *
   * @param caseId the case
   * @param code its code
   * @param stage its NRM stage
   * @param namedAsRecruiter whether the case names the entry as recruiter or agency
   * @param namedAsEmployer whether the case names it as employer
   * @param linkedByCall whether a call checking the entry is linked to the case
   */
  public record CaseLink(
      long caseId,
      String code,
      NrmStage stage,
      boolean namedAsRecruiter,
      boolean namedAsEmployer,
      boolean linkedByCall)
      implements Serializable {}

  /**
   * A registry entry with all its checks and the cases that name it.
   *
   * @param id entry id
   * @param name the name as first written
   * @param otherScript the name in the other script, or {@code null}
   * @param licenceNumber the agency's latest known licence number, or {@code null}
   * @param flagged whether a check flagged it
   * @param firstCheckedOn day of the first check
   * @param lastCheckedOn day of the latest check
   * @param spellings every way the checks wrote the name
   * @param checks every check naming it, newest first
   * @param cases the cases naming it that the viewer may read (EXPLOITATION)
   */
  public record RegistryEntryView(
      long id,
      String name,
      String otherScript,
      String licenceNumber,
      boolean flagged,
      LocalDate firstCheckedOn,
      LocalDate lastCheckedOn,
      List<String> spellings,
      List<CheckLine> checks,
      List<CaseLink> cases)
      implements Serializable {}

  /**
   * A flagged registry entry that a case names, with the checks that found it.
   *
   * @param entryId the entry
   * @param name its name
   * @param namedAsRecruiter whether the case names it as recruiter or agency
   * @param namedAsEmployer whether the case names it as employer
   * @param checks the checks naming it, newest first
   */
  public record RegistryWarning(
      long entryId,
      String name,
      boolean namedAsRecruiter,
      boolean namedAsEmployer,
      List<CheckLine> checks)
      implements Serializable {}

  /**
   * The hotline's records about a case, for the case page. The recruiter and employer the case
   * names are case fields that the case view itself carries ({@link
   * rs.astra.nrm.casefile.CaseView}).
   *
   * @param caseId the case
   * @param warnings flagged entries of the viewer's registry that the case names, with their checks
   * @param linkedCalls calls linked to the case (the caller's contact only for the call's
   *     organisation)
   */
  public record CaseHotlineView(
      long caseId, List<RegistryWarning> warnings, List<HotlineService.CallRow> linkedCalls)
      implements Serializable {}

  /**
   * A case of the viewer's organisation that names a flagged entry, for her home page.
   *
   * @param caseId the case
   * @param caseCode its code
   * @param openedOn the day it was opened
   * @param entryId the flagged entry
   * @param entryName its name
   */
  public record FlaggedCaseLine(
      long caseId, String caseCode, LocalDate openedOn, long entryId, String entryName)
      implements Serializable {}

  /**
   * Searches the organisation's registry. The query is reduced to its {@link NameMatchKey} and
   * compared with the stored keys in the database, so any spelling finds a name (Djordjevic,
   * Đorđević and Ђорђевић alike); an entry whose key contains the query's key is found (exact
   * matches first, as the shortest keys). An empty query lists the latest entries.
   *
   * @param viewer a hotline user
   * @param query a name or part of one, any script and case; may be blank
   * @param max at most this many, 1–200
   * @return the entries
   * @throws rs.astra.nrm.organisation.NotPermittedException for other users
   */
  public List<RegistryRow> search(Viewer viewer, String query, int max) {
    HotlineUsers.require(viewer);
    String key = NameMatchKey.of(query);
    int limit = Math.max(1, Math.min(200, max));
    List<RegistryEntry> found =
        key.isEmpty()
            ? em.createQuery(
                    "select e from RegistryEntry e where e.organisation.id = :org order by e.lastCheckedOn desc, e.id desc",
                    RegistryEntry.class)
                .setParameter("org", viewer.organisationId())
                .setMaxResults(limit)
                .getResultList()
            : em.createQuery(
                    "select e from RegistryEntry e where e.organisation.id = :org and e.matchKey like :pattern order by length(e.matchKey), e.matchKey",
                    RegistryEntry.class)
                .setParameter("org", viewer.organisationId())
                // Keys hold only a-z and 0-9, so the pattern needs no escaping.
                .setParameter("pattern", "%" + key + "%")
                .setMaxResults(limit)
                .getResultList();
    List<Long> ids = found.stream().map(RegistryEntry::getId).toList();
    Map<Long, Long> asEmployer = counts("employerEntry", ids);
    Map<Long, Long> asAgency = counts("agencyEntry", ids);
    return found.stream()
        .map(
            e ->
                new RegistryRow(
                    e.getId(),
                    e.getName(),
                    otherScript(e.getName()),
                    e.getLicenceNumber(),
                    e.isFlagged(),
                    asEmployer.getOrDefault(e.getId(), 0L),
                    asAgency.getOrDefault(e.getId(), 0L),
                    e.getLastCheckedOn()))
        .toList();
  }

  private Map<Long, Long> counts(String role, List<Long> ids) {
    Map<Long, Long> result = new HashMap<>();
    if (ids.isEmpty()) {
      return result;
    }
    for (Object[] row :
        em.createQuery(
                "select e.id, count(k) from JobOfferCheck k join k."
                    + role
                    + " e where e.id in :ids group by e.id",
                Object[].class)
            .setParameter("ids", ids)
            .getResultList()) {
      result.put((Long) row[0], (Long) row[1]);
    }
    return result;
  }

  /**
   * An entry of the organisation's registry with every check naming it and the cases naming it that
   * the viewer may read (EXPLOITATION, decided in the database; each case shown is an audited
   * read).
   *
   * @param viewer a hotline user
   * @param entryId the entry
   * @return the entry, or empty when the organisation has no such entry
   * @throws rs.astra.nrm.organisation.NotPermittedException for other users
   */
  public Optional<RegistryEntryView> entry(Viewer viewer, long entryId) {
    HotlineUsers.require(viewer);
    Optional<RegistryEntry> found =
        em.createQuery(
                "select e from RegistryEntry e where e.id = :id and e.organisation.id = :org",
                RegistryEntry.class)
            .setParameter("id", entryId)
            .setParameter("org", viewer.organisationId())
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    RegistryEntry e = found.get();
    List<CheckLine> checks = records.checksNaming(viewer.organisationId(), List.of(e.getId()));
    Set<String> spellings = new LinkedHashSet<>();
    spellings.add(e.getName());
    for (CheckLine k : checks) {
      if (Long.valueOf(e.getId()).equals(k.employerEntryId())) {
        spellings.add(k.employerName());
      }
      if (Long.valueOf(e.getId()).equals(k.agencyEntryId())) {
        spellings.add(k.agencyName());
      }
    }
    return Optional.of(
        new RegistryEntryView(
            e.getId(),
            e.getName(),
            otherScript(e.getName()),
            e.getLicenceNumber(),
            e.isFlagged(),
            e.getFirstCheckedOn(),
            e.getLastCheckedOn(),
            List.copyOf(spellings),
            checks,
            casesNaming(viewer, e)));
  }

  private List<CaseLink> casesNaming(Viewer viewer, RegistryEntry e) {
    Instant now = Instant.now();
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> q = cb.createTupleQuery();
    Root<CaseFile> c = q.from(CaseFile.class);
    Subquery<Long> viaCall = q.subquery(Long.class);
    Root<JobOfferCheck> k = viaCall.from(JobOfferCheck.class);
    Join<JobOfferCheck, HotlineCall> call = k.join("call");
    Join<JobOfferCheck, RegistryEntry> employer =
        k.join("employerEntry", jakarta.persistence.criteria.JoinType.LEFT);
    Join<JobOfferCheck, RegistryEntry> agency =
        k.join("agencyEntry", jakarta.persistence.criteria.JoinType.LEFT);
    viaCall
        .select(k.get("id"))
        .where(
            cb.equal(call.get("caseFile"), c),
            cb.equal(k.get("organisation").get("id"), viewer.organisationId()),
            cb.or(cb.equal(employer.get("id"), e.getId()), cb.equal(agency.get("id"), e.getId())));
    q.multiselect(
            c.get("id"),
            c.get("code"),
            c.get("stage"),
            c.get("recruiterMatchKey"),
            c.get("employerMatchKey"))
        .where(
            cb.or(
                cb.equal(c.get("recruiterMatchKey"), e.getMatchKey()),
                cb.equal(c.get("employerMatchKey"), e.getMatchKey()),
                cb.exists(viaCall)),
            policy.permits(cb, q, c, viewer, DataCategory.EXPLOITATION, AccessAction.READ, now))
        .orderBy(cb.desc(c.get("openedOn")), cb.desc(c.get("id")));
    List<Tuple> rows = em.createQuery(q).setMaxResults(200).getResultList();
    List<Long> ids = rows.stream().map(t -> t.get(0, Long.class)).toList();
    Set<Long> linked = new java.util.HashSet<>();
    if (!ids.isEmpty()) {
      linked.addAll(
          em.createQuery(
                  "select distinct cf.id from JobOfferCheck k join k.call c join c.caseFile cf left join k.employerEntry ee left join k.agencyEntry ae"
                      + " where k.organisation.id = :org and cf.id in :ids and (ee.id = :entry or ae.id = :entry)",
                  Long.class)
              .setParameter("org", viewer.organisationId())
              .setParameter("ids", ids)
              .setParameter("entry", e.getId())
              .getResultList());
    }
    auditReads(viewer, ids, now);
    return rows.stream()
        .map(
            t ->
                new CaseLink(
                    t.get(0, Long.class),
                    t.get(1, String.class),
                    t.get(2, NrmStage.class),
                    e.getMatchKey().equals(t.get(3, String.class)),
                    e.getMatchKey().equals(t.get(4, String.class)),
                    linked.contains(t.get(0, Long.class))))
        .toList();
  }

  /** Records the EXPLOITATION reads of cases the database let through, with the policy's basis. */
  private void auditReads(Viewer viewer, List<Long> caseIds, Instant now) {
    List<AuditTrail.Entry> reads = new ArrayList<>();
    facts
        .load(caseIds)
        .forEach(
            (id, f) -> {
              Decision d =
                  enforcer.decide(viewer, f, DataCategory.EXPLOITATION, AccessAction.READ, now);
              if (d.permitted()) {
                reads.add(
                    new AuditTrail.Entry(
                        id, f.personId(), DataCategory.EXPLOITATION, AccessAction.READ, d));
              }
            });
    enforcer.recordPermits(viewer, now, reads);
  }

  /**
   * The hotline's records about a case: the flagged entries of the viewer's registry that the
   * case's recruiter or employer match, with the earlier checks, and the calls linked to the case.
   * They are the case's EXPLOITATION category (how the person was recruited): nothing is returned
   * unless the policy permits the viewer to read it, so another organisation than the owner sees
   * linked calls only with the person's consent (or a legal basis). These are records of their own,
   * read by this service, which records the read when it returns any; the case fields the view
   * carries are recorded by the view (one record per category and carrier of a page view).
   *
   * @param viewer who looks at the case
   * @param caseId the case
   * @return the records, or empty when the case does not exist or the viewer may not read
   *     EXPLOITATION
   */
  public Optional<CaseHotlineView> forCase(Viewer viewer, long caseId) {
    return forCase(
        viewer,
        caseId,
        () -> {
          CaseFile c = em.find(CaseFile.class, caseId);
          return new CaseParties(c.getRecruiterName(), c.getEmployerName());
        });
  }

  /**
   * The hotline's records about a case, as {@link #forCase(Viewer, long)}, for a caller that has
   * just read the case's recruiter and employer (the case page, from its {@code CaseView}'s
   * EXPLOITATION section read in the same request): the case's row is not read again for them
   * (issue 16, statements per case page). The policy's decision and the audit record are the same.
   *
   * @param viewer who looks at the case
   * @param caseId the case
   * @param recruiterName the case's recruiter as read in this request, or {@code null} when none
   * @param employerName the case's employer as read in this request, or {@code null} when none
   * @return the records, or empty when the case does not exist or the viewer may not read
   *     EXPLOITATION
   */
  public Optional<CaseHotlineView> forCase(
      Viewer viewer, long caseId, String recruiterName, String employerName) {
    return forCase(viewer, caseId, () -> new CaseParties(recruiterName, employerName));
  }

  /** A case's recruiter and employer (EXPLOITATION), either possibly {@code null}. */
  private record CaseParties(String recruiterName, String employerName) {}

  /**
   * {@code parties}: the case's recruiter and employer, asked for only once the policy permitted
   * EXPLOITATION.
   */
  private Optional<CaseHotlineView> forCase(
      Viewer viewer, long caseId, Supplier<CaseParties> parties) {
    Instant now = Instant.now();
    Optional<CaseFacts> loaded = caseAccess.facts(caseId);
    if (loaded.isEmpty()) {
      return Optional.empty();
    }
    CaseFacts f = loaded.get();
    Decision read = enforcer.decide(viewer, f, DataCategory.EXPLOITATION, AccessAction.READ, now);
    if (!read.permitted()) {
      return Optional.empty();
    }
    CaseParties names = parties.get();
    String recruiterKey = NameMatchKey.of(names.recruiterName());
    String employerKey = NameMatchKey.of(names.employerName());

    List<RegistryWarning> warnings = new ArrayList<>();
    List<String> keys =
        Stream.of(recruiterKey, employerKey).filter(s -> !s.isEmpty()).distinct().toList();
    if (HotlineUsers.isHotlineUser(viewer) && !keys.isEmpty()) {
      for (RegistryEntry e :
          em.createQuery(
                  "select e from RegistryEntry e where e.organisation.id = :org and e.flagged = true and e.matchKey in :keys order by e.name",
                  RegistryEntry.class)
              .setParameter("org", viewer.organisationId())
              .setParameter("keys", keys)
              .getResultList()) {
        warnings.add(
            new RegistryWarning(
                e.getId(),
                e.getName(),
                e.getMatchKey().equals(recruiterKey),
                e.getMatchKey().equals(employerKey),
                records.checksNaming(viewer.organisationId(), List.of(e.getId()))));
      }
    }

    boolean ownOnly = read.scope() == Decision.Scope.OWN_RECORDS;
    // Each call with its job-offer check (at most one per call) in one query: the checks were a
    // second read (issue 16, statements per case page).
    var callQuery =
        em.createQuery(
                "select c, k from HotlineCall c join fetch c.takenBy join fetch c.caseFile join fetch c.organisation"
                    + " left join JobOfferCheck k on k.call = c"
                    + " where c.caseFile.id = :case"
                    + (ownOnly ? " and c.organisation.id = :org" : "")
                    + " order by c.calledAt, c.id",
                Object[].class)
            .setParameter("case", caseId);
    if (ownOnly) {
      callQuery.setParameter("org", viewer.organisationId());
    }
    List<HotlineService.CallRow> linked =
        callQuery.getResultList().stream()
            .map(
                r -> {
                  HotlineCall call = (HotlineCall) r[0];
                  return HotlineRecords.row(
                      call,
                      r[1] == null ? null : CheckLine.of((JobOfferCheck) r[1]),
                      call.getOrganisation().getId() == viewer.organisationId());
                })
            .toList();
    if (!warnings.isEmpty() || !linked.isEmpty()) {
      enforcer.recordPermits(
          viewer,
          now,
          List.of(
              new AuditTrail.Entry(
                  caseId, f.personId(), DataCategory.EXPLOITATION, AccessAction.READ, read)));
    }
    return Optional.of(new CaseHotlineView(caseId, warnings, linked));
  }

  /**
   * The open cases of the viewer's organisation that name (as recruiter or employer) an entry its
   * hotline's checks flagged, newest first, for her home page. Listed through the access policy in
   * the database (EXPLOITATION); each case shown is an audited read.
   *
   * @param viewer who asks; users who do not use the hotline or read no case data get an empty list
   * @param max at most this many, 1–50
   * @return the cases, each with the flagged entry it names
   */
  public List<FlaggedCaseLine> flaggedCases(Viewer viewer, int max) {
    if (!HotlineUsers.isHotlineUser(viewer) || viewer.role().readsNoCaseData()) {
      return List.of();
    }
    Instant now = Instant.now();
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> q = cb.createTupleQuery();
    Root<CaseFile> c = q.from(CaseFile.class);
    Root<RegistryEntry> e = q.from(RegistryEntry.class);
    q.multiselect(c.get("id"), c.get("code"), c.get("openedOn"), e.get("id"), e.get("name"))
        .where(
            cb.equal(c.get("ownerOrganisation").get("id"), viewer.organisationId()),
            cb.notEqual(c.get("stage"), NrmStage.CLOSED),
            cb.isNull(c.get("mergedIntoId")),
            cb.equal(e.get("organisation").get("id"), viewer.organisationId()),
            cb.isTrue(e.get("flagged")),
            cb.or(
                cb.equal(c.get("recruiterMatchKey"), e.get("matchKey")),
                cb.equal(c.get("employerMatchKey"), e.get("matchKey"))),
            policy.permits(cb, q, c, viewer, DataCategory.EXPLOITATION, AccessAction.READ, now))
        .orderBy(cb.desc(c.get("openedOn")), cb.desc(c.get("id")), cb.asc(e.get("id")));
    List<Tuple> rows =
        em.createQuery(q).setMaxResults(Math.max(1, Math.min(50, max))).getResultList();
    auditReads(viewer, rows.stream().map(t -> t.get(0, Long.class)).distinct().toList(), now);
    return rows.stream()
        .map(
            t ->
                new FlaggedCaseLine(
                    t.get(0, Long.class),
                    t.get(1, String.class),
                    t.get(2, LocalDate.class),
                    t.get(3, Long.class),
                    t.get(4, String.class)))
        .toList();
  }

  /**
   * Records who recruited the person and who employed her, on the case (category EXPLOITATION).
   *
   * @param viewer a user of the organisation that owns the case (UPDATE of all its EXPLOITATION
   *     records)
   * @param caseId the case
   * @param version the case's version the user saw
   * @param recruiter recruiter or recruitment agency, up to 255 characters, may be blank
   * @param employer employer, up to 255 characters, may be blank
   * @throws InvalidRequestException {@code case.notFound}, {@code hotline.error.ownerOnly} or
   *     {@code hotline.error.name}
   * @throws ConcurrentUpdateException when the case changed meanwhile
   * @throws rs.astra.nrm.consent.AccessDeniedException when the viewer may not update EXPLOITATION
   *     (recorded)
   */
  public void recordRecruitmentParties(
      Viewer viewer, long caseId, long version, String recruiter, String employer) {
    Instant now = Instant.now();
    CaseFacts f =
        caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
    Decision d = enforcer.require(viewer, f, DataCategory.EXPLOITATION, AccessAction.UPDATE, now);
    if (d.scope() != Decision.Scope.ALL_RECORDS) {
      throw new InvalidRequestException("hotline.error.ownerOnly");
    }
    CaseFile c = em.find(CaseFile.class, caseId);
    if (c.getVersion() != version) {
      throw new ConcurrentUpdateException("case");
    }
    try {
      c.recordRecruitmentParties(text(recruiter), text(employer));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("hotline.error.name");
    }
    em.flush();
  }

  /**
   * A name in the other script: Latin for a name written in Cyrillic, Cyrillic otherwise.
   *
   * @param name the name
   * @return the transliteration, or {@code null} when it reads the same
   */
  static String otherScript(String name) {
    boolean cyrillic =
        name.chars()
            .anyMatch(ch -> Character.UnicodeScript.of(ch) == Character.UnicodeScript.CYRILLIC);
    String other = cyrillic ? NameMatchKey.toLatin(name) : NameMatchKey.toCyrillic(name);
    return other.equals(name) ? null : other;
  }

  private static String text(String s) {
    return s == null || s.isBlank() ? null : s.strip().replaceAll("\\s+", " ");
  }
}
