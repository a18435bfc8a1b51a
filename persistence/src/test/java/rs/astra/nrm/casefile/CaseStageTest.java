package rs.astra.nrm.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;

/**
 * The case's NRM stages as a state machine (issue 16): the owner moves SIGNAL → PRESUMED_VICTIM,
 * IDENTIFIED → ASSISTANCE → REINTEGRATION by herself; PRESUMED_VICTIM → IDENTIFIED or
 * NOT_IDENTIFIED only by the identification decision; any stage but CLOSED → CLOSED only by a
 * requested closure with a reason and its approval. Every other change is refused and changes
 * nothing; each allowed one records what HTCDS keeps with it.
 */
class CaseStageTest {

  private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2026, 12, 5);

  private final Organisation ngo = new Organisation("NGO", OrganisationType.NGO, "Beograd");
  private final Organisation cptv = new Organisation("CPTV", OrganisationType.CPTV, "Beograd");
  private final PortalUser caseworker =
      new PortalUser("cw", "Caseworker", ngo, PortalRole.NGO_CASEWORKER, null);

  private CaseFile signal() {
    return new CaseFile("NRM-2026-K7QX-M4P2", caseworker, new Person(), DAY, AT);
  }

  /** A case brought to the stage by the allowed steps only. */
  private CaseFile at(NrmStage stage) {
    CaseFile c = signal();
    switch (stage) {
      case SIGNAL -> {}
      case PRESUMED_VICTIM -> c.moveTo(NrmStage.PRESUMED_VICTIM);
      case IDENTIFIED, NOT_IDENTIFIED -> {
        c.moveTo(NrmStage.PRESUMED_VICTIM);
        c.decideIdentification(stage == NrmStage.IDENTIFIED, cptv, DAY);
      }
      case ASSISTANCE, REINTEGRATION -> {
        c.moveTo(NrmStage.PRESUMED_VICTIM);
        c.decideIdentification(true, cptv, DAY);
        c.moveTo(NrmStage.ASSISTANCE);
        if (stage == NrmStage.REINTEGRATION) {
          c.moveTo(NrmStage.REINTEGRATION);
        }
      }
      case CLOSED -> {
        c.requestClosure(caseworker, "moved abroad", AT);
        c.approveClosure();
      }
    }
    assertEquals(stage, c.getStage());
    return c;
  }

  @Test
  void aNewCaseIsASignal() {
    CaseFile c = signal();
    assertEquals(NrmStage.SIGNAL, c.getStage());
    assertNull(c.getTraffickingStatus());
    assertNull(c.getClosureRequestReason());
  }

  @Test
  void theOwnerTakesExactlyTheThreeStepsOfHerOwn() {
    Set<String> allowed =
        Set.of("SIGNAL>PRESUMED_VICTIM", "IDENTIFIED>ASSISTANCE", "ASSISTANCE>REINTEGRATION");
    for (NrmStage from : NrmStage.values()) {
      for (NrmStage to : NrmStage.values()) {
        CaseFile c = at(from);
        String step = from + ">" + to;
        if (allowed.contains(step)) {
          c.moveTo(to);
          assertEquals(to, c.getStage(), step);
        } else {
          assertThrows(
              IllegalStateException.class,
              () -> c.moveTo(to),
              step + " is not the owner's own step");
          assertEquals(from, c.getStage(), step + " refused changes nothing");
        }
      }
    }
  }

  @Test
  void presumingAVictimRecordsAPossibleVictim() {
    CaseFile c = signal();
    c.moveTo(NrmStage.PRESUMED_VICTIM);
    assertEquals(
        TraffickingStatus.PossibleVictimOfTrafficking,
        c.getTraffickingStatus(),
        "HTCDS vic_TraffickingStatus follows the stage");
  }

  @Test
  void identificationIsDecidedOnlyForAPresumedVictimAndRecordsWhoAndWhen() {
    CaseFile identified = at(NrmStage.PRESUMED_VICTIM);
    identified.decideIdentification(true, cptv, DAY);
    assertEquals(NrmStage.IDENTIFIED, identified.getStage());
    assertEquals(TraffickingStatus.ActualVictimOfTrafficking, identified.getTraffickingStatus());
    assertEquals(
        TraffickingStatusDecisionMakingOrg.NonPoliceGovernmentalOrganization,
        identified.getTraffickingStatusDecisionMakingOrg());
    assertSame(cptv, identified.getIdentificationDecidedBy());
    assertEquals(DAY, identified.getIdentificationDecidedOn());

    CaseFile notIdentified = at(NrmStage.PRESUMED_VICTIM);
    notIdentified.decideIdentification(false, cptv, DAY);
    assertEquals(NrmStage.NOT_IDENTIFIED, notIdentified.getStage());
    assertEquals(TraffickingStatus.NotAVictimOfTrafficking, notIdentified.getTraffickingStatus());

    for (NrmStage from : EnumSet.complementOf(EnumSet.of(NrmStage.PRESUMED_VICTIM))) {
      CaseFile c = at(from);
      assertThrows(
          IllegalStateException.class,
          () -> c.decideIdentification(true, cptv, DAY),
          "no identification at " + from);
      assertEquals(from, c.getStage(), "refused at " + from + " changes nothing");
      assertEquals(
          from == NrmStage.IDENTIFIED
              || from == NrmStage.NOT_IDENTIFIED
              || from == NrmStage.ASSISTANCE
              || from == NrmStage.REINTEGRATION,
          c.getIdentificationDecidedBy() != null,
          "the earlier decision, if any, stays: " + from);
    }
  }

  @Test
  void anOpenCaseIsClosedFromAnyStageByARequestWithAReasonAndItsApproval() {
    for (NrmStage from : EnumSet.complementOf(EnumSet.of(NrmStage.CLOSED))) {
      CaseFile c = at(from);
      assertThrows(IllegalStateException.class, c::approveClosure, "nothing to approve at " + from);
      assertThrows(
          IllegalArgumentException.class,
          () -> c.requestClosure(caseworker, "   ", AT),
          "a reason is required");
      assertThrows(
          IllegalArgumentException.class,
          () -> c.requestClosure(caseworker, "x".repeat(4001), AT),
          "at most 4000 characters");
      assertNull(c.getClosureRequestReason(), "a refused request records nothing");

      c.requestClosure(caseworker, "  moved abroad  ", AT);
      assertEquals(from, c.getStage(), "a request alone does not close the case");
      assertEquals("moved abroad", c.getClosureRequestReason());
      assertSame(caseworker, c.getClosureRequestedBy());

      c.approveClosure();
      assertEquals(NrmStage.CLOSED, c.getStage(), "closed from " + from);
      assertEquals(CaseStatus.Closed, c.getStatus(), "HTCDS cas_Status follows");
      assertEquals(
          "moved abroad",
          c.getReasonForCaseClosure(),
          "HTCDS cas_ReasonForCaseClosure is the requested reason");
    }
  }

  @Test
  void aClosedCaseIsNeitherClosedAgainNorReopenedNorMoved() {
    CaseFile c = at(NrmStage.CLOSED);
    assertThrows(IllegalStateException.class, () -> c.requestClosure(caseworker, "again", AT));
    assertThrows(IllegalStateException.class, c::approveClosure, "approved once");
    for (NrmStage to : NrmStage.values()) {
      assertThrows(IllegalStateException.class, () -> c.moveTo(to), "CLOSED>" + to);
    }
    assertThrows(IllegalStateException.class, () -> c.decideIdentification(true, cptv, DAY));
    assertEquals(NrmStage.CLOSED, c.getStage());
  }

  @Test
  void anImportedCaseTakesTheStageItsHtcdsStatusImplies() {
    CaseFile closed = signal();
    closed.recordStatus(CaseStatus.Closed, "done");
    closed.recordTraffickingStatus(TraffickingStatus.ActualVictimOfTrafficking, null);
    closed.takeStageFromHtcds();
    assertEquals(NrmStage.CLOSED, closed.getStage(), "closed wins over the victim status");

    Object[][] cases = {
      {TraffickingStatus.ActualVictimOfTrafficking, NrmStage.ASSISTANCE},
      {TraffickingStatus.NotAVictimOfTrafficking, NrmStage.NOT_IDENTIFIED},
      {TraffickingStatus.PossibleVictimOfTrafficking, NrmStage.PRESUMED_VICTIM},
      {null, NrmStage.SIGNAL},
    };
    for (Object[] row : cases) {
      CaseFile c = signal();
      c.recordTraffickingStatus((TraffickingStatus) row[0], null);
      c.takeStageFromHtcds();
      assertEquals(row[1], c.getStage(), String.valueOf(row[0]));
    }
  }
}
