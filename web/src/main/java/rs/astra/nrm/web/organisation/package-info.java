/**
 * The administrator's pages: organisations and users, and the requests that wait for a second
 * administrator; the data protection officer's list of them. Administrators manage who takes part
 * in the portal; they see no case data. Also the login form ({@link
 * rs.astra.nrm.web.organisation.Login}) of the organisations' users.
 */
package rs.astra.nrm.web.organisation;
