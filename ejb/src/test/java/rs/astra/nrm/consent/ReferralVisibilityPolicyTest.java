package rs.astra.nrm.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.Viewer;

/**
 * Who sees one referral of a case (issue 22, the REST API's read-back of a referral), as the case
 * page lists them: the case's owner every referral, a recipient those sent to her organisation,
 * only with the case summary readable and only in a role that reads case data.
 */
class ReferralVisibilityPolicyTest {

  private static final long OWNER = 1;
  private static final long RECIPIENT = 2;
  private static final long OTHER = 3;
  private static final Decision SUMMARY =
      Decision.permit(AccessBasis.OWNER, null, Decision.Scope.ALL_RECORDS);
  private static final Decision NO_SUMMARY = Decision.deny(DenyReason.NOT_REFERRED);

  private final AccessPolicy policy = new AccessPolicy();
  private final CaseFacts facts =
      new CaseFacts(10, 20, OWNER, List.of(), List.of(), List.of(), false, false, false);

  private static Viewer of(PortalRole role, long organisation) {
    return new Viewer(
        7, "u", "User", organisation, "Org " + organisation, OrganisationType.NGO, role);
  }

  @Test
  void theOwnerAndTheRecipientSeeItWhileTheyReadTheCaseSummary() {
    assertTrue(
        policy.seesReferral(of(PortalRole.NGO_CASEWORKER, OWNER), facts, RECIPIENT, SUMMARY));
    assertTrue(
        policy.seesReferral(of(PortalRole.HEALTH_WORKER, RECIPIENT), facts, RECIPIENT, SUMMARY));
    assertFalse(
        policy.seesReferral(of(PortalRole.HEALTH_WORKER, RECIPIENT), facts, RECIPIENT, NO_SUMMARY),
        "a recipient whose referral no longer opens the case");
  }

  @Test
  void nobodyElseSeesItNorRolesThatReadNoCaseData() {
    assertFalse(
        policy.seesReferral(of(PortalRole.HEALTH_WORKER, OTHER), facts, RECIPIENT, SUMMARY),
        "another organisation, even one that reads the case on another referral");
    assertFalse(policy.seesReferral(of(PortalRole.ADMIN, OWNER), facts, RECIPIENT, SUMMARY));
    assertFalse(policy.seesReferral(of(PortalRole.DPO, RECIPIENT), facts, RECIPIENT, SUMMARY));
  }
}
