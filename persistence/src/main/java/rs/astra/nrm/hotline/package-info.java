/**
 * The NGO's SOS hotline: calls, job-offer checks and the registry of employers and recruitment
 * agencies they name. These records belong to the NGO that keeps the hotline (its tenant); they are
 * not HTCDS case data, which the standard does not cover.
 */
package rs.astra.nrm.hotline;
