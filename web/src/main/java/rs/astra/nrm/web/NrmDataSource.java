package rs.astra.nrm.web;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Defines the portal's datasource {@code java:app/jdbc/nrm}, pooled by the server around
 * {@link ConfiguredDataSource}, which connects to PostgreSQL when {@code NRM_DB_URL} is set and to
 * the embedded H2 file database under the data folder otherwise (see {@link DatabaseSettings}).
 */
@DataSourceDefinition(
    name = "java:app/jdbc/nrm",
    className = "rs.astra.nrm.web.ConfiguredDataSource",
    minPoolSize = 1,
    maxPoolSize = 30)
@ApplicationScoped
public class NrmDataSource {}
