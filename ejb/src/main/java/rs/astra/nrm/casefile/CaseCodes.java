package rs.astra.nrm.casefile;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Hands out human case codes, {@code NRM-<year>-<number>} (e.g. {@code NRM-2026-00042}); the number
 * comes from the database sequence {@code case_code_seq} and never repeats, across years too.
 */
@Dependent
public class CaseCodes {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * The next case code.
   *
   * @param year the year the case was opened
   * @return e.g. {@code NRM-2026-00042}
   */
  public String next(int year) {
    // nextval('...') is understood by both PostgreSQL and H2.
    // The number does not depend on anything pending, so nothing is flushed first: with the default
    // flush mode every code of an import flushed (and re-checked) all cases persisted before it,
    // which made the HTCDS import quadratic (docs/benchmarks.md).
    Number n = (Number) em.createNativeQuery("select nextval('case_code_seq')").setFlushMode(FlushModeType.COMMIT).getSingleResult();
    return String.format("NRM-%04d-%05d", year, n.longValue());
  }
}
