/**
 * Writing the audit trail of access to personal data (the data-subject access report built from it
 * is the rights context's: {@code rs.astra.nrm.rights.AccessReportService}). Depends on the consent
 * model's values ({@code Decision}, {@code AccessAction}), never on the consent services, which
 * call it.
 */
package rs.astra.nrm.audit;
