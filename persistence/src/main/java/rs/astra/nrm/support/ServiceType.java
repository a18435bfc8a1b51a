package rs.astra.nrm.support;

import rs.astra.nrm.casefile.DataCategory;

/**
 * The type of a service on a case's support plan: first the HTCDS 2.0 support-plan types ({@code
 * spl_Type}; constant names are the HTCDS value names), then the services an anti-trafficking NGO
 * arranges every day that HTCDS does not name (local extensions). Stored by name, so renaming a
 * constant needs a migration.
 *
 * <p>Each type belongs to one data category: {@link DataCategory#HEALTH} for health care and
 * medical examinations, whose mere existence reveals data concerning health (GDPR Art. 4(15) and 9;
 * Law on Personal Data Protection, Sl. glasnik RS 87/2018, art. 17), and {@link
 * DataCategory#SOCIAL} for every other service. Psychological counselling is psychosocial support
 * given by NGO and centre-for-social-work psychologists, so it is SOCIAL; psychiatric treatment is
 * recorded as {@link #Health}.
 */
public enum ServiceType {
  /** HTCDS {@code Education}: schooling, vocational training. */
  Education(true, DataCategory.SOCIAL),
  /** HTCDS {@code Financial}: financial assistance. */
  Financial(true, DataCategory.SOCIAL),
  /** HTCDS {@code Health}: health care and treatment. */
  Health(true, DataCategory.HEALTH),
  /** HTCDS {@code LabourExploitationRehabilitation}. */
  LabourExploitationRehabilitation(true, DataCategory.SOCIAL),
  /** HTCDS {@code Legal}: legal aid and representation. */
  Legal(true, DataCategory.SOCIAL),
  /** HTCDS {@code Livelihood}: employment, income generation. */
  Livelihood(true, DataCategory.SOCIAL),
  /** HTCDS {@code RightsBasedTraining}. */
  RightsBasedTraining(true, DataCategory.SOCIAL),
  /** HTCDS {@code SexualExploitationRehabilitation}. */
  SexualExploitationRehabilitation(true, DataCategory.SOCIAL),
  /** HTCDS {@code SocialCare}: social protection services of a centre for social work. */
  SocialCare(true, DataCategory.SOCIAL),
  /** Local: identity and other documents (personal card, passport, residence). */
  Documents(false, DataCategory.SOCIAL),
  /** Local: accommodation, e.g. in a safe house or the Urgent Reception Centre. */
  Accommodation(false, DataCategory.SOCIAL),
  /** Local: psychological counselling (psychosocial support). */
  PsychologicalCounselling(false, DataCategory.SOCIAL),
  /** Local: medical examination. */
  MedicalExamination(false, DataCategory.HEALTH),
  /** Local: interpretation. */
  Interpretation(false, DataCategory.SOCIAL),
  /** Local: accompaniment (to institutions, hearings, appointments). */
  Accompaniment(false, DataCategory.SOCIAL),
  /** Local: transport. */
  Transport(false, DataCategory.SOCIAL),
  /** Local: assisted voluntary return to the country of origin. */
  AssistedReturn(false, DataCategory.SOCIAL);

  private final boolean htcds;
  private final DataCategory category;

  ServiceType(boolean htcds, DataCategory category) {
    this.htcds = htcds;
    this.category = category;
  }

  /**
   * @return whether this is an HTCDS 2.0 {@code spl_Type} value (otherwise a local extension)
   */
  public boolean isHtcds() {
    return htcds;
  }

  /**
   * @return the data category a service of this type belongs to: SOCIAL or HEALTH
   */
  public DataCategory category() {
    return category;
  }
}
