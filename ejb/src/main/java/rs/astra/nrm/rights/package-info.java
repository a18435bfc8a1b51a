/**
 * Data-subject rights (issue 21): the register of data-subject requests, kept by the organisation's
 * data protection officer and read by its coordinators, with the legal deadlines and their notice;
 * and the data subject's access report (GDPR Art. 15, {@link
 * rs.astra.nrm.rights.AccessReportService}) built from the audit trail.
 */
package rs.astra.nrm.rights;
