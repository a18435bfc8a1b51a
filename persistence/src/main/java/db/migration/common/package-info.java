/**
 * Flyway migrations written in Java, for data SQL cannot compute (such as the name keys, which need
 * the transliteration of {@link rs.astra.nrm.shared.NameMatchKey}). The package is the migration
 * location {@code db/migration/common} itself, so every Flyway run that takes the SQL migrations
 * (the portal, the tests, the benchmark) takes these with them, in version order.
 */
package db.migration.common;
