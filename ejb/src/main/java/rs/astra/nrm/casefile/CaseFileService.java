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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.Referral;

/**
 * Reads cases for the case list and the case page, always through {@link CaseAccessRule}: paging,
 * sorting and filtering happen in the database, and rows the viewer may not see are never loaded.
 */
@Stateless
public class CaseFileService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccessRule rule;

  /**
   * One page of the cases the viewer may see.
   *
   * @param viewer who is asking
   * @param query page, order and filters
   * @return at most {@code query.pageSize()} rows; personal columns only on rows the viewer owns
   */
  public List<CaseRow> list(Viewer viewer, CaseListQuery query) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> q = cb.createTupleQuery();
    Root<CaseFile> c = q.from(CaseFile.class);
    Join<CaseFile, Person> p = c.join("person");
    Join<CaseFile, Organisation> owner = c.join("ownerOrganisation");
    Predicate owned = rule.ownedBy(cb, c, viewer);
    Expression<String> firstName = cb.<String>selectCase().when(owned, p.<String>get("firstName")).otherwise(cb.nullLiteral(String.class));
    Expression<String> secondName = cb.<String>selectCase().when(owned, p.<String>get("secondName")).otherwise(cb.nullLiteral(String.class));
    q.multiselect(
        c.get("id"),
        c.get("code"),
        c.get("openedOn"),
        c.get("status"),
        c.get("typeOfExploitation"),
        owner.get("name"),
        firstName,
        secondName,
        owner.get("id"));
    q.where(filters(cb, q, c, p, viewer, query));
    q.orderBy(order(cb, c, p, owned, query));
    List<Tuple> tuples =
        em.createQuery(q).setFirstResult(query.first()).setMaxResults(query.pageSize()).getResultList();
    List<CaseRow> rows = new ArrayList<>(tuples.size());
    for (Tuple t : tuples) {
      boolean own = t.get(8, Long.class) == viewer.organisationId();
      Set<TypeOfExploitation> types = MultiValueColumn.toEnums(TypeOfExploitation.class, t.get(4, String.class));
      rows.add(
          new CaseRow(
              t.get(0, Long.class),
              t.get(1, String.class),
              t.get(2, java.time.LocalDate.class),
              t.get(3, CaseStatus.class),
              List.copyOf(types),
              t.get(5, String.class),
              own ? fullName(t.get(6, String.class), t.get(7, String.class)) : null,
              own ? CaseAccess.OWNER : CaseAccess.RECIPIENT));
    }
    return rows;
  }

  /**
   * Counts the cases the viewer may see with the query's filters (paging ignored).
   *
   * @param viewer who is asking
   * @param query the filters
   * @return the number of rows {@link #list} can page through
   */
  public long count(Viewer viewer, CaseListQuery query) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> q = cb.createQuery(Long.class);
    Root<CaseFile> c = q.from(CaseFile.class);
    Join<CaseFile, Person> p = c.join("person");
    q.select(cb.count(c)).where(filters(cb, q, c, p, viewer, query));
    return em.createQuery(q).getSingleResult();
  }

  /**
   * The case page, holding what the viewer may see of the case.
   *
   * @param viewer who is asking
   * @param caseId the case id
   * @return the case, or empty when it does not exist or the viewer may not see it (the two are
   *     deliberately indistinguishable)
   */
  public Optional<CaseView> find(Viewer viewer, long caseId) {
    CaseFile c = em.find(CaseFile.class, caseId);
    if (c == null) {
      return Optional.empty();
    }
    List<Referral> referrals =
        em.createNamedQuery(Referral.FIND_BY_CASE, Referral.class).setParameter("caseId", caseId).getResultList();
    Set<Long> liveRecipients =
        referrals.stream()
            .filter(r -> rule.isLive(r.getState()))
            .map(r -> r.getToOrganisation().getId())
            .collect(Collectors.toSet());
    CaseAccess access = rule.decide(c.getOwnerOrganisation().getId(), liveRecipients, viewer);
    if (access == CaseAccess.NONE) {
      return Optional.empty();
    }
    boolean owner = access == CaseAccess.OWNER;
    List<CaseView.ReferralLine> lines =
        referrals.stream()
            .filter(r -> owner || r.getToOrganisation().getId() == viewer.organisationId())
            .map(
                r ->
                    new CaseView.ReferralLine(
                        r.getId(),
                        r.getFromOrganisation().getName(),
                        r.getToOrganisation().getName(),
                        r.getReason(),
                        r.getDetails(),
                        r.getReferralDate(),
                        r.getState()))
            .toList();
    return Optional.of(
        new CaseView(
            c.getId(),
            c.getVersion(),
            c.getCode(),
            access,
            c.getStatus(),
            List.copyOf(c.getTypeOfExploitation()),
            c.getOpenedOn(),
            c.getOwnerOrganisation().getName(),
            owner ? c.getOwnerUser().getDisplayName() : null,
            owner ? personSection(c.getPerson()) : null,
            owner ? victimSection(c) : null,
            lines));
  }

  private Predicate[] filters(
      CriteriaBuilder cb, CriteriaQuery<?> q, Root<CaseFile> c, Join<CaseFile, Person> p, Viewer viewer, CaseListQuery query) {
    List<Predicate> where = new ArrayList<>();
    where.add(rule.visibleTo(cb, q, c, viewer));
    if (query.codeContains() != null && !query.codeContains().isBlank()) {
      where.add(cb.like(cb.upper(c.get("code")), like(query.codeContains().toUpperCase(Locale.ROOT))));
    }
    if (query.status() != null) {
      where.add(cb.equal(c.get("status"), query.status()));
    }
    if (query.nameContains() != null && !query.nameContains().isBlank()) {
      String pattern = like(query.nameContains().toLowerCase(Locale.ROOT));
      where.add(rule.ownedBy(cb, c, viewer));
      where.add(
          cb.or(
              cb.like(cb.lower(p.get("firstName")), pattern),
              cb.like(cb.lower(p.get("secondName")), pattern)));
    }
    return where.toArray(Predicate[]::new);
  }

  private static String like(String fragment) {
    String escaped = fragment.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }

  private static List<Order> order(
      CriteriaBuilder cb, Root<CaseFile> c, Join<CaseFile, Person> p, Predicate owned, CaseListQuery query) {
    List<Expression<?>> keys = new ArrayList<>();
    switch (query.sortBy()) {
      case CODE -> keys.add(c.get("code"));
      case STATUS -> keys.add(c.get("status"));
      case PERSON_NAME -> {
        keys.add(cb.<String>selectCase().when(owned, p.<String>get("secondName")).otherwise(cb.nullLiteral(String.class)));
        keys.add(cb.<String>selectCase().when(owned, p.<String>get("firstName")).otherwise(cb.nullLiteral(String.class)));
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

  private static CaseView.PersonSection personSection(Person p) {
    String address =
        java.util.stream.Stream.of(p.getMailingStreet(), joinNonBlank(p.getMailingPostalCode(), p.getMailingCity()))
            .filter(s -> s != null && !s.isBlank())
            .collect(Collectors.joining(", "));
    return new CaseView.PersonSection(
        p.getFirstName(),
        p.getSecondName(),
        p.getBirthdate(),
        p.getGender(),
        List.copyOf(p.getCitizenship()),
        p.getMobilePhone(),
        p.getEmail(),
        address.isEmpty() ? null : address);
  }

  private static String joinNonBlank(String a, String b) {
    return java.util.stream.Stream.of(a, b).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
  }

  private static CaseView.VictimSection victimSection(CaseFile c) {
    return new CaseView.VictimSection(
        c.getTraffickingStatus(),
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
        c.getConsentFlag());
  }
}
