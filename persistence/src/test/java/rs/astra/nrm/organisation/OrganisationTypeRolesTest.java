package rs.astra.nrm.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * Which roles an organisation of each kind may have: the one table administration is checked
 * against.
 */
class OrganisationTypeRolesTest {

  @Test
  void caseOwningRolesAdministratorsAndHotlineOperatorsOnlyInNgos() {
    for (PortalRole role :
        EnumSet.of(
            PortalRole.NGO_CASEWORKER,
            PortalRole.NGO_COORDINATOR,
            PortalRole.ADMIN,
            PortalRole.HOTLINE_OPERATOR)) {
      for (OrganisationType type : OrganisationType.values()) {
        assertEquals(type == OrganisationType.NGO, type.allows(role), role + " in " + type);
      }
    }
  }

  @Test
  void onlyTheNgosCaseworkersAndCoordinatorsOwnCasesAndOnlyCoordinatorsAndAdministratorsImport() {
    for (PortalRole role : PortalRole.values()) {
      assertEquals(
          role == PortalRole.NGO_CASEWORKER || role == PortalRole.NGO_COORDINATOR,
          role.ownsCases(),
          role + " owns cases");
      assertEquals(
          role == PortalRole.NGO_COORDINATOR || role == PortalRole.ADMIN,
          role.importsCaseloads(),
          role + " imports");
      if (role.ownsCases()) {
        assertFalse(role.readsNoCaseData(), role + ": an owner reads her cases");
        assertEquals(
            EnumSet.of(OrganisationType.NGO),
            EnumSet.copyOf(
                java.util.Arrays.stream(OrganisationType.values())
                    .filter(t -> t.allows(role))
                    .toList()),
            role + ": cases are owned by NGOs only");
      }
    }
  }

  @Test
  void eachInstitutionHasItsOwnRoleAndADataProtectionOfficer() {
    assertEquals(
        EnumSet.of(PortalRole.POLICE_OFFICER, PortalRole.DPO), OrganisationType.POLICE.roles());
    assertEquals(
        EnumSet.of(PortalRole.PROSECUTOR, PortalRole.DPO), OrganisationType.PROSECUTOR.roles());
    assertEquals(
        EnumSet.of(PortalRole.CSW_OFFICER, PortalRole.DPO),
        OrganisationType.SOCIAL_WORK_CENTRE.roles());
    assertEquals(
        EnumSet.of(PortalRole.HEALTH_WORKER, PortalRole.DPO), OrganisationType.HEALTH.roles());
    assertEquals(
        EnumSet.of(PortalRole.CPTV_OFFICER, PortalRole.DPO), OrganisationType.CPTV.roles());
    assertFalse(OrganisationType.POLICE.allows(PortalRole.CSW_OFFICER));
    for (OrganisationType type : OrganisationType.values()) {
      assertTrue(type.allows(PortalRole.DPO), type + " has its data protection officer");
    }
  }
}
