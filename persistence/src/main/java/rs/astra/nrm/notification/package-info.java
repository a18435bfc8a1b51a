/**
 * Notifications (issue 18): the events that tell institutions what waits for them — in the portal
 * and by e-mail — without personal data in any message. {@link
 * rs.astra.nrm.notification.Notification} is both the in-portal notification and the outbox row of
 * its e-mail.
 */
package rs.astra.nrm.notification;
