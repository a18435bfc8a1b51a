/**
 * Who may enter: the login mechanism and identity store, and the signed-in user as the views see
 * her.
 */
package rs.astra.nrm.web.security;
