package rs.astra.nrm.consent;

/**
 * Why data is shared with an institution (purpose limitation, GDPR Art. 5(1)(b)). A consent and a
 * referral each have exactly one purpose, and data shared for one purpose is not read for another.
 */
public enum Purpose {
  /** Formal identification of a presumed victim. */
  IDENTIFICATION,
  /** Accommodation, e.g. a shelter or safe house. */
  ACCOMMODATION,
  /** Medical examination and treatment. */
  HEALTH_CARE,
  /** Psychological and social support. */
  PSYCHOSOCIAL_SUPPORT,
  /** Legal aid and representation. */
  LEGAL_AID,
  /** Criminal proceedings against traffickers. */
  CRIMINAL_PROCEEDINGS,
  /** Social protection by a centre for social work. */
  SOCIAL_PROTECTION,
  /** Education, employment and the other steps of reintegration. */
  REINTEGRATION
}
