package rs.astra.nrm.consent;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rs.astra.nrm.referral.Referral;

/**
 * Loads {@link CaseFacts} for the policy: one query each for cases, referrals, consents and
 * emergency accesses, for one case or a page of cases. Runs inside the caller's transaction.
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
    for (Object[] row :
        em.createQuery("select c.id, c.person.id, c.ownerOrganisation.id from CaseFile c where c.id in :ids", Object[].class)
            .setParameter("ids", caseIds)
            .getResultList()) {
      heads.put((Long) row[0], new long[] {(Long) row[1], (Long) row[2]});
    }
    Map<Long, List<CaseFacts.ReferralFact>> referrals = new HashMap<>();
    for (Referral r :
        em.createQuery("select distinct r from Referral r left join fetch r.categories where r.caseFile.id in :ids", Referral.class)
            .setParameter("ids", caseIds)
            .getResultList()) {
      referrals
          .computeIfAbsent(r.getCaseFile().getId(), k -> new ArrayList<>())
          .add(new CaseFacts.ReferralFact(r.getId(), r.getToOrganisation().getId(), r.getState(), r.getPurpose(), r.getCategories()));
    }
    Map<Long, List<CaseFacts.ConsentFact>> consents = new HashMap<>();
    for (Consent k :
        em.createQuery("select distinct k from Consent k left join fetch k.categories where k.caseFile.id in :ids", Consent.class)
            .setParameter("ids", caseIds)
            .getResultList()) {
      consents
          .computeIfAbsent(k.getCaseFile().getId(), x -> new ArrayList<>())
          .add(
              new CaseFacts.ConsentFact(
                  k.getId(), k.getRecipient().getId(), k.getPurpose(), k.getCategories(), k.getGivenOn(), k.getValidUntil(), k.getWithdrawnAt()));
    }
    Map<Long, List<CaseFacts.BreakGlassFact>> breakGlass = new HashMap<>();
    for (BreakGlassAccess b :
        em.createQuery("select b from BreakGlassAccess b where b.caseFile.id in :ids", BreakGlassAccess.class)
            .setParameter("ids", caseIds)
            .getResultList()) {
      breakGlass
          .computeIfAbsent(b.getCaseFile().getId(), x -> new ArrayList<>())
          .add(new CaseFacts.BreakGlassFact(b.getId(), b.getUser().getId(), b.getCategory(), b.getExpiresAt()));
    }
    heads.forEach(
        (id, head) ->
            result.put(
                id,
                new CaseFacts(
                    id,
                    head[0],
                    head[1],
                    referrals.getOrDefault(id, List.of()),
                    consents.getOrDefault(id, List.of()),
                    breakGlass.getOrDefault(id, List.of()))));
    return result;
  }
}
