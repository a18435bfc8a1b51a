/**
 * The administrator's pages: organisations and users. Administrators manage who takes part in the
 * portal; they see no case data.
 */
package rs.astra.nrm.web.organisation;
