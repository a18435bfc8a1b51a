package rs.astra.nrm.operations;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * How the persistence unit meets a lost database connection (named in {@code persistence.xml}).
 * EclipseLink tries a statement that failed on a communication error again on a new connection, by
 * default up to three times with 5 s between tries, so the first request during a database outage
 * waited about 10 s for its answer. Here it tries once more, {@value #RETRY_DELAY_MILLIS} ms later:
 * a connection that died in the pool (the database restarted) is still replaced without the user
 * noticing, and an outage is answered "temporarily unavailable" at once.
 */
public class DatabaseLossCustomizer implements SessionCustomizer {

  /** Pause before the one repeat of a statement that met a lost connection, in milliseconds. */
  public static final int RETRY_DELAY_MILLIS = 200;

  /** Tries of a statement after a communication failure. */
  public static final int RETRIES = 1;

  /** Created by EclipseLink. */
  public DatabaseLossCustomizer() {}

  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(RETRIES);
      login.setDelayBetweenConnectionAttempts(RETRY_DELAY_MILLIS);
    }
  }
}
