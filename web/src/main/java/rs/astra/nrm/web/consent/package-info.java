/** Consent and emergency access on the case page. */
package rs.astra.nrm.web.consent;
