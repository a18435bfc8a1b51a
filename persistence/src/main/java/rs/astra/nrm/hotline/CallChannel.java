package rs.astra.nrm.hotline;

/** How a call reached the hotline. Stored by name. */
public enum CallChannel {
  /** A phone call to the SOS hotline. */
  PHONE,
  /** A text message. */
  SMS,
  /** An e-mail. */
  EMAIL,
  /** A message on a social network. */
  SOCIAL_NETWORK,
  /** A visit to the NGO's office. */
  WALK_IN
}
