package rs.astra.nrm.notification;

/** Where a notification's e-mail stands (issue 18, "Delivery that loses nothing"). */
public enum MailState {
  /** No e-mail: the recipient has no address. The notification is in the portal only. */
  NONE,
  /** To be sent at {@code next_attempt_at} or later. */
  PENDING,
  /**
   * To be sent in the recipient's daily digest at {@code next_attempt_at} (07:00 Europe/Belgrade)
   * or later: one e-mail for all of her digest notifications then due.
   */
  DIGEST,
  /** Sent once; never sent again. */
  SENT,
  /** Given up after the last retry; the reason is kept for administrators. */
  FAILED
}
