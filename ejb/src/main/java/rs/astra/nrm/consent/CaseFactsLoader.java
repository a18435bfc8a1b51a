package rs.astra.nrm.consent;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.referral.ReferralState;

/**
 * Loads {@link CaseFacts} for the policy: one query each for cases with their emergency accesses,
 * referrals (with their categories) and consents (with theirs), for one case or a page of cases —
 * three queries however many cases, reading columns rather than entities. Runs inside the caller's
 * transaction.
 */
@Dependent
public class CaseFactsLoader {

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
   * The facts of several cases.
   *
   * @param caseIds the cases; at most a page (a few hundred)
   * @return facts by case id; ids of missing cases are absent
   */
  public Map<Long, CaseFacts> load(Collection<Long> caseIds) {
    Map<Long, CaseFacts> result = new HashMap<>();
    if (caseIds.isEmpty()) {
      return result;
    }
    Map<Long, long[]> heads = new HashMap<>();
    // The case's own columns with its emergency accesses, left-joined: one query for both (issue
    // 16, statements per request); a case has none or a few, so the rows hardly multiply.
    Map<Long, List<CaseFacts.BreakGlassFact>> breakGlass = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select c.id, c.person.id, c.ownerOrganisation.id, c.stage, c.restrictedSince,"
                    + " c.anonymisedOn, c.mergedIntoId, b.id, u.id, b.category, b.expiresAt"
                    + " from CaseFile c left join BreakGlassAccess b on b.caseFile = c"
                    + " left join b.user u where c.id in :ids",
                Object[].class)
            .setParameter("ids", caseIds)
            .getResultList()) {
      heads.putIfAbsent(
          (Long) row[0],
          new long[] {
            (Long) row[1],
            (Long) row[2],
            row[3] == rs.astra.nrm.casefile.NrmStage.CLOSED ? 1 : 0,
            row[4] != null ? 1 : 0,
            row[5] != null ? 1 : 0,
            row[6] != null ? 1 : 0
          });
      if (row[7] != null) {
        breakGlass
            .computeIfAbsent((Long) row[0], x -> new ArrayList<>())
            .add(
                new CaseFacts.BreakGlassFact(
                    (Long) row[7], (Long) row[8], (DataCategory) row[9], (Instant) row[10]));
      }
    }
    // Plain columns, not entities: following an entity's references (its case, its recipient) would
    // load each of them with a query of its own (N+1 on every page of the case list).
    Map<Long, Map<Long, CaseFacts.ReferralFact>> referrals = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select r.caseFile.id, r.id, r.toOrganisation.id, r.state, r.purpose, c from Referral r left join r.categories c"
                    + " where r.caseFile.id in :ids",
                Object[].class)
            .setParameter("ids", caseIds)
            .getResultList()) {
      Map<Long, CaseFacts.ReferralFact> ofCase =
          referrals.computeIfAbsent((Long) row[0], k -> new LinkedHashMap<>());
      CaseFacts.ReferralFact r =
          ofCase.computeIfAbsent(
              (Long) row[1],
              id ->
                  new CaseFacts.ReferralFact(
                      id,
                      (Long) row[2],
                      (ReferralState) row[3],
                      (Purpose) row[4],
                      EnumSet.noneOf(DataCategory.class)));
      if (row[5] != null) {
        ofCase.put(
            r.id(),
            new CaseFacts.ReferralFact(
                r.id(),
                r.toOrganisationId(),
                r.state(),
                r.purpose(),
                plus(r.categories(), (DataCategory) row[5])));
      }
    }
    Map<Long, Map<Long, CaseFacts.ConsentFact>> consents = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select k.caseFile.id, k.id, k.recipient.id, k.purpose, k.givenOn, k.validUntil, k.withdrawnAt, c from Consent k left join k.categories c"
                    + " where k.caseFile.id in :ids",
                Object[].class)
            .setParameter("ids", caseIds)
            .getResultList()) {
      Map<Long, CaseFacts.ConsentFact> ofCase =
          consents.computeIfAbsent((Long) row[0], k -> new LinkedHashMap<>());
      CaseFacts.ConsentFact k =
          ofCase.computeIfAbsent(
              (Long) row[1],
              id ->
                  new CaseFacts.ConsentFact(
                      id,
                      (Long) row[2],
                      (Purpose) row[3],
                      EnumSet.noneOf(DataCategory.class),
                      (LocalDate) row[4],
                      (LocalDate) row[5],
                      (Instant) row[6]));
      if (row[7] != null) {
        ofCase.put(
            k.id(),
            new CaseFacts.ConsentFact(
                k.id(),
                k.recipientOrganisationId(),
                k.purpose(),
                plus(k.categories(), (DataCategory) row[7]),
                k.givenOn(),
                k.validUntil(),
                k.withdrawnAt()));
      }
    }
    heads.forEach(
        (id, head) ->
            result.put(
                id,
                new CaseFacts(
                    id,
                    head[0],
                    head[1],
                    List.copyOf(referrals.getOrDefault(id, Map.of()).values()),
                    List.copyOf(consents.getOrDefault(id, Map.of()).values()),
                    breakGlass.getOrDefault(id, List.of()),
                    head[2] == 1,
                    head[3] == 1,
                    head[4] == 1,
                    head[5] == 1)));
    return result;
  }

  private static Set<DataCategory> plus(Set<DataCategory> categories, DataCategory category) {
    EnumSet<DataCategory> all =
        categories.isEmpty() ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(categories);
    all.add(category);
    return all;
  }
}
