package rs.astra.nrm.operations;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the portal's database is, from configuration: system properties first, then environment
 * variables (the MicroProfile Config names and their environment forms).
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>property</th><th>environment</th><th>default</th></tr>
 *   <tr><td>nrm.db.url</td><td>NRM_DB_URL</td><td>{@code jdbc:h2:file:<data dir>/nrm}</td></tr>
 *   <tr><td>nrm.db.user</td><td>NRM_DB_USER</td><td>{@code nrm}</td></tr>
 *   <tr><td>nrm.db.password</td><td>NRM_DB_PASSWORD</td><td>{@code nrm} (for H2 only)</td></tr>
 *   <tr><td>nrm.data.dir</td><td>NRM_DATA_DIR</td><td>{@code ./data}</td></tr>
 * </table>
 *
 * @param url the JDBC URL ({@code jdbc:postgresql:...} or {@code jdbc:h2:...})
 * @param user the database user
 * @param password the password, may be empty
 */
public record DatabaseSettings(String url, String user, String password) {

  /** The environment variables the portal reads for its database. */
  public static final java.util.List<String> ENVIRONMENT =
      java.util.List.of("NRM_DB_URL", "NRM_DB_USER", "NRM_DB_PASSWORD", "NRM_DATA_DIR");

  /**
   * @throws NullPointerException if a value is {@code null}
   */
  public DatabaseSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /**
   * Reads the settings of this process.
   *
   * @return the settings
   */
  public static DatabaseSettings current() {
    return from(System.getProperties()::getProperty, System.getenv());
  }

  /**
   * Reads settings from a property source and an environment (testable form of {@link #current()}).
   *
   * @param properties property lookup, e.g. {@code System.getProperties()::getProperty}
   * @param environment environment variables
   * @return the settings
   */
  public static DatabaseSettings from(
      Function<String, String> properties, Map<String, String> environment) {
    String dataDir =
        first(properties.apply("nrm.data.dir"), environment.get("NRM_DATA_DIR"), "data");
    String defaultUrl = "jdbc:h2:file:" + Path.of(dataDir).toAbsolutePath().normalize() + "/nrm";
    String url = first(properties.apply("nrm.db.url"), environment.get("NRM_DB_URL"), defaultUrl);
    boolean h2 = url.startsWith("jdbc:h2:");
    String user =
        first(properties.apply("nrm.db.user"), environment.get("NRM_DB_USER"), h2 ? "nrm" : "");
    String password =
        first(
            properties.apply("nrm.db.password"),
            environment.get("NRM_DB_PASSWORD"),
            h2 ? "nrm" : "");
    return new DatabaseSettings(url, user, password);
  }

  /**
   * The properties the JDBC driver connects with: user and password, and for PostgreSQL the session
   * option {@code jit=off} unless the URL sets {@code options} itself. The portal's statements are
   * short; PostgreSQL's JIT compiler (on by default) compiles any statement whose estimated cost
   * exceeds {@code jit_above_cost}, and the access policy's {@code EXISTS} subqueries make the case
   * list's estimates pass it: compiling took 10–40 ms per execution, more than the query itself
   * (measured at 100,000 cases, docs/benchmarks.md).
   *
   * <p>For PostgreSQL also {@code reWriteBatchedInserts=true}, unless the URL sets it: a JDBC batch
   * of inserts (the portal's audit records of a page, one per category and basis, sent as one batch
   * through {@code eclipselink.jdbc.batch-writing}) goes as one multi-row {@code INSERT} instead of
   * one statement per record (issue 16, statements per page). The driver then answers such a batch
   * with no row counts ({@code SUCCESS_NO_INFO}); only inserts are rewritten, and EclipseLink's
   * optimistic-lock check of batched updates and deletes still gets theirs.
   *
   * @param user the user to connect as ({@code null}: the configured one)
   * @param password its password ({@code null}: the configured one)
   * @return new properties for {@link java.sql.Driver#connect}
   */
  public java.util.Properties connectionProperties(String user, String password) {
    java.util.Properties props = new java.util.Properties();
    props.setProperty("user", user == null ? this.user : user);
    props.setProperty("password", password == null ? this.password : password);
    if (url.startsWith("jdbc:postgresql:") && !url.contains("options=")) {
      props.setProperty("options", "-c jit=off");
    }
    if (url.startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts=")) {
      props.setProperty("reWriteBatchedInserts", "true");
    }
    return props;
  }

  /**
   * @return whether this is the embedded H2 database
   */
  public boolean embedded() {
    return url.startsWith("jdbc:h2:");
  }

  private static String first(String a, String b, String fallback) {
    if (a != null && !a.isBlank()) {
      return a.strip();
    }
    if (b != null && !b.isBlank()) {
      return b.strip();
    }
    return fallback;
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "DatabaseSettings[url=" + url + ", user=" + user + "]";
  }
}
