package rs.astra.nrm.shared;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Scheduled work done once per period across every portal instance (issue 18's morning notices,
 * issue 20 "Work that must happen once"): a job claims its period ({@code scheduled_run}, V25)
 * inside the transaction of its work. The claim commits with the work or not at all, so a period is
 * never done twice (a second instance sees the row, or waits on its key and fails, its own work
 * rolling back) and never lost (a run that rolled back left no claim; the next instance's timer
 * does it). Holds no personal data.
 */
@Stateless
public class ScheduledRuns {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * Claims a job's period in the caller's transaction.
   *
   * @param job the job's name, at most 60 characters, e.g. {@code daily-notices}
   * @param period the period, at most 40 characters, e.g. the day {@code 2026-12-05} (Europe/
   *     Belgrade) or the hour {@code 2026-12-05T14}
   * @return {@code true} when this run does the period's work; {@code false} when it was done
   * @throws jakarta.persistence.PersistenceException when another instance claims it at the same
   *     moment (its key wins; this transaction must roll back)
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean claim(String job, String period) {
    long done =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from scheduled_run where job = ? and period = ?")
                    .setParameter(1, job)
                    .setParameter(2, period)
                    .getSingleResult())
            .longValue();
    if (done > 0) {
      return false;
    }
    em.createNativeQuery("insert into scheduled_run (job, period, started_at) values (?, ?, ?)")
        .setParameter(1, job)
        .setParameter(2, period)
        .setParameter(3, LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
        .executeUpdate();
    return true;
  }
}
