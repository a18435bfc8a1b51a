package rs.astra.nrm.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rs.astra.nrm.exchange.TestFiles.error;
import static rs.astra.nrm.exchange.TestFiles.errors;
import static rs.astra.nrm.exchange.TestFiles.xlsx;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

class HtcdsImportErrorReportingTest {

  private static final Object[] HEADER = {
    null, "cas_CaseOwner", "prs_FirstName", "prs_Birthdate", "prs_Gender", "con_Consent"
  };

  @Test
  void oneBadRowRejectsTheWholeFile() {
    byte[] file =
        xlsx(
            HEADER,
            new Object[] {1, "ngo.caseworker1", "Ana", "1990-01-01", "Feminine", "da"},
            new Object[] {2, "ngo.caseworker1", "Mila", "31.02.1991.", "Feminine", "da"},
            new Object[] {3, "ngo.caseworker2", "Iva", LocalDate.of(1992, 3, 3), "Feminine", "ne"},
            new Object[] {4, "ngo.caseworker2", "Eva", "1993-04-04", "Feminine", true});
    HtcdsImportException rejected =
        assertThrows(HtcdsImportException.class, () -> TestFiles.read(file, "t.xlsx"));
    assertEquals(
        List.of(error(3, "prs_Birthdate", HtcdsImportProblem.INVALID_DATE, "31.02.1991.")),
        rejected.errors());
  }

  @Test
  void everyBadCellIsListedSortedByRowThenColumn() {
    byte[] file =
        xlsx(
            HEADER,
            new Object[] {1, "ngo.caseworker1", "Ana", "1990-01-01", "Feminine", "da"},
            new Object[] {2, null, "Mila", "someday", "Woman", "perhaps"},
            new Object[] {3, "ngo.caseworker2", "Iva", "2099-01-01", "Feminine", "ne"},
            new Object[] {4, "ngo.caseworker2", "x".repeat(300), "1993-04-04", "Unknown", true});
    assertEquals(
        List.of(
            error(3, "cas_CaseOwner", HtcdsImportProblem.REQUIRED_MISSING, null),
            error(3, "prs_Birthdate", HtcdsImportProblem.INVALID_DATE, "someday"),
            error(3, "prs_Gender", HtcdsImportProblem.UNKNOWN_VALUE, "Woman"),
            error(3, "con_Consent", HtcdsImportProblem.INVALID_BOOLEAN, "perhaps"),
            error(4, "prs_Birthdate", HtcdsImportProblem.DATE_IN_FUTURE, "2099-01-01"),
            error(5, "prs_FirstName", HtcdsImportProblem.TOO_LONG, "x".repeat(300)),
            error(5, "prs_Gender", HtcdsImportProblem.UNKNOWN_VALUE, "Unknown")),
        errors(file, "t.xlsx"));
  }

  @Test
  void messageNamesRowsColumnsAndProblemsButNoCellValues() {
    byte[] file =
        xlsx(
            new Object[] {"cas_CaseOwner", "prs_FirstName", "prs_Birthdate", "prs_Citizenship"},
            new Object[] {"ngo.caseworker1", "Јована", "Petrović 1990", "Serbia"},
            new Object[] {"ngo.caseworker1", "y".repeat(256), "1990-01-01", "RS"});
    HtcdsImportException rejected =
        assertThrows(HtcdsImportException.class, () -> TestFiles.read(file, "t.xlsx"));
    String message = rejected.getMessage();
    assertTrue(message.contains("row 2 prs_Birthdate INVALID_DATE"), message);
    assertTrue(message.contains("row 2 prs_Citizenship INVALID_COUNTRY_CODE"), message);
    assertTrue(message.contains("row 3 prs_FirstName TOO_LONG"), message);
    for (String value : List.of("Јована", "Petrović", "Serbia", "yyyy", "ngo.caseworker1")) {
      assertFalse(message.contains(value), "message leaks a cell value: " + message);
      assertFalse(
          rejected.errors().toString().contains(value), "error toString leaks a cell value");
    }
  }

  @Test
  void headerTextThatIsNotAFieldNameStaysOutOfTheMessage() {
    HtcdsImportException rejected =
        new HtcdsImportException(
            List.of(error(1, "Ana Petrović", HtcdsImportProblem.DUPLICATE_COLUMN, null)));
    assertFalse(rejected.getMessage().contains("Petrović"), rejected.getMessage());
    assertTrue(rejected.getMessage().contains("row 1 DUPLICATE_COLUMN"), rejected.getMessage());
  }

  @Test
  void recordToStringLeaksNoPersonalData() throws Exception {
    HtcdsCaseRecord record =
        TestFiles.readOne(
            TestFiles.xlsxRow(
                new String[] {"cas_CaseOwner", "prs_FirstName"}, "ngo.caseworker1", "Јована"));
    assertFalse(record.toString().contains("Јована"), record.toString());
  }

  @Test
  void notASpreadsheetIsUnreadable() {
    byte[] pdf = {'%', 'P', 'D', 'F', '-', '1', '.', '7', 0, 1, 2, 3, (byte) 0xE2, (byte) 0xE3};
    assertEquals(
        List.of(error(0, null, HtcdsImportProblem.UNREADABLE_FILE, null)),
        errors(pdf, "cases.pdf"));
  }

  @Test
  void corruptWorkbookIsUnreadable() {
    byte[] good = xlsx(new Object[] {"cas_CaseOwner"}, new Object[] {"ngo.caseworker1"});
    byte[] truncated = Arrays.copyOf(good, good.length / 2);
    assertEquals(
        List.of(error(0, null, HtcdsImportProblem.UNREADABLE_FILE, null)),
        errors(truncated, "cases.xlsx"));
  }

  @Test
  void textFileNamedXlsxIsUnreadable() {
    assertEquals(
        List.of(error(0, null, HtcdsImportProblem.UNREADABLE_FILE, null)),
        errors(TestFiles.csv("cas_CaseOwner\nngo.caseworker1\n"), "cases.xlsx"));
  }

  @Test
  void templateWithoutCasesHasNoRows() {
    assertEquals(
        List.of(error(0, null, HtcdsImportProblem.NO_ROWS, null)),
        errors(
            xlsx(
                HEADER,
                new Object[] {null, "Case Owner", "First Name"},
                new Object[] {1},
                new Object[] {2}),
            "t.xlsx"));
  }

  @Test
  void problemMessageKeysAreDistinctBundleKeys() {
    Set<String> keys = new HashSet<>();
    for (HtcdsImportProblem problem : HtcdsImportProblem.values()) {
      assertTrue(
          problem.messageKey().matches("import\\.error\\.[a-z][A-Za-z]+"), problem.messageKey());
      assertTrue(keys.add(problem.messageKey()), problem.messageKey());
    }
    assertEquals("import.error.unknownValue", HtcdsImportProblem.UNKNOWN_VALUE.messageKey());
  }

  @Test
  void noTwoPicklistValuesShareANameLabelOrAlias() {
    // Building each lookup throws if a name, label or alias of one constant matches another.
    for (Class<? extends Enum<?>> type :
        List.<Class<? extends Enum<?>>>of(
            Gender.class,
            TraffickingStatus.class,
            TraffickingStatusDecisionMakingOrg.class,
            MethodOfRecruitment.class,
            MethodOfControl.class,
            TypeOfExploitation.class,
            ForcedLabourIndustry.class,
            TypeOfSexExploitation.class,
            CaseStatus.class,
            ReferralReason.class)) {
      for (Enum<?> constant : type.getEnumConstants()) {
        assertEquals(constant, find(type, constant.name()));
        assertEquals(
            constant,
            find(type, ((rs.astra.nrm.casefile.HtcdsPicklistValue) constant).htcdsLabel()));
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object find(Class type, String text) {
    return HtcdsPicklists.find(type, text);
  }

  @Test
  void recognisedColumnsAreTheStoredHtcdsFields() {
    List<String> columns = HtcdsSpreadsheetReader.recognisedColumns();
    assertEquals(38, columns.size());
    assertEquals("cas_CaseOwner", columns.getFirst());
    assertTrue(columns.contains("vic_TraffickingStatusDecisionMakingOrg"));
    assertTrue(columns.contains("cas_ReasonForOutgoingReferral"));
  }
}
