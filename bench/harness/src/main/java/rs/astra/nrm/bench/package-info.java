/**
 * The benchmark harness: creates a database, generates the caseload, starts the portal and the
 * framework floor on Payara Micro, and measures the case list, the same SQL over JDBC, a mixed load
 * of concurrent sessions, start-up, memory and the HTCDS import (docs/benchmarks.md).
 */
package rs.astra.nrm.bench;
