package rs.astra.nrm.consent;

import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The facts of the cases read so far in the current request, each with the write generation ({@link
 * rs.astra.nrm.casefile.CaseFactsWrites#generation()}) taken before it was loaded. Only {@link
 * CaseAccess} uses it; it holds no decision, only the facts the policy decides on.
 */
@RequestScoped
public class RequestCaseFacts {

  /** Facts of one case as loaded, and the write generation before the load. */
  private record Kept(long generation, Optional<CaseFacts> facts) {}

  private final Map<Long, Kept> kept = new HashMap<>();

  /**
   * The facts kept for a case if no write happened since they were loaded.
   *
   * @param caseId the case
   * @param generation the current write generation
   * @return the kept facts (themselves empty when the case does not exist), or {@code null} when
   *     none are kept or they may be stale
   */
  synchronized Optional<CaseFacts> get(long caseId, long generation) {
    Kept k = kept.get(caseId);
    if (k == null || k.generation() != generation) {
      return null;
    }
    return k.facts();
  }

  /**
   * Keeps facts just loaded.
   *
   * @param caseId the case
   * @param generation the write generation taken before loading them
   * @param facts the facts, empty when the case does not exist
   */
  synchronized void put(long caseId, long generation, Optional<CaseFacts> facts) {
    kept.put(caseId, new Kept(generation, facts));
  }

  /** Forgets every case's facts (a write the entity listener cannot see). */
  synchronized void clear() {
    kept.clear();
  }
}
