package rs.astra.nrm.organisation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kind of institution an {@link Organisation} is. Each kind has its own job in the National
 * Referral Mechanism and its own view of a shared case.
 */
public enum OrganisationType {
  /** A non-governmental organisation running case management, the SOS hotline and reintegration. */
  NGO,
  /** A police unit, e.g. the Border Police Directorate (Uprava granične policije). */
  POLICE,
  /** A public prosecutor's office. */
  PROSECUTOR,
  /** A centre for social work (centar za socijalni rad). */
  SOCIAL_WORK_CENTRE,
  /** A health institution. */
  HEALTH,
  /**
   * The state Centre for Protection of Victims of Trafficking, which decides formal identification.
   */
  CPTV;

  /**
   * The roles a user of an organisation of this kind may have — the one table an administrator's
   * grant, a single sign-on token and every sign-in are checked against (issue 15: an administrator
   * must not make an NGO coordinator inside the police, nor an administrator inside a centre for
   * social work). Every kind has its data protection officer (Law on Personal Data Protection, art.
   * 56); the portal's administrators and hotline operators work for the NGO that runs it.
   *
   * @return the roles, never empty
   */
  public Set<PortalRole> roles() {
    return switch (this) {
      case NGO ->
          EnumSet.of(
              PortalRole.NGO_CASEWORKER,
              PortalRole.NGO_COORDINATOR,
              PortalRole.HOTLINE_OPERATOR,
              PortalRole.ADMIN,
              PortalRole.DPO);
      case POLICE -> EnumSet.of(PortalRole.POLICE_OFFICER, PortalRole.DPO);
      case PROSECUTOR -> EnumSet.of(PortalRole.PROSECUTOR, PortalRole.DPO);
      case SOCIAL_WORK_CENTRE -> EnumSet.of(PortalRole.CSW_OFFICER, PortalRole.DPO);
      case HEALTH -> EnumSet.of(PortalRole.HEALTH_WORKER, PortalRole.DPO);
      case CPTV -> EnumSet.of(PortalRole.CPTV_OFFICER, PortalRole.DPO);
    };
  }

  /**
   * Whether a user of an organisation of this kind may have a role.
   *
   * @param role the role
   * @return {@code true} when {@link #roles()} has it
   */
  public boolean allows(PortalRole role) {
    return roles().contains(role);
  }

  /**
   * Whether users of this kind record social-work assessments of a case (centres for social work;
   * the one place this rule is stated: entity, service and case page ask here; Social Protection
   * Act, RS Official Gazette 24/2011).
   *
   * @return {@code true} for {@link #SOCIAL_WORK_CENTRE}
   */
  public boolean recordsAssessments() {
    return this == SOCIAL_WORK_CENTRE;
  }

  /**
   * Whether users of this kind record treatments of a case (health institutions).
   *
   * @return {@code true} for {@link #HEALTH}
   */
  public boolean recordsTreatments() {
    return this == HEALTH;
  }
}
