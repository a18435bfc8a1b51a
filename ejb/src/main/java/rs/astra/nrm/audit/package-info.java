/**
 * Writing and reading the audit trail of access to personal data, and the data-subject access
 * report built from it.
 */
package rs.astra.nrm.audit;
