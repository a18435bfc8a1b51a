package rs.astra.nrm.organisation;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of NRM Portal. A user has exactly one. The {@link #roleName()} is the name used in
 * Jakarta Security ({@code @RolesAllowed}, {@code isCallerInRole}) and, later, in the Keycloak
 * realm's roles.
 */
public enum PortalRole {
  /** NGO caseworker (voditelj slučaja) who manages her own cases. */
  NGO_CASEWORKER("ngo-caseworker"),
  /** NGO coordinator who approves, imports and supervises the NGO's caseload. */
  NGO_COORDINATOR("ngo-coordinator"),
  /** Professional of a centre for social work. */
  CSW_OFFICER("csw-officer"),
  /** Police officer. */
  POLICE_OFFICER("police-officer"),
  /** Public prosecutor. */
  PROSECUTOR("prosecutor"),
  /** Health worker of a health institution. */
  HEALTH_WORKER("health-worker"),
  /** Officer of the Centre for Protection of Victims of Trafficking. */
  CPTV_OFFICER("cptv-officer"),
  /** Administrator: users, organisations and imports; reads no case's personal data. */
  ADMIN("admin"),
  /**
   * Data protection officer (lice za zaštitu podataka o ličnosti) of an organisation: reads the
   * audit trail and prepares access reports for its cases; reads no case data otherwise.
   */
  DPO("dpo"),
  /**
   * SOS hotline operator of an NGO (issue 7): takes and records hotline calls and job-offer checks,
   * searches the registry of employers and agencies, reads the hotline statistics; reads no case
   * data (a caseworker opens a case from a call). Data minimisation, GDPR Art. 5(1)(c) and 25.
   */
  HOTLINE_OPERATOR("hotline-operator");

  /**
   * Whether the role reads no case data at all (administrators, data protection officers and
   * hotline operators).
   *
   * @return {@code true} for ADMIN, DPO and HOTLINE_OPERATOR
   */
  public boolean readsNoCaseData() {
    return this == ADMIN || this == DPO || this == HOTLINE_OPERATOR;
  }

  /**
   * Whether the role still reads a case of its own organisation whose processing is restricted
   * (GDPR Art. 18, issue 21: "only the owner's coordinators and the data protection officer"). The
   * owner's caseworkers do not: a restriction narrows who reads to those who answer for it.
   *
   * @return {@code true} for NGO_COORDINATOR
   */
  public boolean readsRestrictedCases() {
    return this == NGO_COORDINATOR;
  }

  /**
   * Whether the role opens and owns cases: the NGO's caseworkers and coordinators. A case belongs
   * to the NGO that identified and supports the person (the NRM's first-line actor); every other
   * institution works on it through referrals. Stated here once: the new-case form, the case owner
   * of an HTCDS import and the pages that offer owner actions all ask this.
   *
   * @return {@code true} for NGO_CASEWORKER and NGO_COORDINATOR
   */
  public boolean ownsCases() {
    return this == NGO_CASEWORKER || this == NGO_COORDINATOR;
  }

  /**
   * Whether the role merges two of its organisation's cases of one person, undoes a merge and marks
   * two cases "not the same person" (issue 19): the NGO's coordinator, who answers for her
   * organisation's cases — a merge moves every record of one case to another.
   *
   * @return {@code true} for NGO_COORDINATOR
   */
  public boolean mergesCases() {
    return this == NGO_COORDINATOR;
  }

  /**
   * Whether the role may import a caseload from a spreadsheet (HTCDS): the NGO's coordinator, who
   * answers for her organisation's cases, and the administrator who moves a whole caseload in.
   *
   * @return {@code true} for NGO_COORDINATOR and ADMIN
   */
  public boolean importsCaseloads() {
    return this == NGO_COORDINATOR || this == ADMIN;
  }

  /**
   * Whether the role keeps its organisation's register of data-subject requests — registers,
   * extends and answers them (GDPR Art. 12(3), Serbian Law on Personal Data Protection Art. 21;
   * issue 21): the data protection officer.
   *
   * @return {@code true} for DPO
   */
  public boolean keepsRequestRegister() {
    return this == DPO;
  }

  /**
   * Whether the role reads its organisation's register of data-subject requests (and is told of
   * requests due soon): the data protection officer and the NGO's coordinator, who answers for the
   * cases the requests are about.
   *
   * @return {@code true} for DPO and NGO_COORDINATOR
   */
  public boolean readsRequestRegister() {
    return keepsRequestRegister() || this == NGO_COORDINATOR;
  }

  /**
   * Whether the role records and lifts legal holds on its organisation's cases and sees their
   * retention list (issue 21; GDPR Art. 17(3), Art. 5(2)): the data protection officer and the
   * NGO's coordinator, who answers for the organisation's cases.
   *
   * @return {@code true} for DPO and NGO_COORDINATOR
   */
  public boolean keepsLegalHolds() {
    return this == DPO || this == NGO_COORDINATOR;
  }

  /**
   * Whether giving this role to a user takes a second administrator's approval (four eyes, issue
   * 15: "administration that cannot escalate"): every role that reads case data, and the
   * administrator's and the data protection officer's roles, which decide who reads it. Only the
   * hotline operator's role takes effect at once. A new password for a user with such a role needs
   * the approval too.
   *
   * @return {@code false} for HOTLINE_OPERATOR only
   */
  public boolean grantNeedsSecondAdministrator() {
    return !readsNoCaseData() || this == ADMIN || this == DPO;
  }

  private final String roleName;

  PortalRole(String roleName) {
    this.roleName = roleName;
  }

  /**
   * @return the security role name, e.g. {@code ngo-caseworker}
   */
  public String roleName() {
    return roleName;
  }

  /**
   * Finds a role by its security role name.
   *
   * @param roleName e.g. {@code police-officer}; {@code null} gives an empty result
   * @return the role, or empty when no role has that name
   */
  public static Optional<PortalRole> fromRoleName(String roleName) {
    return Arrays.stream(values()).filter(r -> r.roleName.equals(roleName)).findFirst();
  }
}
