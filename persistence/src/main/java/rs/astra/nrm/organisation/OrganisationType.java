package rs.astra.nrm.organisation;

/**
 * The kind of institution an {@link Organisation} is. Each kind has its own job in the National
 * Referral Mechanism and its own view of a shared case.
 */
public enum OrganisationType {
  /** A non-governmental organisation running case management, the SOS hotline and reintegration. */
  NGO,
  /** A police unit, e.g. the Border Police Directorate. */
  POLICE,
  /** A public prosecutor's office. */
  PROSECUTOR,
  /** A centre for social work (centar za socijalni rad). */
  SOCIAL_WORK_CENTRE,
  /** A health institution. */
  HEALTH,
  /** The state Centre for Protection of Victims of Trafficking, which decides formal identification. */
  CPTV
}
