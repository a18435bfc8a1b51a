/**
 * Where the portal's database is and how it meets the database's absence: the settings read from
 * configuration ({@code nrm.db.*}), the JDBC source behind {@code java:app/jdbc/nrm}, the wait for
 * a database that is not reachable yet at start-up, and the persistence unit's one retry of a
 * statement that met a lost connection. Nothing here reads personal data; failures are logged with
 * their SQLState only.
 */
package rs.astra.nrm.operations;
