package rs.astra.nrm.consent;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.NrmStage;
import rs.astra.nrm.referral.ReferralState;
import rs.astra.nrm.shared.JpqlEnumIndex;

/**
 * Loads {@link CaseFacts} for the policy: the cases with their emergency accesses, referrals (with
 * their categories) and consents (with theirs), for one case or a page of cases, in one query
 * however many cases ({@link #FACTS}), reading columns rather than entities. Runs inside the
 * caller's transaction.
 */
@Dependent
public class CaseFactsLoader {

  /**
   * The facts of the cases {@code :ids} in one query (issue 16, statements per request): four
   * branches of a JPQL {@code UNION ALL} whose columns have one type each, so a branch fills a
   * column it has no use for with one of its own of the same type, {@code -1} or a null of the
   * type, and nobody reads it. A referral's state and every purpose are the indexes of their
   * constants ({@link JpqlEnumIndex}): a literal would not convert. Columns: kind, case, id,
   * organisation, state or flags, purpose, category, two days, an instant —
   *
   * <ul>
   *   <li>{@code R}, a referral with one of its categories (or none): its id, the recipient, its
   *       state, its purpose, the category, its date (twice, unread), answered at (unread);
   *   <li>{@code K}, a consent with one of its categories (or none): its id, the recipient, -, its
   *       purpose, the category, given on, valid until, withdrawn at;
   *   <li>{@code C}, the case: its person, its owner, {@link #CLOSED} and {@link #MERGED} flags, -,
   *       -, opened on (unread), anonymised on, restricted since;
   *   <li>{@code B}, an emergency access: its id, its user, -, -, its category, the case's opening
   *       day (twice, unread), expires at.
   * </ul>
   */
  static final String FACTS =
      "select 'R', r.caseFile.id, r.id, r.toOrganisation.id, "
          + JpqlEnumIndex.of("r.state", ReferralState.class)
          + ", "
          + JpqlEnumIndex.of("r.purpose", Purpose.class)
          + ", g, r.referralDate, r.referralDate, r.answeredAt"
          + " from Referral r left join r.categories g where r.caseFile.id in :ids"
          + " union all select 'K', k.caseFile.id, k.id, k.recipient.id, -1, "
          + JpqlEnumIndex.of("k.purpose", Purpose.class)
          + ", g, k.givenOn, k.validUntil, k.withdrawnAt"
          + " from Consent k left join k.categories g where k.caseFile.id in :ids"
          + " union all select 'C', c.id, c.person.id, c.ownerOrganisation.id,"
          + " case when c.mergedIntoId is not null and c.stage = "
          + NrmStage.class.getName()
          + ".CLOSED then 3 when c.mergedIntoId is not null then 2 when c.stage = "
          + NrmStage.class.getName()
          + ".CLOSED then 1 else 0 end, -1,"
          // A null of the category's type (a literal would be its ordinal, which the column's
          // converter refuses): no row ever matches.
          + " (select min(x.category) from BreakGlassAccess x where 1 = 0),"
          + " c.openedOn, c.anonymisedOn, c.restrictedSince from CaseFile c where c.id in :ids"
          + " union all select 'B', b.caseFile.id, b.id, b.user.id, -1, -1, b.category,"
          + " b.caseFile.openedOn, b.caseFile.openedOn, b.expiresAt"
          + " from BreakGlassAccess b where b.caseFile.id in :ids";

  /** {@code C} row flag: the case is closed. */
  private static final int CLOSED = 1;

  /** {@code C} row flag: the case was merged into another (issue 19). */
  private static final int MERGED = 2;

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * The facts of one case.
   *
   * @param caseId the case
   * @return the facts, or empty when the case does not exist
   */
  public Optional<CaseFacts> load(long caseId) {
    return Optional.ofNullable(load(List.of(caseId)).get(caseId));
  }

  /**
   * The facts of several cases, in one query ({@link #FACTS}).
   *
   * @param caseIds the cases; at most a page (a few hundred)
   * @return facts by case id; ids of missing cases are absent
   */
  public Map<Long, CaseFacts> load(Collection<Long> caseIds) {
    Map<Long, CaseFacts> result = new HashMap<>();
    if (caseIds.isEmpty()) {
      return result;
    }
    Map<Long, Object[]> heads = new HashMap<>();
    Map<Long, List<CaseFacts.BreakGlassFact>> breakGlass = new HashMap<>();
    // Plain columns, not entities: following an entity's references (its case, its recipient) would
    // load each of them with a query of its own (N+1 on every page of the case list).
    Map<Long, Map<Long, CaseFacts.ReferralFact>> referrals = new HashMap<>();
    Map<Long, Map<Long, CaseFacts.ConsentFact>> consents = new HashMap<>();
    for (Object[] row :
        em.createQuery(FACTS, Object[].class).setParameter("ids", caseIds).getResultList()) {
      long caseId = (Long) row[1];
      long id = (Long) row[2];
      long organisationId = (Long) row[3];
      DataCategory category = (DataCategory) row[6];
      switch ((String) row[0]) {
        case "C" -> heads.put(caseId, row);
        case "B" ->
            breakGlass
                .computeIfAbsent(caseId, x -> new ArrayList<>())
                .add(new CaseFacts.BreakGlassFact(id, organisationId, category, (Instant) row[9]));
        case "R" ->
            referrals
                .computeIfAbsent(caseId, x -> new LinkedHashMap<>())
                .merge(
                    id,
                    new CaseFacts.ReferralFact(
                        id,
                        organisationId,
                        JpqlEnumIndex.constant(ReferralState.class, row[4]),
                        JpqlEnumIndex.constant(Purpose.class, row[5]),
                        category == null ? Set.of() : Set.of(category)),
                    CaseFacts.ReferralFact::withCategoriesOf);
        default ->
            consents
                .computeIfAbsent(caseId, x -> new LinkedHashMap<>())
                .merge(
                    id,
                    new CaseFacts.ConsentFact(
                        id,
                        organisationId,
                        JpqlEnumIndex.constant(Purpose.class, row[5]),
                        category == null ? Set.of() : Set.of(category),
                        (LocalDate) row[7],
                        (LocalDate) row[8],
                        (Instant) row[9]),
                    CaseFacts.ConsentFact::withCategoriesOf);
      }
    }
    heads.forEach(
        (id, head) -> {
          int flags = ((Number) head[4]).intValue();
          result.put(
              id,
              new CaseFacts(
                  id,
                  (Long) head[2],
                  (Long) head[3],
                  List.copyOf(referrals.getOrDefault(id, Map.of()).values()),
                  List.copyOf(consents.getOrDefault(id, Map.of()).values()),
                  breakGlass.getOrDefault(id, List.of()),
                  (flags & CLOSED) != 0,
                  head[9] != null,
                  head[8] != null,
                  (flags & MERGED) != 0));
        });
    return result;
  }
}
