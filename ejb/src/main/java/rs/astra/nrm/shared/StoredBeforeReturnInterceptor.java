package rs.astra.nrm.shared;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.NoResultException;
import jakarta.persistence.NonUniqueResultException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The interceptor of {@link StoredBeforeReturn}: flushes the persistence context inside the
 * business method's transaction and turns the persistence provider's exceptions into the
 * application's own, whose messages hold no data. It logs only the exception's class and the
 * database's SQLState, never its message (which names the rows' values).
 */
@StoredBeforeReturn
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class StoredBeforeReturnInterceptor {

  private static final Logger LOG = Logger.getLogger(StoredBeforeReturnInterceptor.class.getName());

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * @param call the business method's invocation
   * @return what the method returned
   * @throws Exception what the method threw, with the persistence provider's exceptions replaced by
   *     {@link ConcurrentUpdateException} (optimistic locking) or {@link StorageRefusedException}
   */
  @AroundInvoke
  public Object storeBeforeReturn(InvocationContext call) throws Exception {
    String where =
        call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName();
    Object result;
    try {
      result = call.proceed();
    } catch (NoResultException | NonUniqueResultException e) {
      // A query's answer, not a refused change: the method's own business.
      throw e;
    } catch (PersistenceException e) {
      throw replacement(e, where);
    }
    try {
      if (em.isJoinedToTransaction()) {
        em.flush();
      }
    } catch (PersistenceException e) {
      throw replacement(e, where);
    }
    return result;
  }

  /**
   * The data-free exception that replaces a persistence provider's exception.
   *
   * @param e the provider's exception (its message is never used)
   * @param where the business method, for the log
   * @return the replacement
   */
  static RuntimeException replacement(PersistenceException e, String where) {
    if (isOptimisticLock(e)) {
      return new ConcurrentUpdateException("a record (" + where + ")");
    }
    String sqlState = null;
    for (Throwable t = e;
        t != null && sqlState == null;
        t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s) {
        sqlState = s.getSQLState();
      }
    }
    LOG.log(
        Level.WARNING,
        "the database refused a change in {0}: {1}, SQLState {2}",
        new Object[] {where, e.getClass().getName(), sqlState});
    return new StorageRefusedException(where, sqlState);
  }

  private static boolean isOptimisticLock(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockException
          || t.getClass().getName().endsWith(".OptimisticLockException")) {
        return true;
      }
    }
    return false;
  }
}
