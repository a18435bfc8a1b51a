package rs.astra.nrm.operations;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with Flyway when the application starts, before anything
 * else touches the database (other start-up beans declare {@code @DependsOn("DatabaseMigrator")}).
 *
 * <p>Migrations live in the persistence jar: {@code db/migration/common} for SQL that H2 and
 * PostgreSQL both accept, and {@code db/migration/h2} or {@code db/migration/postgresql} for
 * vendor-specific SQL. A failed migration stops the deployment: the portal never runs on a schema
 * it does not know.
 */
@Singleton(name = "DatabaseMigrator")
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

  /** JNDI name of the portal's datasource, defined by the web module. */
  public static final String DATASOURCE = "java:app/jdbc/nrm";

  private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

  @Resource(lookup = DATASOURCE)
  private DataSource dataSource;

  private volatile boolean migrated;
  private volatile String schemaVersion;
  private volatile boolean postgresql;

  @PostConstruct
  void migrate() {
    String vendor = vendor();
    postgresql = "postgresql".equals(vendor);
    // Several instances starting at once on one PostgreSQL database (issue 20): Flyway takes a
    // PostgreSQL advisory lock around the migration, so one instance migrates and the others wait
    // for it, then find the schema current and apply nothing.
    Flyway flyway =
        Flyway.configure(rs.astra.nrm.casefile.CaseFile.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
            .failOnMissingLocations(false)
            .load();
    MigrateResult result = flyway.migrate();
    schemaVersion =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion;
    migrated = true;
    LOG.log(
        Level.INFO,
        "Database schema at version {0} ({1} migrations applied now)",
        new Object[] {schemaVersion, result.migrationsExecuted});
  }

  /** The vendor folder of the connected database: {@code postgresql} or {@code h2}. */
  private String vendor() {
    try (java.sql.Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
      return product.contains("postgres") ? "postgresql" : "h2";
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("database not reachable at start-up", e);
    }
  }

  /**
   * Tells whether the migrations ran to the end at start-up.
   *
   * @return {@code true} once the schema is current
   */
  public boolean isMigrated() {
    return migrated;
  }

  /**
   * Tells whether the portal runs on PostgreSQL (several instances may share it) rather than the
   * embedded H2 database (one instance).
   *
   * @return {@code true} on PostgreSQL, known once the migrations ran
   */
  public boolean isPostgresql() {
    return postgresql;
  }

  /**
   * The schema version Flyway reported at start-up.
   *
   * @return e.g. {@code "1"}, or {@code null} before migration
   */
  public String getSchemaVersion() {
    return schemaVersion;
  }
}
