package rs.astra.nrm.casefile;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cases merged into a case (issue 19), as the case's own rows say while the merges stand
 * ({@code case_file.merged_into_id}; an undone merge clears it): for the steps that act on a case
 * together with everything merged into it — its anonymisation at the end of retention, the data
 * subject's access report. Reads case ids only; nothing personal.
 */
public final class MergeChains {

  /** How many levels of merges into merges are followed at most. */
  public static final int MAX_LEVELS = 64;

  private MergeChains() {}

  /**
   * The cases merged into a case, also those merged into a case that was merged into it later:
   * level by level, at most {@value #MAX_LEVELS} levels deep, never a case twice (so a cycle, which
   * the merge itself refuses, cannot loop).
   *
   * @param em the caller's persistence context (a read; no transaction needed)
   * @param caseId the surviving case
   * @return the absorbed cases' ids, nearest level first; empty when nothing was merged into it
   */
  public static List<Long> absorbedInto(EntityManager em, long caseId) {
    List<Long> absorbed = new ArrayList<>();
    Set<Long> seen = new HashSet<>(List.of(caseId));
    List<Long> level = List.of(caseId);
    for (int depth = 0; depth < MAX_LEVELS && !level.isEmpty(); depth++) {
      List<Long> next = new ArrayList<>();
      for (Long id :
          em.createQuery(
                  "select c.id from CaseFile c where c.mergedIntoId in :level order by c.id",
                  Long.class)
              .setParameter("level", level)
              .getResultList()) {
        if (seen.add(id)) {
          next.add(id);
          absorbed.add(id);
        }
      }
      level = next;
    }
    return absorbed;
  }
}
