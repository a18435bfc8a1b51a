package rs.astra.nrm.web;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Defines the portal's datasource {@code java:app/jdbc/nrm}, pooled by the server around {@link
 * rs.astra.nrm.operations.ConfiguredDataSource}, which connects to PostgreSQL when {@code
 * NRM_DB_URL} is set and to the embedded H2 file database under the data folder otherwise (see
 * {@link rs.astra.nrm.operations.DatabaseSettings}).
 *
 * <p>The pool survives a database restart (a minor update, a failover, a rescheduled container):
 * every connection is validated with JDBC 4's {@link java.sql.Connection#isValid(int)} before the
 * portal gets it (Payara's {@code custom-validation} with its {@code JDBC40ConnectionValidation},
 * one round trip of an empty statement on PostgreSQL), and when one connection fails validation the
 * pool closes all of them ({@code fail-all-connections}), since after a restart every pooled
 * connection is dead. New connections are opened as soon as the database answers again, so the
 * portal heals without a restart ({@code .ci/run}'s database-restart fault test, README "Faults").
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
      "fish.payara.fail-all-connections=true"
    })
@ApplicationScoped
public class NrmDataSource {}
