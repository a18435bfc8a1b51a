package rs.astra.nrm.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.Viewer;

/**
 * The policy's scope rules that queries apply in the database (issue 16): which organisations' rows
 * the statistics count for each role, and the own-records condition of a case's records.
 */
class RecordScopeRulesTest {

  private static final long ORG = 42;

  private static Viewer viewer(PortalRole role) {
    return new Viewer(7, "user", "Test User", ORG, "Organisation", OrganisationType.NGO, role);
  }

  @Test
  void coordinatorsCptvOfficersAndAdministratorsCountEveryOrganisationOthersTheirOwn() {
    Set<PortalRole> everyOrganisation =
        EnumSet.of(PortalRole.NGO_COORDINATOR, PortalRole.CPTV_OFFICER, PortalRole.ADMIN);
    for (PortalRole role : PortalRole.values()) {
      AccessPolicy.StatisticsScope scope = AccessPolicy.statisticsScope(viewer(role));
      assertEquals(everyOrganisation.contains(role), scope.allOrganisations(), role.name());
      if (everyOrganisation.contains(role)) {
        assertNull(scope.organisationId(), role.name());
      } else {
        assertEquals(ORG, scope.organisationId(), role + " counts her own organisation's rows");
      }
    }
  }

  @Test
  void oneOrganisationsRowsAreThoseOneOfTheirOrganisationColumnsNames() {
    assertEquals(
        "",
        AccessPolicy.StatisticsScope.predicate(false, 3, "c.owner_organisation_id"),
        "every organisation: no condition");
    assertEquals(
        " and c.owner_organisation_id = ?5",
        AccessPolicy.StatisticsScope.predicate(true, 5, "c.owner_organisation_id"));
    assertEquals(
        " and (c.owner_organisation_id = ?3 or s.organisation_id = ?4 or s.provider_organisation_id = ?5)",
        AccessPolicy.StatisticsScope.predicate(
            true, 3, "c.owner_organisation_id", "s.organisation_id", "s.provider_organisation_id"));
  }

  @Test
  void anOwnRecordsPermitLimitsTheQueryToTheOrganisationsOwnRecordsAnAllRecordsPermitDoesNot() {
    assertEquals(
        "s.organisation.id = :" + AccessPolicy.OWN_ORGANISATION,
        AccessPolicy.ownRecords("s.organisation.id"));
    Decision own = Decision.permit(AccessBasis.LEGAL_BASIS, "rule", Decision.Scope.OWN_RECORDS);
    Decision all = Decision.permit(AccessBasis.CONSENT, "1", Decision.Scope.ALL_RECORDS);
    assertEquals(
        " and a.organisation.id = :" + AccessPolicy.OWN_ORGANISATION,
        AccessPolicy.recordsInScope(own, "a.organisation.id"));
    assertEquals("", AccessPolicy.recordsInScope(all, "a.organisation.id"));
  }
}
