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
 * Flyway migrations ran at start-up. Reports no data, only the schema version.
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
    return HealthCheckResponse.named("database")
        .status(reachable && migrated)
        .withData("reachable", reachable)
        .withData("migrated", migrated)
        .withData("schemaVersion", String.valueOf(migrator.getSchemaVersion()))
        .build();
  }
}
