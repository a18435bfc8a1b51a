package rs.astra.nrm.web;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Defines the portal's datasource {@code java:app/jdbc/nrm}: the embedded H2 file database under
 * the data folder ({@code nrm.data.dir}, a system property; the README's run command sets it to
 * {@code ./data}). Payara resolves {@code ${...}} from system properties at deployment.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/nrm",
    className = "org.h2.jdbcx.JdbcDataSource",
    url = "jdbc:h2:file:${nrm.data.dir}/nrm",
    user = "nrm",
    password = "nrm",
    minPoolSize = 1,
    maxPoolSize = 20)
@ApplicationScoped
public class NrmDataSource {}
