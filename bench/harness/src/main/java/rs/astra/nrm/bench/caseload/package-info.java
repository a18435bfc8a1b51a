/**
 * The caseload generator: fills a Flyway-migrated PostgreSQL database with a deterministic,
 * national-scale caseload (organisations, users, persons, cases, referrals, consents, proceedings,
 * emergency accesses, timeline events and audit records) through {@code COPY}, for the benchmarks.
 */
package rs.astra.nrm.bench.caseload;
