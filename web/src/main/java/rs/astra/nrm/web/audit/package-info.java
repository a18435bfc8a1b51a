/** Pages of the audit trail's own integrity: the administrator's verification of its seal. */
package rs.astra.nrm.web.audit;
