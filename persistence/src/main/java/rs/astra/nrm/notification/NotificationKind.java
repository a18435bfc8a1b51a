package rs.astra.nrm.notification;

/**
 * What a notification is about (issue 18, "Events"). Each kind names its recipients in {@code
 * rs.astra.nrm.notification.Notifications}; its texts are in the three message bundles.
 */
public enum NotificationKind {
  /** A referral was sent to the recipient's organisation (to those who answer referrals). */
  REFERRAL_RECEIVED,
  /** The recipient organisation accepted a referral (to the sending organisation's case staff). */
  REFERRAL_ACCEPTED,
  /** The recipient organisation rejected a referral (to the sending organisation's case staff). */
  REFERRAL_REJECTED,
  /** The recipient organisation completed a referral (to the sending organisation's case staff). */
  REFERRAL_COMPLETED,
  /** An emergency access was opened on a case (to the owning organisation's coordinators). */
  EMERGENCY_ACCESS_OPENED,
  /** Formal identification was decided (to the owning organisation's case staff). */
  IDENTIFICATION_DECIDED
}
