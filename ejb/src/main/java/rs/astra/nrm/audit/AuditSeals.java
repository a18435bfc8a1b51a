package rs.astra.nrm.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import rs.astra.nrm.operations.DatabaseMigrator;
import rs.astra.nrm.organisation.NotPermittedException;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.Viewer;

/**
 * The portal's side of the sealed audit trail ({@link AuditSealChain}): seals finished days for the
 * nightly job ({@link AuditSealTimer}) and lets an administrator verify the chain from the portal.
 * The same check runs from the command line ({@link AuditSealCheck}).
 */
@Stateless
public class AuditSeals {

  @Resource(lookup = DatabaseMigrator.DATASOURCE)
  private DataSource dataSource;

  @Inject private AuditTrail audit;

  /**
   * What the administrator's page shows.
   *
   * @param lastSeal the newest seal, or {@code null} when no day is sealed yet
   * @param verification the outcome of the check just made
   */
  public record Status(AuditSealChain.Seal lastSeal, AuditSealChain.Verification verification) {}

  /**
   * Seals the oldest unsealed day up to {@code lastDay}, in a transaction of its own.
   *
   * @param lastDay the last finished day that may be sealed (server clock)
   * @return the new seal, or empty when there is nothing left to seal
   * @throws EJBException when the database fails, or another server sealed the same day at the same
   *     moment (nothing of this call is stored then)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<AuditSealChain.Seal> sealNext(LocalDate lastDay) {
    try (Connection c = dataSource.getConnection()) {
      return AuditSealChain.sealNext(c, lastDay, LocalDateTime.now());
    } catch (SQLException e) {
      throw new EJBException("sealing failed, SQLState " + e.getSQLState());
    }
  }

  /**
   * Recomputes the whole seal chain and records that it was checked ({@link
   * ActivityRecord.Kind#AUDIT_SEAL_VERIFIED}, with the outcome as a code and the broken day).
   *
   * @param viewer an administrator
   * @return the newest seal and the outcome
   * @throws NotPermittedException for any other role
   * @throws EJBException when the database fails
   */
  public Status verify(Viewer viewer) {
    if (viewer == null || viewer.role() != PortalRole.ADMIN) {
      throw new NotPermittedException("audit seal");
    }
    try (Connection c = dataSource.getConnection()) {
      AuditSealChain.Verification v = AuditSealChain.verify(c);
      Optional<AuditSealChain.Seal> last = AuditSealChain.lastSeal(c);
      String detail =
          v.intact() ? "intact " + v.sealedDays() : "broken " + v.brokenDay() + " " + v.problem();
      audit.recordActivity(
          viewer,
          Instant.now(),
          ActivityRecord.Kind.AUDIT_SEAL_VERIFIED,
          null,
          null,
          detail,
          v.sealedDays());
      return new Status(last.orElse(null), v);
    } catch (SQLException e) {
      throw new EJBException("verification failed, SQLState " + e.getSQLState());
    }
  }
}
