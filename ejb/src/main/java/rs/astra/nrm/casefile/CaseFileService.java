package rs.astra.nrm.casefile;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.consent.BreakGlassAccess;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.CaseFactsLoader;
import rs.astra.nrm.consent.Consent;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.ReferralState;
import rs.astra.nrm.shared.JpqlEnumIndex;
import rs.astra.nrm.shared.NameMatchKey;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * Reads cases for the case list and the case page, always through the {@link AccessPolicy}: the
 * list filters, sorts and pages in the database with the policy's predicate, and the case page
 * holds only the categories the policy permits. Every permit on personal data is audited.
 */
@Stateless
@StoredBeforeReturn
public class CaseFileService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private AccessPolicy policy;
  @Inject private AccessEnforcer enforcer;

  /**
   * The personal categories whose data {@link #find} returns itself (the rest have own services).
   */
  private static final java.util.Set<DataCategory> CARRIED_BY_VIEW =
      java.util.EnumSet.of(DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.EXPLOITATION);

  /**
   * The personal categories the case page opened by its link ({@link #findForCasePage}) records
   * with its own: those it carries, and those of the sections it shows whenever they are permitted
   * — the criminal proceedings ({@code case.xhtml}) and the support plan's SOCIAL and HEALTH
   * ({@code case-support.xhtml}).
   */
  private static final java.util.Set<DataCategory> RECORDED_BY_CASE_PAGE =
      java.util.EnumSet.of(
          DataCategory.IDENTITY,
          DataCategory.CONTACT,
          DataCategory.EXPLOITATION,
          DataCategory.LEGAL_PROCEEDINGS,
          DataCategory.SOCIAL,
          DataCategory.HEALTH);

  @Inject private CaseFactsLoader facts;
  @Inject private CaseAccess caseAccess;
  @Inject private CaseTimeline timeline;
  @Inject private CaseCodes codes;

  /**
   * One page of the cases the viewer may see (READ of CASE_SUMMARY), with the data subject's name
   * where she may read IDENTITY; each name shown is an audited read.
   *
   * <p>Two queries, both under the policy's predicate: the page's ids in order (filters, sort key,
   * offset and limit; the names are not computed for the rows skipped to reach a page), then those
   * rows with the names the policy lets through. Page 200 of a recipient's list took 0.6–1.2 s in
   * one query, because the name's policy subqueries ran for all 4,000 rows before the offset
   * (docs/benchmarks.md).
   *
   * @param viewer who is asking
   * @param query page, order and filters
   * @return at most {@code query.pageSize()} rows
   */
  public List<CaseRow> list(Viewer viewer, CaseListQuery query) {
    return list(viewer, query, AccessAction.READ);
  }

  /**
   * One page of the case list for an export to a file (CSV, XLSX): the same rows and columns as
   * {@link #list}, decided by the policy for {@link AccessAction#EXPORT} — a name is included only
   * where the viewer may export IDENTITY (an emergency access, which is read-only, does not allow
   * it), and each name included is an audited export. The caller records the export itself, with
   * its number of rows ({@link rs.astra.nrm.audit.AuditTrail#recordActivity}).
   *
   * @param viewer who is exporting
   * @param query page, order and filters
   * @return at most {@code query.pageSize()} rows
   */
  public List<CaseRow> listForExport(Viewer viewer, CaseListQuery query) {
    return list(viewer, query, AccessAction.EXPORT);
  }

  private List<CaseRow> list(Viewer viewer, CaseListQuery query, AccessAction action) {
    Instant now = Instant.now();
    CriteriaBuilder cb = em.getCriteriaBuilder();

    CriteriaQuery<Long> pageQuery = cb.createQuery(Long.class);
    Root<CaseFile> pc = pageQuery.from(CaseFile.class);
    boolean byName = query.nameContains() != null && !query.nameContains().isBlank();
    boolean sortByName = query.sortBy() == CaseListQuery.SortColumn.PERSON_NAME;
    Join<CaseFile, Person> pp = byName || sortByName ? pc.join("person") : null;
    Predicate pageMayReadIdentity =
        sortByName
            ? policy.permits(cb, pageQuery, pc, viewer, DataCategory.IDENTITY, action, now)
            : null;
    pageQuery
        .select(pc.get("id"))
        .where(filters(cb, pageQuery, pc, pp, viewer, query, action, now))
        .orderBy(order(cb, pc, pp, pageMayReadIdentity, query));
    List<Long> page =
        em.createQuery(pageQuery)
            .setFirstResult(query.first())
            .setMaxResults(query.pageSize())
            .getResultList();
    if (page.isEmpty()) {
      return List.of();
    }

    CriteriaQuery<Tuple> q = cb.createTupleQuery();
    Root<CaseFile> c = q.from(CaseFile.class);
    Join<CaseFile, Person> p = c.join("person");
    Join<CaseFile, Organisation> owner = c.join("ownerOrganisation");
    Predicate mayReadIdentity =
        policy.permits(cb, q, c, viewer, DataCategory.IDENTITY, action, now);
    q.multiselect(
        c.get("id"),
        c.get("code"),
        c.get("openedOn"),
        c.get("status"),
        c.get("typeOfExploitation"),
        owner.get("name"),
        guarded(cb, mayReadIdentity, p.get("firstName")),
        guarded(cb, mayReadIdentity, p.get("secondName")),
        owner.get("id"),
        p.get("id"));
    // The summary is checked again: the policy decides on every read, not once per page.
    q.where(
        c.get("id").in(page),
        policy.permits(cb, q, c, viewer, DataCategory.CASE_SUMMARY, action, now));
    Map<Long, Tuple> byId = new java.util.HashMap<>();
    for (Tuple t : em.createQuery(q).getResultList()) {
      byId.put(t.get(0, Long.class), t);
    }
    List<Tuple> tuples = page.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();

    List<CaseRow> rows = new ArrayList<>(tuples.size());
    List<AuditTrail.Entry> reads = new ArrayList<>();
    Map<Long, CaseFacts> named =
        facts.load(
            tuples.stream()
                .filter(t -> t.get(6) != null || t.get(7) != null)
                .map(t -> t.get(0, Long.class))
                .toList());
    Map<Long, Long> documents = documentCounts(viewer, tuples);
    for (Tuple t : tuples) {
      long id = t.get(0, Long.class);
      String name = null;
      CaseFacts f = named.get(id);
      if (f != null) {
        // The database let the name through; the same policy names the basis for the audit record.
        Decision d = enforcer.decide(viewer, f, DataCategory.IDENTITY, action, now);
        if (d.permitted()) {
          name = fullName(t.get(6, String.class), t.get(7, String.class));
          reads.add(new AuditTrail.Entry(id, f.personId(), DataCategory.IDENTITY, action, d));
        }
      }
      rows.add(
          new CaseRow(
              id,
              t.get(1, String.class),
              t.get(2, LocalDate.class),
              t.get(3, CaseStatus.class),
              List.copyOf(
                  MultiValueColumn.toEnums(TypeOfExploitation.class, t.get(4, String.class))),
              t.get(5, String.class),
              name,
              t.get(8, Long.class) == viewer.organisationId(),
              t.get(8, Long.class) == viewer.organisationId()
                  ? documents.getOrDefault(id, 0L)
                  : null));
    }
    enforcer.recordPermits(viewer, now, reads);
    return rows;
  }

  /**
   * How many document versions each of the page's cases the viewer's organisation owns holds (issue
   * 17: the count on the owner's case list row), in one query; a number, no personal data.
   */
  private Map<Long, Long> documentCounts(Viewer viewer, List<Tuple> tuples) {
    List<Long> owned =
        tuples.stream()
            .filter(t -> t.get(8, Long.class) == viewer.organisationId())
            .map(t -> t.get(0, Long.class))
            .toList();
    Map<Long, Long> counts = new java.util.HashMap<>();
    if (owned.isEmpty()) {
      return counts;
    }
    // By entity name: the case list knows documents only as a count.
    for (Object[] r :
        em.createQuery(
                "select d.caseFile.id, count(d) from CaseDocument d where d.caseFile.id in :ids"
                    + " group by d.caseFile.id",
                Object[].class)
            .setParameter("ids", owned)
            .getResultList()) {
      counts.put((Long) r[0], ((Number) r[1]).longValue());
    }
    return counts;
  }

  /** Most possible duplicates the wizard shows. */
  private static final int MAX_DUPLICATES = 20;

  /**
   * The cases whose data subject may be the person being recorded (issue 19): names with the same
   * {@linkplain Person#nameKeyOf match key} in either order ("Ђорђевић" = "Đorđević" =
   * "Djordjevic"), a birth date at most a year apart and, when citizenship is given, a citizenship
   * in common or none recorded. Only among the cases whose IDENTITY the viewer may read: the
   * policy's predicate is in the query, as in the case list, and each case shown is an audited read
   * of IDENTITY (its names and birth date were compared). Nothing is searched without a name and a
   * birth date.
   *
   * @param viewer who is recording
   * @param firstName HTCDS {@code prs_FirstName}, may be blank
   * @param secondName HTCDS {@code prs_SecondName}, may be blank
   * @param birthdate the birth date, may be {@code null}
   * @param citizenship ISO codes separated by commas, semicolons or spaces, may be blank; codes
   *     that are not ISO 3166 codes are ignored here (opening the case refuses them)
   * @return at most 20 candidates ordered by code; empty without a name or a birth date
   */
  public List<PossibleDuplicate> possibleDuplicates(
      Viewer viewer, String firstName, String secondName, LocalDate birthdate, String citizenship) {
    String key = Person.nameKeyOf(firstName, secondName);
    if (key == null || birthdate == null) {
      return List.of();
    }
    return auditedIdentityReads(
        viewer,
        Instant.now(),
        duplicateQuery(viewer, firstName, secondName, birthdate, citizenship, null).stream()
            .map(MergeCandidate::duplicate)
            .toList(),
        PossibleDuplicate::caseId);
  }

  /**
   * The possible duplicates of a case's own person among the other cases of its owning organisation
   * (issue 19: the case page's "Possible duplicates", offered for a merge): the same match as
   * {@link #possibleDuplicates}, with its person's names, birth date and citizenship, leaving out
   * cases already merged and pairs marked "not the same person". Only for a coordinator of the
   * owning organisation; each case shown is an audited read of IDENTITY (its code and what matched
   * are shown, nothing else), as is the comparison of the case's own person.
   *
   * @param viewer who is looking at the case page
   * @param caseId the case
   * @return at most 20 candidates ordered by code, each with the version seen (for the merge's
   *     optimistic lock); empty for anyone but a coordinator of the owner, or a merged case
   */
  public List<MergeCandidate> possibleDuplicatesOfCase(Viewer viewer, long caseId) {
    // The role first, then the owner and the merge from the request's facts (CaseAccess): the
    // case's row is read only for a coordinator of its owner (issue 16, statements per case page).
    if (!viewer.role().mergesCases()) {
      return List.of();
    }
    Instant now = Instant.now();
    Optional<CaseFacts> f = caseAccess.facts(caseId);
    if (f.isEmpty()
        || f.get().merged()
        || !CaseMergeService.isCoordinatorOfOwner(viewer, f.get())
        || !enforcer
            .decide(viewer, f.get(), DataCategory.IDENTITY, AccessAction.READ, now)
            .permitted()) {
      return List.of();
    }
    CaseFile c = em.find(CaseFile.class, caseId);
    Person p = c.getPerson();
    List<MergeCandidate> found =
        duplicateQuery(
            viewer,
            p.getFirstName(),
            p.getSecondName(),
            p.getBirthdate(),
            String.join(",", p.getCitizenship()),
            c);
    if (found.isEmpty()) {
      return List.of();
    }
    // The case's own identity was compared with theirs: a read of it too.
    auditedIdentityReads(viewer, now, List.of(caseId), id -> id);
    return auditedIdentityReads(viewer, now, found, m -> m.duplicate().caseId());
  }

  /**
   * The duplicate search of {@link #possibleDuplicates}; with {@code ofCase}, among the other
   * unmerged cases of its owner and without the pairs marked "not the same person".
   */
  private List<MergeCandidate> duplicateQuery(
      Viewer viewer,
      String firstName,
      String secondName,
      LocalDate birthdate,
      String citizenship,
      CaseFile ofCase) {
    String key = Person.nameKeyOf(firstName, secondName);
    if (key == null || birthdate == null) {
      return List.of();
    }
    java.util.Set<String> codes = new java.util.TreeSet<>();
    if (citizenship != null) {
      for (String code : citizenship.split("[,;\\s]+")) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (java.util.Set.of(Locale.getISOCountries()).contains(c)) {
          codes.add(c);
        }
      }
    }
    Instant now = Instant.now();
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> q = cb.createTupleQuery();
    Root<CaseFile> c = q.from(CaseFile.class);
    Join<CaseFile, Person> p = c.join("person");
    List<Predicate> where = new ArrayList<>();
    where.add(policy.permits(cb, q, c, viewer, DataCategory.CASE_SUMMARY, AccessAction.READ, now));
    where.add(policy.permits(cb, q, c, viewer, DataCategory.IDENTITY, AccessAction.READ, now));
    where.add(p.get("nameKey").in(nameKeys(firstName, secondName)));
    where.add(
        cb.between(p.<LocalDate>get("birthdate"), birthdate.minusYears(1), birthdate.plusYears(1)));
    if (!codes.isEmpty()) {
      // The column holds two-letter codes joined by ';', so a code matches only a whole code.
      List<Predicate> anyCode = new ArrayList<>();
      anyCode.add(cb.isNull(p.get("citizenship")));
      codes.forEach(code -> anyCode.add(cb.like(p.get("citizenship"), "%" + code + "%")));
      where.add(cb.or(anyCode.toArray(Predicate[]::new)));
    }
    where.add(cb.isNull(c.get("mergedIntoId")));
    if (ofCase != null) {
      long self = ofCase.getId();
      where.add(cb.notEqual(c.get("id"), self));
      where.add(cb.equal(c.get("ownerOrganisation").get("id"), viewer.organisationId()));
      jakarta.persistence.criteria.Subquery<Long> marked = q.subquery(Long.class);
      Root<DistinctPersonsMark> m = marked.from(DistinctPersonsMark.class);
      marked
          .select(m.get("firstCaseId"))
          .where(
              cb.or(
                  cb.and(
                      cb.equal(m.get("firstCaseId"), self),
                      cb.equal(m.get("secondCaseId"), c.get("id"))),
                  cb.and(
                      cb.equal(m.get("secondCaseId"), self),
                      cb.equal(m.get("firstCaseId"), c.get("id")))));
      where.add(cb.not(cb.exists(marked)));
    }
    q.multiselect(
            c.get("id"),
            c.get("code"),
            p.get("nameKey"),
            p.get("birthdate"),
            p.get("citizenship"),
            c.get("version"))
        .where(where.toArray(Predicate[]::new))
        .orderBy(cb.asc(c.get("code")), cb.asc(c.get("id")));
    List<Tuple> found = em.createQuery(q).setMaxResults(MAX_DUPLICATES).getResultList();
    List<MergeCandidate> candidates = new ArrayList<>();
    for (Tuple t : found) {
      java.util.Set<PossibleDuplicate.Match> matched =
          java.util.EnumSet.noneOf(PossibleDuplicate.Match.class);
      matched.add(
          key.equals(t.get(2, String.class))
              ? PossibleDuplicate.Match.NAMES
              : PossibleDuplicate.Match.NAMES_SWAPPED);
      matched.add(
          birthdate.equals(t.get(3, LocalDate.class))
              ? PossibleDuplicate.Match.BIRTHDATE
              : PossibleDuplicate.Match.BIRTHDATE_WITHIN_A_YEAR);
      if (MultiValueColumn.toCodes(t.get(4, String.class)).stream().anyMatch(codes::contains)) {
        matched.add(PossibleDuplicate.Match.CITIZENSHIP);
      }
      candidates.add(
          new MergeCandidate(
              new PossibleDuplicate(t.get(0, Long.class), t.get(1, String.class), matched),
              t.get(5, Long.class)));
    }
    return candidates;
  }

  /**
   * The name keys a person with these names may be stored under: the names in the given order and
   * swapped, once each ("Ana" alone, or the same first and second name, has one key).
   *
   * @param firstName the first name, may be {@code null}
   * @param secondName the second name, may be {@code null}
   * @return the distinct keys, the given order's first; empty without a name
   */
  static List<String> nameKeys(String firstName, String secondName) {
    String key = Person.nameKeyOf(firstName, secondName);
    if (key == null) {
      return List.of();
    }
    String swapped = Person.nameKeyOf(secondName, firstName);
    return swapped.equals(key) ? List.of(key) : List.of(key, swapped);
  }

  /**
   * A person of an imported row, as {@link #knownPersons} compares it.
   *
   * @param rowNumber the spreadsheet row
   * @param firstName HTCDS {@code prs_FirstName}, may be {@code null}
   * @param secondName HTCDS {@code prs_SecondName}, may be {@code null}
   * @param birthdate HTCDS {@code prs_Birthdate}, may be {@code null}
   */
  public record PersonKey(
      int rowNumber, String firstName, String secondName, LocalDate birthdate) {}

  /**
   * A row whose person the viewer already has a case of, or whose person an earlier row of the same
   * file already names.
   *
   * @param rowNumber the spreadsheet row
   * @param caseCode the code of the existing case (the first by code when there are several), or
   *     {@code null} when the row repeats an earlier row
   * @param sameAsRow the earlier row of the same file naming the same person, or {@code null} when
   *     the row matches an existing case
   */
  public record KnownPerson(int rowNumber, String caseCode, Integer sameAsRow)
      implements java.io.Serializable {

    /**
     * A row whose person already has a case.
     *
     * @param rowNumber the spreadsheet row
     * @param caseCode the code of that case
     */
    public KnownPerson(int rowNumber, String caseCode) {
      this(rowNumber, caseCode, null);
    }
  }

  /**
   * The rows of one file that name a person an earlier row of the same file already names (issue
   * 19): the same {@linkplain Person#nameKeyOf name key} in either order and the same birth date,
   * as {@link #knownPersons} compares with existing cases. Rows without a name or a birth date
   * never match. Reads nothing: the file is the importer's own.
   *
   * @param persons the rows' persons, in file order
   * @return each repeating row with the first row naming the same person, by row number
   */
  public static List<KnownPerson> repeatedInFile(List<PersonKey> persons) {
    Map<String, Integer> firstRow = new java.util.HashMap<>();
    List<KnownPerson> repeated = new ArrayList<>();
    for (PersonKey k : persons) {
      if (k.birthdate() == null) {
        continue;
      }
      List<String> keys = nameKeys(k.firstName(), k.secondName());
      Integer earlier =
          keys.stream()
              .map(key -> firstRow.get(key + '|' + k.birthdate()))
              .filter(java.util.Objects::nonNull)
              .findFirst()
              .orElse(null);
      if (earlier != null) {
        repeated.add(new KnownPerson(k.rowNumber(), null, earlier));
      } else {
        keys.forEach(key -> firstRow.put(key + '|' + k.birthdate(), k.rowNumber()));
      }
    }
    return repeated;
  }

  /**
   * The rows of an import whose person already has a case the viewer may read IDENTITY of (issue
   * 19): the same {@linkplain Person#nameKeyOf name key}, in either order, and the same birth date.
   * Rows without a name or a birth date never match. The policy's predicate is in the query; each
   * case named is an audited read of IDENTITY.
   *
   * @param viewer who imports
   * @param persons the rows' persons
   * @return the rows that match, by row number
   */
  public List<KnownPerson> knownPersons(Viewer viewer, List<PersonKey> persons) {
    Map<String, List<PersonKey>> byKey = new java.util.HashMap<>();
    for (PersonKey k : persons) {
      if (k.birthdate() != null) {
        for (String key : nameKeys(k.firstName(), k.secondName())) {
          byKey.computeIfAbsent(key, x -> new ArrayList<>()).add(k);
        }
      }
    }
    if (byKey.isEmpty()) {
      return List.of();
    }
    Instant now = Instant.now();
    CriteriaBuilder cb = em.getCriteriaBuilder();
    // Row number -> the matching cases' codes and ids, ordered by code.
    Map<Integer, java.util.TreeMap<String, Long>> matches = new java.util.TreeMap<>();
    List<String> keys = new ArrayList<>(byKey.keySet());
    for (int from = 0; from < keys.size(); from += 500) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
      java.util.Set<LocalDate> dates = new java.util.HashSet<>();
      chunk.forEach(k -> byKey.get(k).forEach(pk -> dates.add(pk.birthdate())));
      CriteriaQuery<Tuple> q = cb.createTupleQuery();
      Root<CaseFile> c = q.from(CaseFile.class);
      Join<CaseFile, Person> p = c.join("person");
      q.multiselect(c.get("id"), c.get("code"), p.get("nameKey"), p.get("birthdate"))
          .where(
              policy.permits(cb, q, c, viewer, DataCategory.CASE_SUMMARY, AccessAction.READ, now),
              policy.permits(cb, q, c, viewer, DataCategory.IDENTITY, AccessAction.READ, now),
              p.get("nameKey").in(chunk),
              p.get("birthdate").in(dates),
              cb.isNull(c.get("mergedIntoId")));
      for (Tuple t : em.createQuery(q).getResultList()) {
        for (PersonKey k : byKey.getOrDefault(t.get(2, String.class), List.of())) {
          if (k.birthdate().equals(t.get(3, LocalDate.class))) {
            matches
                .computeIfAbsent(k.rowNumber(), r -> new java.util.TreeMap<>())
                .put(t.get(1, String.class), t.get(0, Long.class));
          }
        }
      }
    }
    List<KnownPerson> known = new ArrayList<>();
    java.util.Set<Long> permitted =
        new java.util.HashSet<>(
            auditedIdentityReads(
                viewer,
                now,
                matches.values().stream().flatMap(m -> m.values().stream()).distinct().toList(),
                id -> id));
    matches.forEach(
        (row, cases) ->
            cases.entrySet().stream()
                .filter(e -> permitted.contains(e.getValue()))
                .findFirst()
                .ifPresent(e -> known.add(new KnownPerson(row, e.getKey()))));
    return known;
  }

  /**
   * Keeps the items whose case's IDENTITY the policy lets the viewer read — the database let them
   * through; the same policy names the basis for the audit record — and records those reads.
   */
  private <T> List<T> auditedIdentityReads(
      Viewer viewer, Instant now, List<T> items, java.util.function.ToLongFunction<T> caseId) {
    if (items.isEmpty()) {
      return List.of();
    }
    Map<Long, CaseFacts> loaded =
        facts.load(items.stream().map(i -> caseId.applyAsLong(i)).distinct().toList());
    List<T> kept = new ArrayList<>();
    List<AuditTrail.Entry> reads = new ArrayList<>();
    java.util.Set<Long> recorded = new java.util.HashSet<>();
    for (T item : items) {
      long id = caseId.applyAsLong(item);
      CaseFacts f = loaded.get(id);
      if (f == null) {
        continue;
      }
      Decision d = enforcer.decide(viewer, f, DataCategory.IDENTITY, AccessAction.READ, now);
      if (d.permitted()) {
        kept.add(item);
        if (recorded.add(id)) {
          reads.add(
              new AuditTrail.Entry(id, f.personId(), DataCategory.IDENTITY, AccessAction.READ, d));
        }
      }
    }
    enforcer.recordPermits(viewer, now, reads);
    return kept;
  }

  /**
   * What a caseworker fills in to open a case (the first signal).
   *
   * @param firstName HTCDS {@code prs_FirstName}, may be blank for an anonymous signal
   * @param secondName HTCDS {@code prs_SecondName}, may be blank
   * @param birthdate HTCDS {@code prs_Birthdate}, not in the future, may be {@code null}
   * @param gender HTCDS {@code prs_Gender}, may be {@code null}
   * @param citizenship ISO 3166 alpha-2 codes separated by commas or semicolons, may be blank
   * @param mobilePhone HTCDS {@code prs_MobilePhone}, may be blank
   * @param city HTCDS {@code prs_MailingCity}, may be blank
   * @param typeOfExploitation HTCDS {@code vic_TypeOfExploitation}, may be empty
   * @param referringOrganisation HTCDS {@code cas_ReferringOrganisation}: who reported it, may be
   *     blank
   * @param details HTCDS {@code cas_IncomingReferralDetails}, up to 4000 characters, may be blank
   */
  public record NewCaseForm(
      String firstName,
      String secondName,
      LocalDate birthdate,
      Gender gender,
      String citizenship,
      String mobilePhone,
      String city,
      java.util.Set<TypeOfExploitation> typeOfExploitation,
      String referringOrganisation,
      String details)
      implements java.io.Serializable {}

  /**
   * Opens a case at stage SIGNAL, owned by the caseworker and her organisation.
   *
   * @param viewer an NGO caseworker or coordinator
   * @param form what she filled in
   * @return the new case's id
   * @throws rs.astra.nrm.shared.InvalidRequestException {@code newCase.error.*} for bad input
   * @throws rs.astra.nrm.organisation.NotPermittedException for other roles
   */
  public long open(Viewer viewer, NewCaseForm form) {
    if (!viewer.role().ownsCases()) {
      throw new rs.astra.nrm.organisation.NotPermittedException("open a case");
    }
    Instant now = Instant.now();
    LocalDate today = now.atZone(AccessPolicy.ZONE).toLocalDate();
    if (form.birthdate() != null && form.birthdate().isAfter(today)) {
      throw new rs.astra.nrm.shared.InvalidRequestException("newCase.error.birthdateInFuture");
    }
    java.util.Set<String> citizenship = new java.util.TreeSet<>();
    if (form.citizenship() != null) {
      for (String code : form.citizenship().split("[,;\\s]+")) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (c.isEmpty()) {
          continue;
        }
        if (!java.util.Set.of(Locale.getISOCountries()).contains(c)) {
          throw new rs.astra.nrm.shared.InvalidRequestException("newCase.error.citizenship", c);
        }
        citizenship.add(c);
      }
    }
    for (String text :
        new String[] {
          form.firstName(),
          form.secondName(),
          form.mobilePhone(),
          form.city(),
          form.referringOrganisation()
        }) {
      if (text != null && text.strip().length() > 255) {
        throw new rs.astra.nrm.shared.InvalidRequestException("newCase.error.tooLong");
      }
    }
    if (form.details() != null && form.details().strip().length() > 4000) {
      throw new rs.astra.nrm.shared.InvalidRequestException("newCase.error.tooLong");
    }
    Person person = new Person();
    person.recordIdentity(
        null,
        blank(form.firstName()),
        blank(form.secondName()),
        form.birthdate(),
        form.gender(),
        citizenship,
        null);
    person.recordContact(
        null, null, blank(form.mobilePhone()), null, blank(form.city()), null, null, null);
    CaseFile c =
        new CaseFile(
            codes.next(today.getYear()),
            em.find(rs.astra.nrm.organisation.PortalUser.class, viewer.userId()),
            person,
            today,
            now);
    c.recordExploitation(form.typeOfExploitation(), null, null, null, null);
    c.recordIncomingReferral(
        blank(form.referringOrganisation()), today, null, null, blank(form.details()));
    em.persist(c);
    em.flush();
    timeline.record(c.getId(), viewer, CaseEvent.Type.CASE_OPENED, c.getCode());
    return c.getId();
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip().replaceAll("\\s+", " ");
  }

  /**
   * Counts the cases the viewer may see with the query's filters (paging ignored).
   *
   * @param viewer who is asking
   * @param query the filters
   * @return the number of rows {@link #list} can page through
   */
  public long count(Viewer viewer, CaseListQuery query) {
    Instant now = Instant.now();
    CriteriaBuilder cb = em.getCriteriaBuilder();
    boolean filtered =
        (query.codeContains() != null && !query.codeContains().isBlank())
            || (query.nameContains() != null && !query.nameContains().isBlank())
            || query.status() != null;
    if (!filtered) {
      // The policy's own count of the summaries the viewer may read, from indexes.
      Optional<AccessPolicy.CaseSummaryCount> parts = policy.caseSummaryCount(cb, viewer);
      if (parts.isEmpty()) {
        return 0;
      }
      Object[] owned = em.createQuery(parts.get().owned()).getSingleResult();
      Long referred =
          parts.get().referred().map(q -> em.createQuery(q).getSingleResult()).orElse(null);
      return AccessPolicy.CaseSummaryCount.total(owned, referred);
    }
    CriteriaQuery<Long> q = cb.createQuery(Long.class);
    Root<CaseFile> c = q.from(CaseFile.class);
    // Every case has its person; join it only when the name filter needs it.
    boolean byName = query.nameContains() != null && !query.nameContains().isBlank();
    Join<CaseFile, Person> p = byName ? c.join("person") : null;
    q.select(cb.count(c)).where(filters(cb, q, c, p, viewer, query, AccessAction.READ, now));
    return em.createQuery(q).getSingleResult();
  }

  /**
   * The case by its code (the REST API's address of a case, issue 22), exactly as {@link
   * #find(Viewer, long)} gives it: a code that names no case and a case the viewer may not read
   * give the same empty answer, and the refusal of an existing case is recorded.
   *
   * @param viewer who is asking
   * @param code the case code, exact; {@code null} or blank gives an empty result
   * @return the case, or empty
   */
  public Optional<CaseView> findByCode(Viewer viewer, String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return em.createQuery("select c.id from CaseFile c where c.code = :code", Long.class)
        .setParameter("code", code.strip())
        .getResultStream()
        .findFirst()
        .flatMap(id -> find(viewer, id));
  }

  /**
   * The id of a case named by its code, for a caller about to act on it (the REST API's creating
   * calls: a proceedings step, a referral), when she may know that the case exists: the policy lets
   * her read its summary, or tells her that it is restricted ({@link
   * rs.astra.nrm.consent.AccessPolicy#seesRestrictionNotice}). Otherwise the answer is the one of a
   * code that names no case, so that the refusal of an act cannot tell another organisation which
   * codes exist or were merged (issue 22: a case that does not exist and one not shared answer the
   * same 404). The act itself is then decided, and recorded, by its service. Nothing is read here,
   * so nothing is recorded.
   *
   * @param viewer who is about to act
   * @param code the case code as typed (blanks and small letters allowed)
   * @return the case's id, or empty when there is no such case or she may not know of it
   */
  public Optional<Long> knownIdOf(Viewer viewer, String code) {
    Instant now = Instant.now();
    return codes
        .idOf(code)
        .filter(
            id ->
                caseAccess
                    .facts(id)
                    .filter(
                        f ->
                            enforcer
                                    .decide(
                                        viewer,
                                        f,
                                        DataCategory.CASE_SUMMARY,
                                        AccessAction.READ,
                                        now)
                                    .permitted()
                                || enforcer.seesRestrictionNotice(viewer, f))
                    .isPresent());
  }

  /**
   * The case page: the categories the viewer may read, and why the others are hidden. The permits
   * on personal categories are audited.
   *
   * @param viewer who is asking
   * @param caseId the case id
   * @return the case, or empty when it does not exist, was merged into another case ({@link
   *     CaseMergeService#mergedInto} says which), or the viewer may not read its summary (the two
   *     are deliberately indistinguishable; a refusal of an existing case is recorded)
   */
  public Optional<CaseView> find(Viewer viewer, long caseId) {
    return find(viewer, caseId, CARRIED_BY_VIEW);
  }

  /**
   * {@link #find} for the case page opened by its link, which shows the proceedings and the support
   * plan's sections whenever their categories are permitted and reads them in the same request:
   * their permits are recorded here with the page's own, in one transaction, before anything is
   * shown; the sections' own requests then find them recorded in this page view ({@code
   * AuditTrail}: one record per case, category and basis in a page view) and write nothing (issue
   * 16, statements per case page: one audit transaction instead of three). The records are those
   * the sections would have written.
   *
   * @param viewer who is asking
   * @param caseId the case id
   * @return as {@link #find}
   */
  public Optional<CaseView> findForCasePage(Viewer viewer, long caseId) {
    return find(viewer, caseId, RECORDED_BY_CASE_PAGE);
  }

  private Optional<CaseView> find(Viewer viewer, long caseId, Set<DataCategory> recorded) {
    Instant now = Instant.now();
    Optional<CaseFacts> loaded = caseAccess.facts(caseId);
    if (loaded.isEmpty() || loaded.get().merged()) {
      // Merged into another case (issue 19): its records are there; its page only says where.
      return Optional.empty();
    }
    Decision summary =
        enforcer.decide(viewer, loaded.get(), DataCategory.CASE_SUMMARY, AccessAction.READ, now);
    if (!summary.permitted()) {
      // Answered as if the case did not exist, but the attempt is recorded (issue 15).
      enforcer.recordRefusal(
          viewer, loaded.get(), DataCategory.CASE_SUMMARY, AccessAction.READ, summary, now);
      return Optional.empty();
    }
    CaseFacts f = loaded.get();
    Map<DataCategory, Decision> decisions =
        enforcer.decideAllAndRecordPermits(viewer, f, AccessAction.READ, now, recorded);
    boolean owned = f.ownerOrganisationId() == viewer.organisationId();

    Map<DataCategory, CaseView.Basis> visible = new EnumMap<>(DataCategory.class);
    List<CaseView.Hidden> hidden = new ArrayList<>();
    decisions.forEach(
        (category, d) -> {
          if (!category.isPersonal()) {
            return;
          }
          if (d.permitted()) {
            visible.put(
                category,
                new CaseView.Basis(
                    d.basis(), d.basisRef(), d.scope() == Decision.Scope.OWN_RECORDS));
          } else {
            hidden.add(
                new CaseView.Hidden(
                    category, d.denyReason(), enforcer.offersEmergencyAccess(viewer, f, category)));
          }
        });

    // The case with what the view shows of its references in one query (issue 16, statements per
    // case page): the owner's caseworker only to the owner, the person only when IDENTITY or
    // CONTACT is shown.
    boolean showsPerson =
        visible.containsKey(DataCategory.IDENTITY) || visible.containsKey(DataCategory.CONTACT);
    CaseFile c =
        em.createQuery(
                "select c from CaseFile c join fetch c.ownerOrganisation"
                    + (owned ? " join fetch c.ownerUser" : "")
                    + (showsPerson ? " join fetch c.person" : "")
                    + " where c.id = :id",
                CaseFile.class)
            .setParameter("id", caseId)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (c == null) {
      return Optional.empty();
    }
    LocalDate today = now.atZone(AccessPolicy.ZONE).toLocalDate();
    ReferralsAndConsents lines = referralsAndConsents(viewer, f, owned, today);
    return Optional.of(
        CaseView.of(
                c.getId(),
                c.getVersion(),
                showsPerson ? c.getPerson().getVersion() : null,
                c.getCode())
            .ownership(
                owned,
                c.getOwnerOrganisation().getName(),
                owned ? c.getOwnerUser().getDisplayName() : null)
            .progress(
                c.getStatus(),
                c.getStage(),
                c.getOpenedOn(),
                c.getClosureRequestReason() != null && c.getStage() != NrmStage.CLOSED)
            .identification(
                c.getTraffickingStatus(),
                c.getIdentificationDecidedOn(),
                c.getIdentificationDecidedBy() == null
                    ? null
                    : c.getIdentificationDecidedBy().getName())
            .typeOfExploitation(c.getTypeOfExploitation())
            .access(visible, hidden)
            .sections(
                visible.containsKey(DataCategory.IDENTITY) ? identity(c.getPerson()) : null,
                visible.containsKey(DataCategory.CONTACT) ? contact(c.getPerson()) : null,
                visible.containsKey(DataCategory.EXPLOITATION) ? exploitation(c) : null)
            .referrals(lines.referrals())
            .ownerRecords(
                lines.consents(),
                owned && !f.breakGlass().isEmpty() ? emergencyAccesses(caseId) : List.of())
            .build());
  }

  private static <T> Expression<T> guarded(
      CriteriaBuilder cb, Predicate permitted, Expression<T> column) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) column.getJavaType();
    return cb.<T>selectCase().when(permitted, column).otherwise(cb.nullLiteral(type));
  }

  private Predicate[] filters(
      CriteriaBuilder cb,
      CriteriaQuery<?> q,
      Root<CaseFile> c,
      Join<CaseFile, Person> p,
      Viewer viewer,
      CaseListQuery query,
      AccessAction action,
      Instant now) {
    List<Predicate> where = new ArrayList<>();
    where.add(policy.permits(cb, q, c, viewer, DataCategory.CASE_SUMMARY, action, now));
    // A case merged into another (issue 19) has left every list; its records are on the survivor.
    where.add(cb.isNull(c.get("mergedIntoId")));
    if (query.codeContains() != null && !query.codeContains().isBlank()) {
      where.add(
          cb.like(
              cb.upper(c.get("code")), like(query.codeContains().toUpperCase(Locale.ROOT)), '\\'));
    }
    if (query.status() != null) {
      where.add(cb.equal(c.get("status"), query.status()));
    }
    if (query.nameContains() != null && !query.nameContains().isBlank()) {
      // Only where the viewer may read names: otherwise filtering would reveal them.
      where.add(policy.permits(cb, q, c, viewer, DataCategory.IDENTITY, action, now));
      // The keys hold only a-z, 0-9 and single spaces: nothing to escape in the pattern.
      String key = NameMatchKey.ofPersonName(query.nameContains());
      where.add(key.isEmpty() ? cb.disjunction() : cb.like(p.get("nameKey"), "%" + key + "%"));
    }
    return where.toArray(Predicate[]::new);
  }

  private static String like(String fragment) {
    String escaped = fragment.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }

  private static List<Order> order(
      CriteriaBuilder cb,
      Root<CaseFile> c,
      Join<CaseFile, Person> p,
      Predicate mayReadIdentity,
      CaseListQuery query) {
    List<Expression<?>> keys = new ArrayList<>();
    switch (query.sortBy()) {
      case CODE -> keys.add(c.get("code"));
      case STATUS -> keys.add(c.get("status"));
      case PERSON_NAME -> {
        keys.add(guarded(cb, mayReadIdentity, p.<String>get("secondName")));
        keys.add(guarded(cb, mayReadIdentity, p.<String>get("firstName")));
      }
      case OPENED_ON -> keys.add(c.get("openedOn"));
    }
    // The id breaks ties, so that pages never overlap or skip rows.
    keys.add(c.get("id"));
    return keys.stream().map(k -> query.ascending() ? cb.asc(k) : cb.desc(k)).toList();
  }

  private static String fullName(String first, String second) {
    String name = ((first == null ? "" : first) + " " + (second == null ? "" : second)).strip();
    return name.isEmpty() ? null : name;
  }

  /**
   * {@code known}: the referral's categories as the facts hold them, or {@code null} to read the
   * entity's.
   */
  private static CaseView.IdentitySection identity(Person p) {
    return new CaseView.IdentitySection(
        p.getFirstName(),
        p.getSecondName(),
        p.getBirthdate(),
        p.getGender(),
        List.copyOf(p.getCitizenship()));
  }

  private static CaseView.ContactSection contact(Person p) {
    String address =
        Stream.of(p.getMailingStreet(), joinNonBlank(p.getMailingPostalCode(), p.getMailingCity()))
            .filter(s -> s != null && !s.isBlank())
            .collect(Collectors.joining(", "));
    return new CaseView.ContactSection(
        p.getMobilePhone(), p.getHomePhone(), p.getEmail(), address.isEmpty() ? null : address);
  }

  private static String joinNonBlank(String a, String b) {
    return Stream.of(a, b).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
  }

  private static CaseView.ExploitationSection exploitation(CaseFile c) {
    return new CaseView.ExploitationSection(
        c.getTraffickingStatusDecisionMakingOrg(),
        List.copyOf(c.getMethodOfRecruitment()),
        c.getLocationOfRecruitment(),
        List.copyOf(c.getMethodsOfControl()),
        c.getForcedLabourIndustry(),
        List.copyOf(c.getTypeOfSexExploitation()),
        c.getLocationOfExploitation(),
        c.getReferringOrganisation(),
        c.getIncomingReferralDate(),
        c.getIncomingReferralDetails(),
        c.getReasonForCaseClosure(),
        c.getRecruiterName(),
        c.getEmployerName());
  }

  /** Categories in their declared order, as the entities' own sets ({@link EnumSet}) list them. */
  private static List<DataCategory> inOrder(Set<DataCategory> categories) {
    return categories.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(categories));
  }

  /**
   * The referral lines of a case page (issue 16, statements per case page): the first branch of the
   * page's one query for its referral and consent lines ({@link #referralsAndConsents}).
   */
  static final String REFERRAL_LINES =
      "select 'R', r.id, r.version, o.id, o.name, t.id, t.name, r.purpose, r.details,"
          + " r.referralDate, r.referralDate, "
          + JpqlEnumIndex.of("r.state", ReferralState.class)
          + ", coalesce(r.rejectionReason, r.revocationReason), r.answeredAt"
          + " from Referral r join r.fromOrganisation o join r.toOrganisation t"
          + " where r.caseFile.id = :caseId";

  /**
   * The consent branch of {@link #REFERRAL_LINES}: its columns in the same places and of the same
   * types — the recipient in both organisation places, who recorded it in the second name's, who
   * withdrew it in the details', the method as an index in the state's.
   */
  static final String CONSENT_LINES =
      "select 'K', k.id, k.version, o.id, o.name, o.id, u.displayName, k.purpose, w.displayName,"
          + " k.givenOn, k.validUntil, "
          + JpqlEnumIndex.of("k.form", ConsentMethod.class)
          + ", o.name, k.withdrawnAt"
          + " from Consent k join k.recipient o join k.recordedBy u left join k.withdrawnBy w"
          + " where k.caseFile.id = :caseId";

  private record ReferralsAndConsents(
      List<CaseView.ReferralLine> referrals, List<CaseView.ConsentLine> consents) {}

  /**
   * The referral and consent lines of a case page in one query: the owner's every referral and
   * consent, a recipient's the referrals to her organisation (chosen in the query, not after it). A
   * branch the facts show to be empty is left out; with both empty there is no query. The
   * categories are the facts' (they never change after the record is made): the entities' own would
   * be one more query each.
   */
  private ReferralsAndConsents referralsAndConsents(
      Viewer viewer, CaseFacts f, boolean owned, LocalDate today) {
    boolean withReferrals =
        owned
            ? !f.referrals().isEmpty()
            : f.referrals().stream().anyMatch(r -> r.toOrganisationId() == viewer.organisationId());
    boolean withConsents = owned && !f.consents().isEmpty();
    if (!withReferrals && !withConsents) {
      return new ReferralsAndConsents(List.of(), List.of());
    }
    String jpql =
        withReferrals
            ? REFERRAL_LINES
                + (owned ? "" : " and t.id = :organisationId")
                + (withConsents ? " union all " + CONSENT_LINES : "")
            : CONSENT_LINES;
    var query = em.createQuery(jpql, Object[].class).setParameter("caseId", f.caseId());
    if (withReferrals && !owned) {
      query.setParameter("organisationId", viewer.organisationId());
    }
    Map<Long, Set<DataCategory>> referralCategories = new HashMap<>();
    f.referrals().forEach(r -> referralCategories.put(r.id(), r.categories()));
    Map<Long, Set<DataCategory>> consentCategories = new HashMap<>();
    f.consents().forEach(k -> consentCategories.put(k.id(), k.categories()));
    List<CaseView.ReferralLine> referrals = new ArrayList<>();
    List<CaseView.ConsentLine> consents = new ArrayList<>();
    for (Object[] row : query.getResultList()) {
      long id = (Long) row[1];
      if ("R".equals(row[0])) {
        referrals.add(
            new CaseView.ReferralLine(
                id,
                ((Number) row[2]).longValue(),
                (Long) row[3],
                (String) row[4],
                (Long) row[5],
                (String) row[6],
                (Purpose) row[7],
                inOrder(referralCategories.getOrDefault(id, Set.of())),
                (String) row[8],
                (LocalDate) row[9],
                JpqlEnumIndex.constant(ReferralState.class, row[11]),
                (String) row[12]));
      } else {
        Instant withdrawnAt = (Instant) row[13];
        consents.add(
            new CaseView.ConsentLine(
                id,
                ((Number) row[2]).longValue(),
                (String) row[4],
                (Purpose) row[7],
                inOrder(consentCategories.getOrDefault(id, Set.of())),
                (LocalDate) row[9],
                (LocalDate) row[10],
                JpqlEnumIndex.constant(ConsentMethod.class, row[11]),
                (String) row[6],
                withdrawnAt,
                (String) row[8],
                Consent.isActive(
                    (LocalDate) row[9], (LocalDate) row[10], withdrawnAt != null, today)));
      }
    }
    // The order the page has always shown: referrals oldest first, consents newest first.
    referrals.sort(
        Comparator.comparing(CaseView.ReferralLine::date)
            .thenComparingLong(CaseView.ReferralLine::id));
    consents.sort(
        Comparator.comparing(CaseView.ConsentLine::givenOn)
            .thenComparingLong(CaseView.ConsentLine::id)
            .reversed());
    return new ReferralsAndConsents(List.copyOf(referrals), List.copyOf(consents));
  }

  private List<CaseView.EmergencyAccessLine> emergencyAccesses(long caseId) {
    return em
        .createNamedQuery(BreakGlassAccess.FIND_BY_CASE, BreakGlassAccess.class)
        .setParameter("caseId", caseId)
        .getResultList()
        .stream()
        .map(
            b ->
                new CaseView.EmergencyAccessLine(
                    b.getId(),
                    b.getUser().getDisplayName(),
                    b.getUser().getOrganisation().getName(),
                    b.getCategory(),
                    b.getReason(),
                    b.getOpenedAt(),
                    b.getExpiresAt()))
        .toList();
  }
}
