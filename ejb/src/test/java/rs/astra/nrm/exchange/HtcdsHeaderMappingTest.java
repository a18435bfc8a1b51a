package rs.astra.nrm.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static rs.astra.nrm.exchange.TestFiles.error;
import static rs.astra.nrm.exchange.TestFiles.errors;
import static rs.astra.nrm.exchange.TestFiles.read;
import static rs.astra.nrm.exchange.TestFiles.readOne;
import static rs.astra.nrm.exchange.TestFiles.xlsx;

import java.util.List;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.casefile.ReferralReason;
import rs.astra.nrm.casefile.TraffickingStatusDecisionMakingOrg;

class HtcdsHeaderMappingTest {

  /**
   * The template's misaligned mailing block: names in row 1, labels in a different order in row 2.
   */
  private static final Object[] NAMES = {
    null,
    "cas_CaseOwner",
    "prs_MailingCity",
    "prs_MailingCountry",
    "prs_MailingState",
    "prs_MailingStreet",
    "prs_MailingPostalCode"
  };

  private static final Object[] LABELS = {
    null,
    "Case Owner",
    "Mailing Street",
    "Mailing City",
    "Mailing State/Province",
    "Mailing Zip/Postal Code",
    "Mailing Country"
  };

  @Test
  void templateLabelRowIsSkippedAndDataStartsAtRowThree() throws Exception {
    List<HtcdsCaseRecord> records =
        read(
            xlsx(
                NAMES,
                LABELS,
                new Object[] {1, "ngo.caseworker1", "Niš", "RS", "Nišavski", "Ulica 1", "18000"}),
            "t.xlsx");
    assertEquals(1, records.size());
    assertEquals(3, records.getFirst().rowNumber());
  }

  @Test
  void mailingColumnsFollowFieldNamesWhenLabelsDisagree() throws Exception {
    HtcdsCaseRecord record =
        readOne(
            xlsx(
                NAMES,
                LABELS,
                new Object[] {1, "ngo.caseworker1", "Niš", "RS", "Nišavski", "Ulica 1", "18000"}));
    assertEquals("Niš", record.mailingCity());
    assertEquals("RS", record.mailingCountry());
    assertEquals("Nišavski", record.mailingState());
    assertEquals("Ulica 1", record.mailingStreet());
    assertEquals("18000", record.mailingPostalCode());
  }

  @Test
  void fieldNameHeaderAloneStartsDataOnTheNextRow() throws Exception {
    List<HtcdsCaseRecord> records =
        read(
            xlsx(
                new Object[] {"cas_CaseOwner", "prs_FirstName"},
                new Object[] {"ngo.caseworker1", "Jovana"}),
            "t.xlsx");
    assertEquals(1, records.size());
    assertEquals(2, records.getFirst().rowNumber());
    assertEquals("Jovana", records.getFirst().firstName());
  }

  @Test
  void firstDataRowIsNotMistakenForALabelRow() throws Exception {
    // A data row whose cells happen to include one label-like text stays data.
    HtcdsCaseRecord record =
        readOne(
            xlsx(
                new Object[] {"cas_CaseOwner", "prs_Title", "prs_FirstName"},
                new Object[] {"ngo.caseworker1", "Status", "Ana"}));
    assertEquals(2, record.rowNumber());
    assertEquals("Status", record.title());
  }

  @Test
  void labelsAreAcceptedAsHeaders() throws Exception {
    HtcdsCaseRecord record =
        readOne(
            xlsx(
                new Object[] {"Case Owner", "First Name", "Mailing Zip/Postal Code"},
                new Object[] {"ngo.caseworker1", "Ana", "11000"}));
    assertEquals("ngo.caseworker1", record.caseOwner());
    assertEquals("Ana", record.firstName());
    assertEquals("11000", record.mailingPostalCode());
  }

  @Test
  void headersMatchIgnoringCaseAndSurroundingSpaces() throws Exception {
    HtcdsCaseRecord record =
        readOne(
            xlsx(
                new Object[] {"  CAS_caseowner ", "first name", " PRS_SECONDNAME"},
                new Object[] {"ngo.caseworker1", "Ana", "Ilić"}));
    assertEquals("Ana", record.firstName());
    assertEquals("Ilić", record.secondName());
  }

  @Test
  void misspeltTemplateColumnIsTheDecisionMakingOrg() throws Exception {
    HtcdsCaseRecord record =
        readOne(
            xlsx(
                new Object[] {"cas_CaseOwner", "vic_TraffickinStatusDecisionMakingOrg"},
                new Object[] {"ngo.caseworker1", "Police"}));
    assertEquals(
        TraffickingStatusDecisionMakingOrg.Police, record.traffickingStatusDecisionMakingOrg());
  }

  @Test
  void columnWithOnlyALabelInTheSecondHeaderRowIsMappedByItsLabel() throws Exception {
    HtcdsCaseRecord record =
        readOne(
            xlsx(
                new Object[] {"cas_CaseOwner", "cas_ReferredOrganisation", null},
                new Object[] {
                  "Case Owner", "Referred Organisation", "Reason for Outgoing Referral"
                },
                new Object[] {
                  "ngo.caseworker1", "Centar za socijalni rad Niš", "AdditionalServicesRequired"
                }));
    assertEquals(ReferralReason.AdditionalServicesRequired, record.reasonForOutgoingReferral());
  }

  @Test
  void unknownHtcdsColumnIsIgnoredEvenIfItsLabelCellNamesAStoredField() throws Exception {
    // The label under an unstored field name may be misaligned, so it is not trusted.
    HtcdsCaseRecord record =
        readOne(
            xlsx(
                new Object[] {"cas_CaseOwner", "prs_MiddleName"},
                new Object[] {"Case Owner", "First Name"},
                new Object[] {"ngo.caseworker1", "Marija"}));
    assertNull(record.firstName());
  }

  @Test
  void columnsThatAreNotStoredFieldsAreIgnored() throws Exception {
    HtcdsCaseRecord record =
        readOne(
            xlsx(
                new Object[] {"cas_CaseOwner", "Internal note", "prs_MiddleName", "prs_FirstName"},
                new Object[] {"ngo.caseworker1", "anything", "Marija", "Ana"}));
    assertEquals("Ana", record.firstName());
  }

  @Test
  void preNumberedAndBlankRowsAreSkipped() throws Exception {
    List<HtcdsCaseRecord> records =
        read(
            xlsx(
                new Object[] {null, "cas_CaseOwner", "prs_FirstName"},
                new Object[] {1, "ngo.caseworker1", "Ana"},
                new Object[] {2},
                null,
                new Object[] {3, "   ", "\u00a0"},
                new Object[] {4, "ngo.caseworker2", "Mila"},
                new Object[] {5}),
            "t.xlsx");
    assertEquals(List.of(2, 6), records.stream().map(HtcdsCaseRecord::rowNumber).toList());
  }

  @Test
  void headerBelowATitleRowIsFound() throws Exception {
    HtcdsCaseRecord record =
        readOne(
            xlsx(
                new Object[] {"NRM caseload export"},
                null,
                new Object[] {"cas_CaseOwner"},
                new Object[] {"ngo.caseworker1"}));
    assertEquals(4, record.rowNumber());
  }

  @Test
  void sheetWithoutHtcdsHeaderIsRejected() {
    assertEquals(
        List.of(error(0, null, HtcdsImportProblem.NO_HEADER, null)),
        errors(xlsx(new Object[] {"Name", "Surname"}, new Object[] {"Ana", "Ilić"}), "t.xlsx"));
  }

  @Test
  void headerFurtherDownThanTenRowsIsNotFound() {
    Object[][] rows = new Object[12][];
    rows[10] = new Object[] {"cas_CaseOwner"};
    rows[11] = new Object[] {"ngo.caseworker1"};
    assertEquals(HtcdsImportProblem.NO_HEADER, errors(xlsx(rows), "t.xlsx").getFirst().problem());
  }

  @Test
  void laterSheetWithTheHeaderIsUsedWhenTheFirstHasNone() throws Exception {
    byte[] file;
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        var out = new java.io.ByteArrayOutputStream()) {
      workbook
          .createSheet("Instructions")
          .createRow(0)
          .createCell(0)
          .setCellValue("Fill in the next sheet");
      var data = workbook.createSheet("Cases");
      data.createRow(0).createCell(0).setCellValue("cas_CaseOwner");
      data.createRow(1).createCell(0).setCellValue("ngo.caseworker1");
      workbook.write(out);
      file = out.toByteArray();
    }
    assertEquals("ngo.caseworker1", readOne(file).caseOwner());
  }

  @Test
  void sameFieldTwiceIsADuplicateColumn() {
    assertEquals(
        List.of(error(1, "First Name", HtcdsImportProblem.DUPLICATE_COLUMN, null)),
        errors(
            xlsx(
                new Object[] {"cas_CaseOwner", "prs_FirstName", "First Name"},
                new Object[] {"ngo.caseworker1", "Ana", "Ana"}),
            "t.xlsx"));
  }

  @Test
  void missingCaseOwnerColumnIsReportedOnceForTheHeader() {
    assertEquals(
        List.of(error(1, "cas_CaseOwner", HtcdsImportProblem.REQUIRED_MISSING, null)),
        errors(
            xlsx(new Object[] {"prs_FirstName", "prs_SecondName"}, new Object[] {"Ana", "Ilić"}),
            "t.xlsx"));
  }
}
