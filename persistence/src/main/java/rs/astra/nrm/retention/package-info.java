/**
 * Storage limitation (GDPR Art. 5(1)(e), issue 21): legal holds that keep a case from being
 * anonymised, and the record of every retention run and erasure with its counts.
 */
package rs.astra.nrm.retention;
