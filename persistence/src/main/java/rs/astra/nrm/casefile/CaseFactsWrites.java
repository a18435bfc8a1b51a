package rs.astra.nrm.casefile;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the writes to what the access policy's facts are made of (cases, referrals, consents,
 * emergency accesses), so that facts kept for the rest of a request are never served after a change
 * (issue 16: one access decision per request). A JPA entity listener on those four entities: every
 * insert, update or delete of one of them, in any transaction of any thread, moves the counter on,
 * at the moment its SQL is sent (at flush, before any later query of the same transaction).
 *
 * <p>The counter is global, not per case: following an entity's case to learn its id could load the
 * case with a query of its own during the flush. A write elsewhere therefore only costs a reload of
 * facts kept elsewhere; it can never keep stale ones. Writes that bypass JPA's life cycle (bulk
 * JPQL, native SQL) are not seen: the portal makes none to these tables.
 *
 * <p>In the casefile model (the facts hang on the case), so that the case entity's listener does
 * not tie the casefile model to the consent model, which points to it (issue 16).
 */
public class CaseFactsWrites {

  private static final AtomicLong WRITES = new AtomicLong();

  /**
   * The number of writes seen so far in this JVM.
   *
   * @return a count that only grows; equal values mean that no write happened in between
   */
  public static long generation() {
    return WRITES.get();
  }

  /**
   * Called by JPA after a case, referral, consent or emergency access was inserted, updated or
   * deleted (the SQL sent, not yet committed).
   *
   * @param entity the entity written (not read)
   */
  @PostPersist
  @PostUpdate
  @PostRemove
  public void written(Object entity) {
    WRITES.incrementAndGet();
  }
}
