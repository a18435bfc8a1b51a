/**
 * The SOS hotline's pages: the call log with the new-call form and its job-offer check, the
 * registry of employers and agencies, the hotline statistics, and the hotline's part of the case
 * page and of the home page.
 */
package rs.astra.nrm.web.hotline;
