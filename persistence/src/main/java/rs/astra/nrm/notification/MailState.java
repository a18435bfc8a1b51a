package rs.astra.nrm.notification;

/** Where a notification's e-mail stands (issue 18, "Delivery that loses nothing"). */
public enum MailState {
  /** No e-mail: the recipient has no address. The notification is in the portal only. */
  NONE,
  /** To be sent at {@code next_attempt_at} or later. */
  PENDING,
  /** Sent once; never sent again. */
  SENT,
  /** Given up after the last retry; the reason is kept for administrators. */
  FAILED
}
