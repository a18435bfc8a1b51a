package rs.astra.nrm.web;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Defines the portal's datasource {@code java:app/jdbc/nrm}, pooled by the server around {@link
 * rs.astra.nrm.operations.ConfiguredDataSource}, which connects to PostgreSQL when {@code
 * NRM_DB_URL} is set and to the embedded H2 file database under the data folder otherwise (see
 * {@link rs.astra.nrm.operations.DatabaseSettings}).
 *
 * <p>The pool survives a database restart (a minor update, a failover, a rescheduled container): a
 * connection is validated with JDBC 4's {@link java.sql.Connection#isValid(int)} before the portal
 * gets it (Payara's {@code custom-validation} with its {@code JDBC40ConnectionValidation}, one
 * round trip of an empty statement on PostgreSQL), and when one connection fails validation the
 * pool closes all of them ({@code fail-all-connections}), since after a restart every pooled
 * connection is dead. New connections are opened as soon as the database answers again, so the
 * portal heals without a restart ({@code .ci/run}'s database-restart fault test, README "When the
 * database goes away").
 *
 * <p>A connection is validated at most once in 2 seconds ({@code
 * validate-atmost-once-period-in-seconds}): EclipseLink takes a connection from the pool for every
 * read outside a write, so validating each checkout was half of a case page's statements (issue 16:
 * 35 of the owner's 80). An outage of the database lasts longer than that (a restart takes
 * seconds), so after it every pooled connection is validated at its first checkout, as before. Only
 * a connection checked within the 2 s before the database went away and taken again within 2 s of
 * its return can meet the dead socket unvalidated: its statement fails, is tried once more on
 * another connection ({@code DatabaseLossCustomizer}), and at worst that request is answered
 * "temporarily unavailable", as the requests during the outage are.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/nrm",
    className = "rs.astra.nrm.operations.ConfiguredDataSource",
    minPoolSize = 1,
    maxPoolSize = 30,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true",
      "fish.payara.validate-atmost-once-period-in-seconds="
          + NrmDataSource.VALIDATE_AT_MOST_ONCE_IN_SECONDS
    })
@ApplicationScoped
public class NrmDataSource {

  /** Seconds within which a pooled connection is not validated again (see the class comment). */
  static final int VALIDATE_AT_MOST_ONCE_IN_SECONDS = 2;
}
