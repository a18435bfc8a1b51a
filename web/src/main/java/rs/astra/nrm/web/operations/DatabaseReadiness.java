package rs.astra.nrm.web.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import rs.astra.nrm.operations.DatabaseMigrator;

/**
 * Readiness (MicroProfile Health, {@code /health/ready}): UP when the database answers and the
 * Flyway migrations ran at start-up, DOWN otherwise. It is open to anybody (a load balancer asks it
 * without a login), so it says nothing else: no schema version, no reason (the server's log has
 * them: the schema version at start-up, the database's state on every change).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = DatabaseMigrator.DATASOURCE)
  private DataSource dataSource;

  @Inject private DatabaseMigrator migrator;

  @Override
  public HealthCheckResponse call() {
    boolean reachable;
    try (Connection c = dataSource.getConnection()) {
      reachable = c.isValid(2);
    } catch (Exception e) {
      reachable = false;
    }
    boolean migrated = migrator.isMigrated();
    return HealthCheckResponse.named("database").status(reachable && migrated).build();
  }
}
