/** The pages' side of transferring a case to another organisation (issue 19). */
package rs.astra.nrm.web.transfer;
