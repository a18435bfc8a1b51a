/**
 * Storage limitation and erasure (GDPR Art. 5(1)(e) and 17; issue 21): the retention schedule and
 * its nightly job, legal holds, erasure on request, and the anonymisation of a case that all of
 * them end in — rows stay for the statistics, personal values and free text go.
 */
package rs.astra.nrm.retention;
