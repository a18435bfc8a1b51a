package rs.astra.nrm.hotline;

/** Where the caller found a job offer. Stored by name. */
public enum OfferSource {
  /** An advert on a website. */
  ONLINE_ADVERT,
  /** A social network or messaging group. */
  SOCIAL_NETWORK,
  /** A recruitment agency. */
  AGENCY,
  /** Friends, family or acquaintances. */
  WORD_OF_MOUTH
}
