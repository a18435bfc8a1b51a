package rs.astra.nrm.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.casefile.CaseStatus;
import rs.astra.nrm.casefile.ForcedLabourIndustry;
import rs.astra.nrm.casefile.Gender;
import rs.astra.nrm.casefile.MethodOfControl;
import rs.astra.nrm.casefile.MethodOfRecruitment;
import rs.astra.nrm.casefile.ReferralReason;
import rs.astra.nrm.casefile.TraffickingStatus;
import rs.astra.nrm.casefile.TraffickingStatusDecisionMakingOrg;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.casefile.TypeOfSexExploitation;

/**
 * Reads the 48-case sample caseload kept in the unchanged IOM template. Expected values were read
 * from the file's cells. Its latest date is an incoming referral date of 2026-12-05 (row 33), so
 * the sample is read as of 2027-01-01.
 */
class HtcdsSampleCaseloadTest {

  private static final String SAMPLE = "/rs/astra/nrm/exchange/htcds-caseload-sample.xlsx";

  private static List<HtcdsCaseRecord> records;

  @BeforeAll
  static void readSample() throws Exception {
    records = readSampleOn(LocalDate.of(2027, 1, 1));
  }

  private static List<HtcdsCaseRecord> readSampleOn(LocalDate today)
      throws IOException, HtcdsImportException {
    try (InputStream in = HtcdsSampleCaseloadTest.class.getResourceAsStream(SAMPLE)) {
      assertNotNull(in, "sample caseload on the class path");
      return TestFiles.readerOn(today).read(in, "htcds-caseload-sample.xlsx");
    }
  }

  private static HtcdsCaseRecord row(int rowNumber) {
    return records.stream().filter(r -> r.rowNumber() == rowNumber).findFirst().orElseThrow();
  }

  @Test
  void sampleYieldsFortyEightRecordsFromRowsThreeToFifty() {
    assertEquals(48, records.size());
    assertEquals(
        IntStream.rangeClosed(3, 50).boxed().toList(),
        records.stream().map(HtcdsCaseRecord::rowNumber).toList());
  }

  @Test
  void firstRecordHasItsPersonAndCaseValues() {
    HtcdsCaseRecord first = records.getFirst();
    assertEquals("ngo.caseworker1", first.caseOwner());
    assertEquals("Zorica", first.firstName());
    assertEquals("Krstić", first.secondName());
    assertNull(first.salutation());
    assertEquals(Boolean.FALSE, first.consent());
    assertEquals(Gender.Feminine, first.gender());
    assertEquals(Set.of("RS"), first.citizenship());
    assertEquals(TraffickingStatus.PossibleVictimOfTrafficking, first.traffickingStatus());
    assertNull(first.traffickingStatusDecisionMakingOrg());
    assertEquals(
        EnumSet.of(MethodOfRecruitment.ThroughFamilyOrFamilyEvents), first.methodOfRecruitment());
    assertEquals("Serbia", first.locationOfRecruitment());
    assertEquals(EnumSet.of(TypeOfExploitation.SexualExploitation), first.typeOfExploitation());
    assertEquals(
        EnumSet.of(TypeOfSexExploitation.RemoteInteractiveServices), first.typeOfSexExploitation());
    assertEquals("Austria", first.locationOfExploitation());
    assertEquals(CaseStatus.Active, first.caseStatus());
    assertEquals("Self-referral", first.referringOrganisation());
    assertEquals(ReferralReason.Other, first.reasonForIncomingReferral());
    assertEquals("Needs documents and medical examination", first.incomingReferralDetails());
    assertNull(first.reasonForOutgoingReferral());
  }

  @Test
  void serialNumberDatesBecomeLocalDates() {
    // G3 holds 24679, AD3 holds 43941.
    assertEquals(LocalDate.of(1967, 7, 26), row(3).birthdate());
    assertEquals(LocalDate.of(2020, 4, 20), row(3).incomingReferralDate());
    // AK5 holds 45913.
    assertEquals(LocalDate.of(2025, 9, 13), row(5).outgoingReferralDate());
  }

  @Test
  void multiSelectCellBecomesASet() {
    // W3: PhysicalThreats;DebtBondage;RestrictsMovement;TakesEarnings
    assertEquals(
        EnumSet.of(
            MethodOfControl.PhysicalThreats,
            MethodOfControl.DebtBondage,
            MethodOfControl.RestrictsMovement,
            MethodOfControl.TakesEarnings),
        row(3).methodsOfControl());
    // X9: SexualExploitation;ForcedBegging
    assertEquals(
        EnumSet.of(TypeOfExploitation.SexualExploitation, TypeOfExploitation.ForcedBegging),
        row(9).typeOfExploitation());
  }

  @Test
  void mailingColumnsAreTakenByFieldNameNotByLabel() {
    // Row 1 says N=City, O=Country, P=State, Q=Street, R=PostalCode; row 2's labels say otherwise.
    HtcdsCaseRecord first = row(3);
    assertEquals("Vranje", first.mailingCity());
    assertEquals("RS", first.mailingCountry());
    assertNull(first.mailingState());
    assertEquals("Ulica 33", first.mailingStreet());
    assertEquals("17500", first.mailingPostalCode());
  }

  @Test
  void unnamedColumnAjIsReasonForOutgoingReferral() {
    HtcdsCaseRecord fifth = row(5);
    assertEquals(ReferralReason.AdditionalServicesRequired, fifth.reasonForOutgoingReferral());
    assertEquals("Centar za socijalni rad Beograd", fifth.referredOrganisation());
    assertEquals("Employment support", fifth.outgoingReferralDetails());
  }

  @Test
  void misspeltDecisionMakingOrgColumnIsRead() {
    assertEquals(
        TraffickingStatusDecisionMakingOrg.NonPoliceGovernmentalOrganization,
        row(5).traffickingStatusDecisionMakingOrg());
  }

  @Test
  void sampleAliasesAreResolved() {
    // U4 ThroughFriend; W5 contains PsychoactiveSubstances.
    assertEquals(
        EnumSet.of(MethodOfRecruitment.ThroughFriendsOrSocialEvents), row(4).methodOfRecruitment());
    assertEquals(
        EnumSet.of(
            MethodOfControl.ExcessiveWorkingHours,
            MethodOfControl.FalsePromises,
            MethodOfControl.PsychoactiveSubstance,
            MethodOfControl.RestrictsMedicalCare,
            MethodOfControl.TakesEarnings,
            MethodOfControl.WithholdsDocuments),
        row(5).methodsOfControl());
    assertEquals(ForcedLabourIndustry.F_Construction, row(5).forcedLabourIndustry());
  }

  @Test
  void latinNamesWithDiacriticsAndPhonesAreKeptAsText() {
    HtcdsCaseRecord second = row(4);
    assertEquals("Slađana", second.firstName());
    assertEquals("Milošević", second.secondName());
    assertEquals("+381 68 364 7880", second.mobilePhone());
    assertEquals(CaseStatus.FollowUp, second.caseStatus());
  }

  @Test
  void closedCaseHasReasonForClosure() {
    assertEquals(CaseStatus.Closed, row(10).caseStatus());
    assertEquals("Reintegrated: in education", row(10).reasonForCaseClosure());
    assertFalse(records.stream().anyMatch(r -> r.caseOwner() == null));
  }

  @Test
  void sampleImportsBeforeItsScheduledReferralDate() throws Exception {
    // AD33 holds the incoming referral date 2026-12-05; read on 2026-11-30 it is still accepted.
    List<HtcdsCaseRecord> early = readSampleOn(LocalDate.of(2026, 11, 30));
    assertEquals(48, early.size());
    assertEquals(
        LocalDate.of(2026, 12, 5),
        early.stream()
            .filter(r -> r.rowNumber() == 33)
            .findFirst()
            .orElseThrow()
            .incomingReferralDate());
  }
}
