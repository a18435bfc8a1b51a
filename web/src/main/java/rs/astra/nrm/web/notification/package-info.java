/**
 * The notifications in the portal (issue 18): the unread count in the header and the user's list.
 */
package rs.astra.nrm.web.notification;
