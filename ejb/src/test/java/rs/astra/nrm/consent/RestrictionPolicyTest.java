package rs.astra.nrm.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.Viewer;

/** Who may restrict a case or lift its restriction (GDPR Art. 18, issue 21). */
class RestrictionPolicyTest {

  private static final long OWNER = 1;
  private final AccessPolicy policy = new AccessPolicy();

  private static Viewer of(PortalRole role, long organisation) {
    return new Viewer(
        7, "u", "User", organisation, "Org " + organisation, OrganisationType.NGO, role);
  }

  private static CaseFacts facts(boolean restricted, boolean anonymised) {
    return new CaseFacts(
        10, 20, OWNER, List.of(), List.of(), List.of(), false, restricted, anonymised);
  }

  @Test
  void theOwnersCoordinatorAndDpoRestrictAndLiftNobodyElse() {
    for (boolean restricted : new boolean[] {false, true}) {
      assertTrue(
          policy.mayRestrict(of(PortalRole.NGO_COORDINATOR, OWNER), facts(restricted, false)));
      assertTrue(policy.mayRestrict(of(PortalRole.DPO, OWNER), facts(restricted, false)));
      assertFalse(
          policy.mayRestrict(of(PortalRole.NGO_CASEWORKER, OWNER), facts(restricted, false)));
      assertFalse(policy.mayRestrict(of(PortalRole.ADMIN, OWNER), facts(restricted, false)));
      assertFalse(policy.mayRestrict(of(PortalRole.NGO_COORDINATOR, 2), facts(restricted, false)));
      assertFalse(policy.mayRestrict(of(PortalRole.DPO, 2), facts(restricted, false)));
    }
  }

  @Test
  void anAnonymisedCaseIsRestrictedByNobody() {
    // Found by a trial: an erased case took a restriction and its reason, which anonymisation, run
    // before, never emptied.
    assertFalse(policy.mayRestrict(of(PortalRole.NGO_COORDINATOR, OWNER), facts(false, true)));
    assertFalse(policy.mayRestrict(of(PortalRole.DPO, OWNER), facts(false, true)));
    assertFalse(policy.mayRestrict(of(PortalRole.NGO_COORDINATOR, OWNER), facts(true, true)));
  }
}
