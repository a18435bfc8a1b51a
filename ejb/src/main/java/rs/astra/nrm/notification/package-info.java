/**
 * Notifications (issue 18): {@link rs.astra.nrm.notification.Notifications} writes them in the
 * transaction of the change that causes them (a transactional outbox); {@link
 * rs.astra.nrm.notification.NotificationService} reads a user's own; {@link
 * rs.astra.nrm.notification.MailOutbox} delivers their e-mails once, with retries, and {@link
 * rs.astra.nrm.notification.NotificationMail} writes them without personal data.
 */
package rs.astra.nrm.notification;
