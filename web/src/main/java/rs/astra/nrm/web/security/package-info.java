/**
 * Who may enter: the login mechanisms (and whether the REST API's is on, {@link
 * rs.astra.nrm.web.security.ApiSettings}) and identity store, and the signed-in user as the views
 * see her. The lowest of the web packages: it uses none of the others (the login form is {@code
 * rs.astra.nrm.web.organisation.Login}).
 */
package rs.astra.nrm.web.security;
