package rs.astra.nrm.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rs.astra.nrm.exchange.TestFiles.TODAY;
import static rs.astra.nrm.exchange.TestFiles.error;
import static rs.astra.nrm.exchange.TestFiles.readValue;
import static rs.astra.nrm.exchange.TestFiles.valueErrors;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rs.astra.nrm.casefile.ForcedLabourIndustry;
import rs.astra.nrm.casefile.Gender;
import rs.astra.nrm.casefile.MethodOfControl;
import rs.astra.nrm.casefile.MethodOfRecruitment;
import rs.astra.nrm.casefile.TraffickingStatusDecisionMakingOrg;
import rs.astra.nrm.casefile.TypeOfExploitation;

class HtcdsCellConversionTest {

  // --- picklists ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SexualExploitation",
        "Sexual exploitation",
        "Sexual Exploitation",
        "  SEXUAL   exploitation ",
        "sexual-exploitation"
      })
  void labelsAreAcceptedInsteadOfValueNames(String cell) throws Exception {
    assertEquals(
        EnumSet.of(TypeOfExploitation.SexualExploitation),
        readValue("vic_TypeOfExploitation", cell).typeOfExploitation());
  }

  @Test
  void punctuationInLabelsIsIgnored() throws Exception {
    assertEquals(
        TraffickingStatusDecisionMakingOrg.NonPoliceGovernmentalOrganization,
        readValue("vic_TraffickingStatusDecisionMakingOrg", "non police governmental organization")
            .traffickingStatusDecisionMakingOrg());
    assertEquals(
        Gender.NonSpecifiedUnknown, readValue("prs_Gender", "Not specified / unknown").gender());
    assertEquals(
        EnumSet.of(TypeOfExploitation.ForcedMilitaryByNonStateActors),
        readValue("vic_TypeOfExploitation", "Forced military by non state actors")
            .typeOfExploitation());
    assertEquals(
        ForcedLabourIndustry.A_AgricultureForestryAndFishing,
        readValue("vic_ForcedLabourIndustry", "Agriculture, forestry and fishing")
            .forcedLabourIndustry());
  }

  @Test
  void unknownPicklistValueIsRejected() {
    assertEquals(
        List.of(error(2, "prs_Gender", HtcdsImportProblem.UNKNOWN_VALUE, "Female")),
        valueErrors("prs_Gender", "Female"));
  }

  @Test
  void singleSelectPicklistDoesNotTakeSeveralValues() {
    assertEquals(
        List.of(error(2, "prs_Gender", HtcdsImportProblem.UNKNOWN_VALUE, "Feminine;Masculine")),
        valueErrors("prs_Gender", "Feminine;Masculine"));
  }

  // --- multi-select ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PhysicalThreats;DebtBondage",
        "PhysicalThreats; DebtBondage",
        " PhysicalThreats ;DebtBondage ",
        "PhysicalThreats;;DebtBondage;",
        "Physical threats; debt bondage"
      })
  void multiSelectValuesAreSplitOnSemicolons(String cell) throws Exception {
    assertEquals(
        EnumSet.of(MethodOfControl.PhysicalThreats, MethodOfControl.DebtBondage),
        readValue("vic_MethodsOfControl", cell).methodsOfControl());
  }

  @Test
  void emptyMultiSelectIsAnEmptyUnmodifiableSet() throws Exception {
    Set<MethodOfControl> controls = readValue("prs_FirstName", "Ana").methodsOfControl();
    assertTrue(controls.isEmpty());
    assertThrows(UnsupportedOperationException.class, () -> controls.add(MethodOfControl.Other));
    Set<MethodOfControl> filled = readValue("vic_MethodsOfControl", "Other").methodsOfControl();
    assertThrows(
        UnsupportedOperationException.class, () -> filled.add(MethodOfControl.DebtBondage));
  }

  @Test
  void eachUnknownPartOfAMultiSelectIsReported() {
    assertEquals(
        List.of(
            error(2, "vic_MethodsOfControl", HtcdsImportProblem.UNKNOWN_VALUE, "Beatings"),
            error(2, "vic_MethodsOfControl", HtcdsImportProblem.UNKNOWN_VALUE, "Threats")),
        valueErrors("vic_MethodsOfControl", "DebtBondage; Beatings;Threats"));
  }

  // --- aliases ---

  @Test
  void caseloadAliasesAreResolved() throws Exception {
    assertEquals(
        EnumSet.of(MethodOfRecruitment.ThroughFriendsOrSocialEvents),
        readValue("vic_MethodOfRecruitment", "ThroughFriend").methodOfRecruitment());
    assertEquals(
        EnumSet.of(MethodOfControl.PsychoactiveSubstance, MethodOfControl.RestrictsMovement),
        readValue("vic_MethodsOfControl", "psychoactive substances;RestrictsMovement")
            .methodsOfControl());
  }

  @Test
  void aliasesApplyOnlyToTheirOwnPicklist() {
    assertEquals(
        List.of(
            error(2, "vic_MethodsOfControl", HtcdsImportProblem.UNKNOWN_VALUE, "ThroughFriend")),
        valueErrors("vic_MethodsOfControl", "ThroughFriend"));
  }

  // --- dates ---

  @Test
  void excelDateCellIsRead() throws Exception {
    assertEquals(
        LocalDate.of(2022, 2, 22),
        readValue("prs_Birthdate", LocalDate.of(2022, 2, 22)).birthdate());
  }

  @Test
  void generalNumberInADateColumnIsAnExcelSerialDate() throws Exception {
    assertEquals(LocalDate.of(1967, 7, 26), readValue("prs_Birthdate", 24679).birthdate());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2022-02-22", "22.02.2022.", "22.02.2022", "22.2.2022.", " 22. 2. 2022. "})
  void isoAndSerbianDateTextsAreRead(String cell) throws Exception {
    assertEquals(LocalDate.of(2022, 2, 22), readValue("prs_Birthdate", cell).birthdate());
  }

  @Test
  void shortSerbianDateIsRead() throws Exception {
    assertEquals(
        LocalDate.of(2022, 2, 2),
        readValue("cas_IncomingReferralDate", "2.2.2022.").incomingReferralDate());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "31.02.2022.",
        "2022-02-30",
        "2022-13-01",
        "22/02/2022",
        "02/22/2022",
        "2022.02.22",
        "22-02-2022",
        "22.02.22",
        "24679",
        "yesterday"
      })
  void otherDateTextsAndImpossibleDatesAreRejected(String cell) {
    assertEquals(
        List.of(error(2, "prs_Birthdate", HtcdsImportProblem.INVALID_DATE, cell)),
        valueErrors("prs_Birthdate", cell));
  }

  @Test
  void numberThatIsNoExcelDateIsRejected() {
    assertEquals(
        List.of(error(2, "prs_Birthdate", HtcdsImportProblem.INVALID_DATE, "-5")),
        valueErrors("prs_Birthdate", -5));
  }

  @Test
  void birthdateTodayIsAllowedButTomorrowIsInTheFuture() throws Exception {
    assertEquals(TODAY, readValue("prs_Birthdate", TODAY).birthdate());
    LocalDate tomorrow = TODAY.plusDays(1);
    assertEquals(
        List.of(error(2, "prs_Birthdate", HtcdsImportProblem.DATE_IN_FUTURE, tomorrow.toString())),
        valueErrors("prs_Birthdate", tomorrow));
    assertEquals(
        List.of(error(2, "prs_Birthdate", HtcdsImportProblem.DATE_IN_FUTURE, tomorrow.toString())),
        valueErrors("prs_Birthdate", "16.06.2025."));
  }

  @Test
  void referralDatesMayBeScheduledAhead() throws Exception {
    LocalDate tomorrow = TODAY.plusDays(1);
    assertEquals(tomorrow, readValue("cas_IncomingReferralDate", tomorrow).incomingReferralDate());
    assertEquals(
        tomorrow, readValue("cas_OutgoingReferralDate", "16.06.2025.").outgoingReferralDate());
    assertEquals(
        List.of(
            error(2, "cas_OutgoingReferralDate", HtcdsImportProblem.INVALID_DATE, "31.02.2025.")),
        valueErrors("cas_OutgoingReferralDate", "31.02.2025."));
  }

  @Test
  void todayIsTakenInBelgradeTime() throws Exception {
    // 22:30 UTC on 15 June is already 16 June in Belgrade (UTC+2 in summer).
    Clock lateEveningUtc = Clock.fixed(Instant.parse("2025-06-15T22:30:00Z"), ZoneOffset.UTC);
    byte[] file =
        TestFiles.xlsxRow(
            new String[] {"cas_CaseOwner", "cas_IncomingReferralDate"},
            "ngo.caseworker1",
            "2025-06-16");
    HtcdsCaseRecord record =
        new HtcdsSpreadsheetReader(lateEveningUtc)
            .read(new ByteArrayInputStream(file), "t.xlsx")
            .getFirst();
    assertEquals(LocalDate.of(2025, 6, 16), record.incomingReferralDate());
  }

  // --- booleans ---

  @ParameterizedTest
  @ValueSource(strings = {"TRUE", "true", "True", "yes", "YES", "da", "Da", "1"})
  void trueConsentWords(String cell) throws Exception {
    assertEquals(Boolean.TRUE, readValue("con_Consent", cell).consent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"FALSE", "false", "no", "No", "ne", "NE", "0"})
  void falseConsentWords(String cell) throws Exception {
    assertEquals(Boolean.FALSE, readValue("con_Consent", cell).consent());
  }

  @Test
  void booleanAndNumberCellsAreConsent() throws Exception {
    assertEquals(Boolean.TRUE, readValue("con_Consent", true).consent());
    assertEquals(Boolean.FALSE, readValue("con_Consent", false).consent());
    assertEquals(Boolean.TRUE, readValue("con_Consent", 1).consent());
    assertEquals(Boolean.FALSE, readValue("con_Consent", 0).consent());
    assertNull(readValue("prs_FirstName", "Ana").consent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"maybe", "2", "y", "checked"})
  void otherConsentValuesAreRejected(String cell) {
    assertEquals(
        List.of(error(2, "con_Consent", HtcdsImportProblem.INVALID_BOOLEAN, cell)),
        valueErrors("con_Consent", cell));
  }

  // --- text ---

  @Test
  void textIsTrimmedAndWhitespaceCollapsed() throws Exception {
    assertEquals("Ana Marija", readValue("prs_FirstName", "  Ana \u00a0\t Marija\n").firstName());
  }

  @Test
  void textIsNormalisedToNfc() throws Exception {
    // "S" + combining caron, as some keyboards and PDFs produce it.
    assertEquals("Šabac", readValue("prs_MailingCity", "S\u030Cabac").mailingCity());
  }

  @Test
  void cyrillicAndLatinNamesAreKeptAsGiven() throws Exception {
    HtcdsCaseRecord cyrillic =
        TestFiles.readOne(
            TestFiles.xlsxRow(
                new String[] {"cas_CaseOwner", "prs_FirstName", "prs_SecondName"},
                "ngo.caseworker1",
                "Јована",
                "Петровић"));
    assertEquals("Јована", cyrillic.firstName());
    assertEquals("Петровић", cyrillic.secondName());
    HtcdsCaseRecord latin =
        TestFiles.readOne(
            TestFiles.xlsxRow(
                new String[] {"cas_CaseOwner", "prs_FirstName", "prs_SecondName"},
                "ngo.caseworker1",
                "Slađana",
                "Milošević"));
    assertEquals("Slađana", latin.firstName());
    assertEquals("Milošević", latin.secondName());
  }

  @Test
  void numbersInTextColumnsLoseTheDecimalPoint() throws Exception {
    assertEquals("11000", readValue("prs_MailingPostalCode", 11000).mailingPostalCode());
    assertEquals("12.5", readValue("prs_MailingStreet", 12.5).mailingStreet());
  }

  @Test
  void phoneNumbersStayText() throws Exception {
    assertEquals(
        "+381 64 123 4567", readValue("prs_MobilePhone", "+381 64 123 4567").mobilePhone());
    assertEquals("0641234567", readValue("prs_HomePhone", "0641234567").homePhone());
  }

  @Test
  void shortTextLongerThan255IsRejected() throws Exception {
    assertEquals(255, readValue("prs_FirstName", "a".repeat(255)).firstName().length());
    String tooLong = "a".repeat(256);
    assertEquals(
        List.of(error(2, "prs_FirstName", HtcdsImportProblem.TOO_LONG, tooLong)),
        valueErrors("prs_FirstName", tooLong));
  }

  @Test
  void detailsAndClosureReasonTakeUpTo4000() throws Exception {
    assertEquals(
        4000,
        readValue("cas_IncomingReferralDetails", "b".repeat(4000))
            .incomingReferralDetails()
            .length());
    assertEquals(
        4000,
        readValue("cas_ReasonForCaseClosure", "c".repeat(4000)).reasonForCaseClosure().length());
    String tooLong = "d".repeat(4001);
    assertEquals(
        List.of(error(2, "cas_OutgoingReferralDetails", HtcdsImportProblem.TOO_LONG, tooLong)),
        valueErrors("cas_OutgoingReferralDetails", tooLong));
  }

  @Test
  void lengthCountsCharactersAfterCleaning() throws Exception {
    // 255 letters plus padding: the padding is trimmed before the length is checked.
    assertEquals(
        255, readValue("prs_FirstName", "  " + "ђ".repeat(255) + "  ").firstName().length());
    String emoji = "😀".repeat(128);
    assertEquals(
        List.of(error(2, "prs_FirstName", HtcdsImportProblem.TOO_LONG, emoji)),
        valueErrors("prs_FirstName", emoji),
        "128 emoji are 256 UTF-16 units, more than the column holds in H2");
    assertEquals(40, readValue("prs_Salutation", "s".repeat(40)).salutation().length());
    String longSalutation = "Gospođa doktorka nauka " + "b".repeat(20);
    assertEquals(
        List.of(error(2, "prs_Salutation", HtcdsImportProblem.TOO_LONG, longSalutation)),
        valueErrors("prs_Salutation", longSalutation),
        "a salutation has 40 characters (its column)");
  }

  @Test
  void emptyCaseOwnerOnANonEmptyRowIsRequiredMissing() {
    byte[] file = TestFiles.xlsxRow(new String[] {"cas_CaseOwner", "prs_FirstName"}, " ", "Ana");
    assertEquals(
        List.of(error(2, "cas_CaseOwner", HtcdsImportProblem.REQUIRED_MISSING, null)),
        TestFiles.errors(file, "t.xlsx"));
  }

  // --- countries ---

  @Test
  void citizenshipCodesAreUpperCasedAndSorted() throws Exception {
    assertEquals(Set.of("RS"), readValue("prs_Citizenship", "rs").citizenship());
    assertEquals(
        List.of("BA", "RS"), List.copyOf(readValue("prs_Citizenship", "RS; BA").citizenship()));
    assertEquals(Set.of("RS", "UA"), readValue("prs_Citizenship", " ua ;rs;").citizenship());
  }

  @Test
  void citizenshipAcceptsOnlyIsoAlpha2Codes() {
    assertEquals(
        List.of(
            error(2, "prs_Citizenship", HtcdsImportProblem.INVALID_COUNTRY_CODE, "Serbia"),
            error(2, "prs_Citizenship", HtcdsImportProblem.INVALID_COUNTRY_CODE, "XK1"),
            error(2, "prs_Citizenship", HtcdsImportProblem.INVALID_COUNTRY_CODE, "SRB")),
        valueErrors("prs_Citizenship", "RS;Serbia;XK1;SRB"));
  }

  @Test
  void mailingCountryIsOneIsoCode() throws Exception {
    assertEquals("BA", readValue("prs_MailingCountry", "ba").mailingCountry());
    assertEquals(
        List.of(error(2, "prs_MailingCountry", HtcdsImportProblem.INVALID_COUNTRY_CODE, "Srbija")),
        valueErrors("prs_MailingCountry", "Srbija"));
  }

  // --- formulas ---

  @Test
  void formulaCellsGiveTheirCachedValue() throws Exception {
    byte[] file =
        TestFiles.xlsxRow(
            new String[] {
              "cas_CaseOwner",
              "prs_FirstName",
              "prs_Birthdate",
              "con_Consent",
              "prs_MailingPostalCode"
            },
            new TestFiles.Formula("\"ngo.\"&\"caseworker1\"", false),
            new TestFiles.Formula("PROPER(\"ana\")", false),
            new TestFiles.Formula("DATE(1990,5,17)", true),
            new TestFiles.Formula("1=1", false),
            new TestFiles.Formula("11000+0", false));
    HtcdsCaseRecord record = TestFiles.readOne(file);
    assertEquals("ngo.caseworker1", record.caseOwner());
    assertEquals("Ana", record.firstName());
    assertEquals(LocalDate.of(1990, 5, 17), record.birthdate());
    assertEquals(Boolean.TRUE, record.consent());
    assertEquals("11000", record.mailingPostalCode());
  }

  @Test
  void formulaErrorInAPicklistIsAnUnknownValue() {
    byte[] file =
        TestFiles.xlsxRow(
            new String[] {"cas_CaseOwner", "prs_Gender"},
            "ngo.caseworker1",
            new TestFiles.Formula("1/0", false));
    assertEquals(
        List.of(error(2, "prs_Gender", HtcdsImportProblem.UNKNOWN_VALUE, "#DIV/0!")),
        TestFiles.errors(file, "t.xlsx"));
  }
}
