/**
 * The case of a presumed or identified victim and its data subject, modelled on the HTCDS 2.0
 * {@code cas_*}, {@code vic_*} and {@code prs_*} fields, with HTCDS picklists as enums.
 */
package rs.astra.nrm.casefile;
