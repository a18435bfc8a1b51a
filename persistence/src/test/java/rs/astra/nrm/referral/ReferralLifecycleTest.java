package rs.astra.nrm.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.Person;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;

/**
 * The referral's state machine (issue 16): SENT → ACCEPTED or REJECTED; ACCEPTED → COMPLETED; SENT
 * or ACCEPTED → REVOKED by the sender; nothing else, and a rejection or revocation needs a reason.
 */
class ReferralLifecycleTest {

  private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

  private final Organisation ngo = new Organisation("NGO", OrganisationType.NGO, "Beograd");
  private final Organisation csw =
      new Organisation("CSW", OrganisationType.SOCIAL_WORK_CENTRE, "Niš");
  private final PortalUser caseworker =
      new PortalUser("cw", "Caseworker", ngo, PortalRole.NGO_CASEWORKER, null);
  private final PortalUser officer =
      new PortalUser("csw", "Officer", csw, PortalRole.CSW_OFFICER, null);

  private Referral sent() {
    CaseFile c =
        new CaseFile("NRM-2026-K7QX-M4P2", caseworker, new Person(), LocalDate.of(2026, 12, 1), AT);
    return Referral.send(
        c,
        ngo,
        csw,
        Purpose.SOCIAL_PROTECTION,
        Set.of(DataCategory.SOCIAL),
        null,
        null,
        null,
        caseworker,
        AT);
  }

  @Test
  void aSentReferralIsAcceptedThenCompleted() {
    Referral r = sent();
    assertEquals(ReferralState.SENT, r.getState());
    assertTrue(
        r.getCategories().contains(DataCategory.CASE_SUMMARY), "the case summary always travels");
    r.accept(officer, AT);
    assertThrows(IllegalStateException.class, () -> r.accept(officer, AT), "accepted once");
    assertThrows(
        IllegalStateException.class,
        () -> r.reject(officer, "too late", AT),
        "no rejection after acceptance");
    r.complete(officer, AT);
    assertEquals(ReferralState.COMPLETED, r.getState());
    assertThrows(
        IllegalStateException.class,
        () -> r.revoke(caseworker, "done", AT),
        "a completed referral is not revoked");
  }

  @Test
  void aRejectionOrARevocationNeedsAReasonAndEndsTheReferral() {
    Referral rejected = sent();
    assertThrows(IllegalArgumentException.class, () -> rejected.reject(officer, "  ", AT));
    assertEquals(ReferralState.SENT, rejected.getState(), "nothing changed");
    rejected.reject(officer, "no capacity", AT);
    assertThrows(
        IllegalStateException.class,
        () -> rejected.complete(officer, AT),
        "a rejected referral is not completed");

    Referral revoked = sent();
    revoked.accept(officer, AT);
    assertThrows(IllegalArgumentException.class, () -> revoked.revoke(caseworker, null, AT));
    revoked.revoke(caseworker, "consent withdrawn", AT);
    assertEquals(ReferralState.REVOKED, revoked.getState());
    assertThrows(IllegalStateException.class, () -> revoked.accept(officer, AT));
  }
}
