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
 * never done twice (a second instance sees the row, or waits for the first one's commit and then
 * sees it) and never lost (a run that rolled back left no claim; the next instance's timer does
 * it). {@link JobTimers} runs the {@link ScheduledJob}s through {@link #runOnce}. Holds no personal
 * data.
 */
@Stateless
public class ScheduledRuns {

  /** Whether the database is PostgreSQL; asked of the connection on the first claim. */
  private static volatile Boolean postgresql;

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * Does a job's period unless an instance did it already: claims the period and runs the work in
   * one new transaction, which commits both or neither.
   *
   * @param job the job
   * @param period the period's name ({@link JobSchedule#period})
   * @param slot the run's wall-clock time in Europe/Belgrade, handed to the job
   * @return {@code true} when this call did the work; {@code false} when the period was done
   * @throws RuntimeException what the work threw; its transaction and the claim rolled back
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean runOnce(ScheduledJob job, String period, LocalDateTime slot) {
    if (!claim(job.name(), period)) {
      return false;
    }
    job.run(slot);
    return true;
  }

  /**
   * Claims a job's period in the caller's transaction. On PostgreSQL, where several instances may
   * run, a claim made at the same moment as another instance's waits for that transaction: if it
   * commits, this claim finds the period done; if it rolls back, this one takes the period.
   *
   * @param job the job's name, at most 60 characters, e.g. {@code daily-notices}
   * @param period the period, at most 40 characters, e.g. the day {@code 2026-12-05} (Europe/
   *     Belgrade) or the hour {@code 2026-12-05T14:00}
   * @return {@code true} when this run does the period's work; {@code false} when it was done
   * @throws jakarta.persistence.PersistenceException on the embedded H2 database (one instance),
   *     when another run of the same instance claims it at the same moment (its key wins; this
   *     transaction must roll back)
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean claim(String job, String period) {
    LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
    if (onPostgresql()) {
      return em.createNativeQuery(
                  "insert into scheduled_run (job, period, started_at) values (?, ?, ?)"
                      + " on conflict (job, period) do nothing")
              .setParameter(1, job)
              .setParameter(2, period)
              .setParameter(3, now)
              .executeUpdate()
          == 1;
    }
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
        .setParameter(3, now)
        .executeUpdate();
    return true;
  }

  /** Whether the database is PostgreSQL, asked of the connection once. */
  private boolean onPostgresql() {
    Boolean known = postgresql;
    if (known == null) {
      try {
        known =
            em.unwrap(java.sql.Connection.class)
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(java.util.Locale.ROOT)
                .contains("postgres");
      } catch (java.sql.SQLException e) {
        throw new jakarta.persistence.PersistenceException(e);
      }
      postgresql = known;
    }
    return known;
  }
}
