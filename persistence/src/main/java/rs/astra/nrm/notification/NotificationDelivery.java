package rs.astra.nrm.notification;

/**
 * How a user wants to be told of one kind of event (issue 18, "Channels"): every notification is
 * always in the portal; this decides its e-mail.
 */
public enum NotificationDelivery {
  /** An e-mail at once (the default for every kind). */
  AT_ONCE,
  /**
   * One e-mail a day at {@value Notification#DIGEST_HOUR}:00 Europe/Belgrade listing the
   * notifications of this kind (and of the other kinds she chose so) since the last digest.
   */
  DAILY_DIGEST,
  /** No e-mail: the notification is only in the portal. */
  PORTAL_ONLY
}
