/**
 * The audit trail of access to personal data (evidencija pristupa): append-only records that let a
 * data subject be shown who saw what of her data, when, and on what basis (GDPR Art. 15, 30).
 */
package rs.astra.nrm.audit;
