package rs.astra.nrm.consent;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import rs.astra.nrm.audit.RequestId;
import rs.astra.nrm.casefile.CaseFactsWrites;

/**
 * The facts of a case (what {@link AccessPolicy} decides on) for every section of one request: a
 * case page's sections (the case, its timeline, support plan, proceedings, referrals, consents,
 * emergency accesses, hotline links, access report, stage) ask here instead of loading them each
 * again (issue 16: one access decision per request; a case page ran 27–71 statements). The
 * decisions themselves are still taken, and audited, by {@link AccessEnforcer}.
 *
 * <p>When the facts are kept: only in a request for a portal page (marked by the web module's
 * {@code PageViewFilter}, {@link RequestId#isPageView()}). Elsewhere — EJB timers, start-up,
 * services called directly, a request with no request context — every call loads the facts again,
 * as {@link CaseFactsLoader} always did.
 *
 * <p>Why kept facts are never stale after a change: every write of a case, referral, consent or
 * emergency access moves {@link CaseFactsWrites#generation()} on when its SQL is sent, and facts
 * are served only while the generation is the one taken before they were loaded. A change not yet
 * sent in the current transaction (a consent withdrawn and then the case read in the same
 * transaction) is flushed first, so that it counts too. A write the listener cannot see is
 * announced with {@link #changed()}.
 */
@Dependent
public class CaseAccess {

  @Inject private CaseFactsLoader loader;
  @Inject private Instance<RequestCaseFacts> kept;
  @Inject private Instance<RequestId> requestId;

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Resource private TransactionSynchronizationRegistry transactions;

  /**
   * The facts of one case, loaded at most once per page request while nothing is written.
   *
   * @param caseId the case
   * @return the facts, or empty when the case does not exist
   */
  public Optional<CaseFacts> facts(long caseId) {
    RequestCaseFacts store = store();
    if (store == null) {
      return loader.load(caseId);
    }
    flushPendingWrites();
    long generation = CaseFactsWrites.generation();
    Optional<CaseFacts> facts = store.get(caseId, generation);
    if (facts == null) {
      facts = loader.load(caseId);
      store.put(caseId, generation, facts);
    }
    return facts;
  }

  /**
   * Forgets the facts kept in this request, for a write that does not pass through the entities'
   * life cycle (none today: the entity listener sees every write the portal makes).
   */
  public void changed() {
    RequestCaseFacts store = store();
    if (store != null) {
      store.clear();
    }
  }

  /** The request's store, or {@code null} when facts are not kept (not a page request). */
  private RequestCaseFacts store() {
    try {
      RequestId current = requestId.get();
      if (!current.isPageView()) {
        return null;
      }
      RequestCaseFacts store = kept.get();
      store.get(0L, -1L); // touches the proxy: throws here when the context is not active
      return store;
    } catch (ContextNotActiveException e) {
      return null;
    }
  }

  /**
   * Sends the current transaction's pending changes, if any, so that the entity listener sees them
   * before kept facts are served: the loader's query would have flushed them too (flush mode AUTO).
   * Nothing is sent when nothing changed.
   */
  private void flushPendingWrites() {
    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE && em.isJoinedToTransaction()) {
      em.flush();
    }
  }
}
