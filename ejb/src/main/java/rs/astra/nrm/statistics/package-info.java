/**
 * Statistics and reports that protect identities: figures counted in the database, small-cell
 * protection for every figure that leaves the owning organisation, the statistics-only store of
 * historical CTDC records and the monthly summaries computed by a timer.
 */
package rs.astra.nrm.statistics;
