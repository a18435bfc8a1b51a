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
  /**
   * The owner proposes to transfer a case to the organisation (to its users who answer referrals).
   */
  TRANSFER_PROPOSED,
  /**
   * The owner withdrew a transfer it had proposed to the organisation (to those told of the
   * proposal: its users who answer referrals).
   */
  TRANSFER_WITHDRAWN,
  /**
   * The receiving organisation accepted a transfer (to the proposing organisation's case staff).
   */
  TRANSFER_ACCEPTED,
  /**
   * The receiving organisation declined a transfer (to the proposing organisation's case staff).
   */
  TRANSFER_DECLINED,
  /** An emergency access was opened on a case (to the owning organisation's coordinators). */
  EMERGENCY_ACCESS_OPENED,
  /** Formal identification was decided (to the owning organisation's case staff). */
  IDENTIFICATION_DECIDED,
  /** A consent on a case ends in 14 days (to the owning organisation's case staff). */
  CONSENT_EXPIRING,
  /** A referral the organisation sent has had no answer for 5 working days (to its case staff). */
  REFERRAL_OVERDUE,
  /** A referral to the organisation has waited 5 working days for its answer (to its answerers). */
  REFERRAL_UNANSWERED,
  /** The owner reviewed an emergency access (to the user who opened it). */
  EMERGENCY_ACCESS_REVIEWED,
  /** The owner found an emergency access not justified (to its data protection officers). */
  EMERGENCY_ACCESS_NOT_JUSTIFIED,
  /**
   * An emergency access was not reviewed within 3 working days (to the owning organisation's data
   * protection officers).
   */
  EMERGENCY_REVIEW_OVERDUE,
  /**
   * A hearing in the case's proceedings is tomorrow (to each user whom the access policy lets read
   * that hearing's entry: the organisations that may read the proceedings).
   */
  HEARING_TOMORROW,
  /**
   * A data subject's request in the register is due within 7 days and not answered (to the
   * organisation's data protection officers and coordinators; issue 21).
   */
  DSR_DUE_SOON,
  /**
   * The owner corrected a category of a case the organisation received through a live referral
   * (GDPR Art. 19, issue 21; to its users who read case data): the case code and the category,
   * never the value.
   */
  CASE_DATA_CORRECTED,
  /**
   * A proposed transfer lapsed because the person's consent it rested on expired (to the proposing
   * organisation's case staff, who did not act; the receiving organisation is told {@link
   * #TRANSFER_WITHDRAWN}, as for a withdrawal).
   */
  TRANSFER_LAPSED
}
