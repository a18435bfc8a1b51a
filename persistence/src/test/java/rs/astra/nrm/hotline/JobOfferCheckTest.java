package rs.astra.nrm.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;

/** Which checks flag a name in the registry, and what a call keeps of its caller. */
class JobOfferCheckTest {

  private static final Organisation NGO =
      new Organisation("ASTRA", OrganisationType.NGO, "Beograd");
  private static final PortalUser OPERATOR =
      new PortalUser("ngo.hotline", "Sanja Milić", NGO, PortalRole.HOTLINE_OPERATOR, null);

  private static HotlineCall call(Instant at) {
    return new HotlineCall(
        OPERATOR, at, CallChannel.PHONE, CallerType.ANONYMOUS, CallPurpose.JOB_OFFER_CHECK, at);
  }

  private static boolean flags(CheckOutcome outcome, Set<RedFlag> redFlags) {
    JobOfferCheck k = new JobOfferCheck(call(Instant.parse("2026-03-01T10:00:00Z")), outcome);
    k.recordFindings(redFlags, Set.of(), null);
    return k.isFlagged();
  }

  @Test
  void irregularWorkFraudAndTraffickingRiskFlagTheNames() {
    for (CheckOutcome o :
        EnumSet.of(
            CheckOutcome.IRREGULAR_WORK, CheckOutcome.FRAUD, CheckOutcome.TRAFFICKING_RISK)) {
      assertTrue(flags(o, Set.of()), o.name());
    }
    assertFalse(
        flags(CheckOutcome.LEGITIMATE, EnumSet.of(RedFlag.NO_QUALIFICATIONS_ASKED)),
        "staff cleared the offer");
  }

  @Test
  void anOfferThatCouldNotBeVerifiedFlagsOnlyWithRedFlags() {
    assertTrue(flags(CheckOutcome.COULD_NOT_VERIFY, EnumSet.of(RedFlag.NO_WRITTEN_CONTRACT)));
    assertFalse(flags(CheckOutcome.COULD_NOT_VERIFY, Set.of()));
  }

  @Test
  void aFlaggedEntryStaysFlaggedAndRemembersItsLatestLicence() {
    RegistryEntry e =
        new RegistryEntry(NGO, "Đorđević Staffing d.o.o.", LocalDate.of(2025, 10, 26));
    assertEquals("dordevicstafing", e.getMatchKey());
    e.recordCheck(true, "0101-1234/2019", LocalDate.of(2025, 10, 26));
    e.recordCheck(false, null, LocalDate.of(2026, 5, 14));
    assertTrue(e.isFlagged(), "a later clean check does not clear what an earlier one found");
    assertEquals("0101-1234/2019", e.getLicenceNumber());
    assertEquals(LocalDate.of(2026, 5, 14), e.getLastCheckedOn());
  }

  @Test
  void aCallIsCountedInTheBelgradeMonthAndKeepsAContactOnlyWithAgreement() {
    HotlineCall c = call(Instant.parse("2026-01-31T23:30:00Z"));
    assertEquals(2026, c.getCallYear());
    assertEquals(2, c.getCallMonth(), "00:30 on 1 February in Belgrade");
    assertThrows(
        IllegalArgumentException.class, () -> c.identifyCaller("Mila", "+381 64 1", false));
    c.identifyCaller("Mila", "+381 64 1", true);
    assertEquals("+381 64 1", c.getCallerContact());
    assertThrows(
        IllegalArgumentException.class,
        () -> c.describe(601, null, null, null, null),
        "at most 600 minutes");
  }
}
