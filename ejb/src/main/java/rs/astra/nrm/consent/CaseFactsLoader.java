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
import rs.astra.nrm.referral.ReferralState;

/**
 * Loads {@link CaseFacts} for the policy: one query for cases with their emergency accesses, one
 * for their referrals (with their categories) and consents (with theirs), for one case or a page of
 * cases — two queries however many cases, reading columns rather than entities. Runs inside the
 * caller's transaction.
 */
@Dependent
public class CaseFactsLoader {

  /**
   * The referrals and consents of the cases {@code :ids}: kind ({@code R} or {@code K}), case, id,
   * recipient organisation, the referral's state as the index of its {@link ReferralState},
   * purpose, one category (or none), given on, valid until, withdrawn at (the last three a
   * consent's).
   */
  static final String REFERRALS_AND_CONSENTS =
      "select 'R', r.caseFile.id, r.id, r.toOrganisation.id, "
          + stateIndex("r.state")
          + ", r.purpose, c, r.referralDate, r.referralDate, r.answeredAt"
          + " from Referral r left join r.categories c where r.caseFile.id in :ids"
          + " union all select 'K', k.caseFile.id, k.id, k.recipient.id, -1, k.purpose, c,"
          + " k.givenOn, k.validUntil, k.withdrawnAt"
          + " from Consent k left join k.categories c where k.caseFile.id in :ids";

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /** A JPQL expression of a referral's state as the index of its constant. */
  private static String stateIndex(String path) {
    // JPQL wants an ELSE: the last state is it (a referral always has a state).
    ReferralState[] states = ReferralState.values();
    StringBuilder cases = new StringBuilder("case");
    for (int i = 0; i < states.length - 1; i++) {
      cases
          .append(" when ")
          .append(path)
          .append(" = ")
          .append(ReferralState.class.getName())
          .append('.')
          .append(states[i].name())
          .append(" then ")
          .append(i);
    }
    cases.append(" else ").append(states.length - 1);
    return cases.append(" end").toString();
  }

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
    // load each of them with a query of its own (N+1 on every page of the case list). Referrals and
    // consents are the two branches of one query (issue 16: statements per page); a branch's
    // columns
    // that mean nothing for its kind repeat one of its own of the same type, and are not read.
    Map<Long, Map<Long, CaseFacts.ReferralFact>> referrals = new HashMap<>();
    Map<Long, Map<Long, CaseFacts.ConsentFact>> consents = new HashMap<>();
    for (Object[] row :
        em.createQuery(REFERRALS_AND_CONSENTS, Object[].class)
            .setParameter("ids", caseIds)
            .getResultList()) {
      long caseId = (Long) row[1];
      DataCategory category = (DataCategory) row[6];
      if ("R".equals(row[0])) {
        Map<Long, CaseFacts.ReferralFact> ofCase =
            referrals.computeIfAbsent(caseId, x -> new LinkedHashMap<>());
        ofCase.put(
            (Long) row[2],
            ofCase
                .computeIfAbsent(
                    (Long) row[2],
                    id ->
                        new CaseFacts.ReferralFact(
                            id,
                            (Long) row[3],
                            ReferralState.values()[((Number) row[4]).intValue()],
                            (Purpose) row[5],
                            Set.of()))
                .with(category));
      } else {
        Map<Long, CaseFacts.ConsentFact> ofCase =
            consents.computeIfAbsent(caseId, x -> new LinkedHashMap<>());
        ofCase.put(
            (Long) row[2],
            ofCase
                .computeIfAbsent(
                    (Long) row[2],
                    id ->
                        new CaseFacts.ConsentFact(
                            id,
                            (Long) row[3],
                            (Purpose) row[5],
                            Set.of(),
                            (LocalDate) row[7],
                            (LocalDate) row[8],
                            (Instant) row[9]))
                .with(category));
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
}
