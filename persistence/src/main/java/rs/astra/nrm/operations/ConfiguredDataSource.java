package rs.astra.nrm.operations;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The JDBC source behind {@code java:app/jdbc/nrm}: opens connections to the database named by
 * {@link DatabaseSettings} (PostgreSQL or the embedded H2), through the driver its URL names. The
 * server pools and validates the connections; this class only opens them, and at start-up waits for
 * a database that is not reachable yet ({@link DatabaseStartupWait}).
 */
public class ConfiguredDataSource implements DataSource {

  private final DatabaseSettings settings = DatabaseSettings.current();

  /**
   * One per class loader, i.e. per deployment: every pool and the persistence unit's login share
   * it.
   */
  private static final DatabaseStartupWait STARTUP_WAIT =
      DatabaseStartupWait.configured(System.getProperties()::getProperty, System.getenv());

  private volatile Driver driver;
  private PrintWriter logWriter;
  private int loginTimeout;

  /** Created by the server from the datasource definition. */
  public ConfiguredDataSource() {}

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(settings.user(), settings.password());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    Driver d = driver();
    return STARTUP_WAIT.connect(
        () -> {
          Connection c =
              d.connect(settings.url(), settings.connectionProperties(username, password));
          if (c == null) {
            throw new SQLException("no JDBC driver accepts the configured database URL");
          }
          return c;
        });
  }

  private Driver driver() throws SQLException {
    Driver d = driver;
    if (d == null) {
      String name =
          settings.url().startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : "org.h2.Driver";
      try {
        d =
            (Driver)
                Class.forName(name, true, ConfiguredDataSource.class.getClassLoader())
                    .getDeclaredConstructor()
                    .newInstance();
      } catch (ReflectiveOperationException e) {
        throw new SQLException("JDBC driver " + name + " not available", e);
      }
      driver = d;
    }
    return d;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
