package rs.astra.nrm.casefile;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Hands out human case codes, {@code NRM-<year>-XXXX-XXXX} (e.g. {@code NRM-2026-K7QX-M4P2}): the
 * year the case was opened and eight random characters of Crockford's base-32 alphabet (digits and
 * capitals without I, L, O and U, so that a code read over the phone is not misheard).
 *
 * <p>The code carries no count (issue 15): with one counter for all organisations, a new NGO's
 * first case code told how many cases the others had. 40 random bits leave about 10<sup>12</sup>
 * codes a year; a code already taken — in the database or earlier in the same import — is drawn
 * again, and the database's unique key on {@code case_file.code} still guards the rare race of two
 * transactions. Codes of the earlier form {@code NRM-2026-00042} stay valid.
 */
@Dependent
public class CaseCodes {

  /** Crockford's base-32 alphabet. */
  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Resource private TransactionSynchronizationRegistry transaction;

  /** Key of the codes handed out in the current transaction, not necessarily flushed yet. */
  private static final Object HANDED_OUT = CaseCodes.class.getName() + ".handedOut";

  /**
   * The case a code names, whoever may read it: the caller asks the policy next (a case she may not
   * read must look like one that does not exist).
   *
   * @param code a case code as typed: surrounding blanks are ignored and small letters read as
   *     capitals; {@code null} or blank names no case
   * @return the case's id, empty when no case has that code
   */
  public Optional<Long> idOf(String code) {
    String normalised = normalise(code);
    if (normalised.isEmpty()) {
      return Optional.empty();
    }
    return em.createQuery("select c.id from CaseFile c where c.code = :code", Long.class)
        .setParameter("code", normalised)
        .getResultStream()
        .findFirst();
  }

  /**
   * @param code a case code as typed, may be {@code null}
   * @return it without surrounding blanks, in capitals ({@code ""} for none)
   */
  public static String normalise(String code) {
    return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
  }

  /**
   * The next case code, not used by any stored case nor handed out before in the same transaction
   * (an import's cases are flushed only at its end).
   *
   * @param year the year the case was opened
   * @return e.g. {@code NRM-2026-K7QX-M4P2}
   */
  public String next(int year) {
    @SuppressWarnings("unchecked")
    Set<String> handedOut = (Set<String>) transaction.getResource(HANDED_OUT);
    if (handedOut == null) {
      handedOut = new HashSet<>();
      transaction.putResource(HANDED_OUT, handedOut);
    }
    while (true) {
      String code = random(year);
      // COMMIT: nothing pending is flushed first; with the default flush mode every code of an
      // import flushed (and re-checked) all cases persisted before it, which made the HTCDS import
      // quadratic (docs/benchmarks.md). The pending ones are in handedOut instead.
      if (handedOut.contains(code)) {
        continue;
      }
      boolean taken =
          !em.createQuery("select c.id from CaseFile c where c.code = :code", Long.class)
              .setParameter("code", code)
              .setFlushMode(FlushModeType.COMMIT)
              .setMaxResults(1)
              .getResultList()
              .isEmpty();
      if (!taken) {
        handedOut.add(code);
        return code;
      }
    }
  }

  /**
   * A code of the current form with random characters.
   *
   * @param year the year
   * @return {@code NRM-yyyy-XXXX-XXXX}
   */
  static String random(int year) {
    StringBuilder b = new StringBuilder(18).append(String.format("NRM-%04d-", year));
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        b.append('-');
      }
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
