package rs.astra.nrm.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.casefile.ForcedLabourIndustry;
import rs.astra.nrm.casefile.Gender;
import rs.astra.nrm.casefile.MethodOfControl;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.casefile.TypeOfSexExploitation;

/**
 * The CTDC global dataset layout: reading the fixture, every rejected value, writing and reading
 * back.
 */
class CtdcCodecTest {

  private static final CtdcReader READER =
      new CtdcReader(
          Clock.fixed(
              ZonedDateTime.of(2026, 5, 11, 12, 0, 0, 0, rs.astra.nrm.shared.NrmTime.ZONE)
                  .toInstant(),
              rs.astra.nrm.shared.NrmTime.ZONE));

  private static List<CtdcRow> fixture() throws Exception {
    try (InputStream in = CtdcCodecTest.class.getResourceAsStream("ctdc-fixture.csv")) {
      return READER.read(in);
    }
  }

  private static List<CtdcImportError> errors(String csv) {
    return assertThrows(
            CtdcImportException.class,
            () -> READER.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
        .errors();
  }

  private static final String HEADER =
      "yearOfRegistration;Datasource;gender;ageBroad;majorityStatus;citizenship;isForcedLabour;isSexualExploit;meansOfControlConcatenated\n";

  @Test
  void theFixtureWithTheTermsOfUseNoticeInTheFirstHeaderCellIsRead() throws Exception {
    List<CtdcRow> rows = fixture();
    assertEquals(10, rows.size(), "the blank line is skipped");
    CtdcRow first = rows.getFirst();
    assertEquals(2, first.rowNumber());
    assertEquals(2015, first.yearOfRegistration(), "the notice column holds the year");
    assertEquals("Case Management", first.datasource());
    assertEquals(Sex.FEMALE, first.gender());
    assertEquals(AgeBand.AGE_18_20, first.ageBand());
    assertEquals(Majority.ADULT, first.majorityStatus());
    assertEquals("RS", first.citizenship());
    assertEquals(1, first.flag(CtdcFlag.SEXUAL_EXPLOIT));
    assertEquals(0, first.flag(CtdcFlag.FORCED_LABOUR));
    assertEquals(-99, first.flag(CtdcFlag.MOC_DEBT_BONDAGE));
    assertEquals(
        List.of(2015, 2015, 2015, 2016, 2016, 2016, 2017, 2017, 2017, 2018),
        rows.stream().map(CtdcRow::yearOfRegistration).toList());
    assertEquals(
        12,
        rows.getLast().rowNumber(),
        "row numbers count the blank line, as an editor shows them");
  }

  @Test
  void minusNinetyNineIsUnknownInEveryColumn() throws Exception {
    CtdcRow unknown = fixture().get(4);
    assertNull(unknown.gender());
    assertNull(unknown.ageBand());
    assertNull(unknown.majorityStatus());
    assertNull(unknown.citizenship());
    assertNull(unknown.countryOfExploitation());
    assertEquals(1, unknown.flag(CtdcFlag.OTHER_EXPLOIT));
    CtdcRow child = fixture().get(5);
    assertEquals(AgeBand.AGE_0_8, child.ageBand());
    assertEquals(Majority.MINOR, child.majorityEntry());
    assertEquals("RS", child.countryOfExploitation());
    assertEquals("Family/Relative", child.recruiterRelationship());
  }

  @Test
  void everyBadValueIsReportedWithItsRowAndNothingIsRead() {
    List<CtdcImportError> errors =
        errors(
            HEADER
                + "2015;Case Management;Female;18--20;Adult;RS;0;1;-99\n"
                + "1899;Case Management;female;18-20;Adult;XX;2;1;-99\n"
                + "-99;Hotline;Woman;48+;Grown;rs;0;yes;-99\n");
    assertEquals(
        List.of(
            "3 yearOfRegistration INVALID_YEAR 1899",
            "3 ageBroad INVALID_AGE_BAND 18-20",
            "3 isForcedLabour INVALID_FLAG 2",
            "3 citizenship INVALID_COUNTRY_CODE XX",
            "4 yearOfRegistration INVALID_YEAR null",
            "4 gender INVALID_GENDER Woman",
            "4 isSexualExploit INVALID_FLAG yes",
            "4 majorityStatus INVALID_MAJORITY Grown"),
        errors.stream()
            .map(e -> e.rowNumber() + " " + e.column() + " " + e.problem() + " " + e.value())
            .toList());
  }

  @Test
  void aYearAfterThisYearIsRejected() {
    assertEquals(
        CtdcImportProblem.INVALID_YEAR,
        errors(HEADER + "2027;;Male;48+;Adult;RS;1;0;-99\n").getFirst().problem());
  }

  @Test
  void filesWithoutTheLayoutAreRejectedAsAWhole() {
    assertEquals(
        CtdcImportProblem.NO_HEADER, errors("name;surname\nAna;Petrović\n").getFirst().problem());
    assertEquals(CtdcImportProblem.NO_ROWS, errors(HEADER).getFirst().problem());
    assertEquals(
        CtdcImportProblem.DUPLICATE_COLUMN,
        errors("yearOfRegistration;gender;gender;ageBroad\n2015;Male;Male;48+\n")
            .getFirst()
            .problem());
    byte[] windows1250 =
        "yearOfRegistration;gender;ageBroad;citizenship\n2015;Male;48+;RS\nž"
            .getBytes(java.nio.charset.Charset.forName("windows-1250"));
    assertEquals(
        CtdcImportProblem.UNREADABLE_FILE,
        assertThrows(
                CtdcImportException.class, () -> READER.read(new ByteArrayInputStream(windows1250)))
            .errors()
            .getFirst()
            .problem());
  }

  @Test
  void whatTheWriterWritesTheReaderReadsBack() throws Exception {
    List<CtdcRow> rows = fixture();
    byte[] written = new CtdcWriter().write(rows);
    String text = new String(written, StandardCharsets.UTF_8);
    assertTrue(
        text.startsWith(
            "yearOfRegistration;Datasource;gender;ageBroad;majorityStatus;majorityStatusAtExploit;majorityEntry;citizenship;meansOfControlDebtBondage;"));
    assertEquals(
        63,
        text.lines().findFirst().orElseThrow().split(";").length,
        "the 63 columns of the CTDC global dataset");
    List<CtdcRow> back = READER.read(new ByteArrayInputStream(written));
    assertEquals(rows.size(), back.size());
    for (int i = 0; i < rows.size(); i++) {
      CtdcRow a = rows.get(i);
      CtdcRow b = back.get(i);
      assertEquals(
          new CtdcRow(
              0,
              a.yearOfRegistration(),
              a.datasource(),
              a.gender(),
              a.ageBand(),
              a.majorityStatus(),
              a.majorityStatusAtExploit(),
              a.majorityEntry(),
              a.citizenship(),
              a.countryOfExploitation(),
              a.recruiterRelationship(),
              a.flags()),
          new CtdcRow(
              0,
              b.yearOfRegistration(),
              b.datasource(),
              b.gender(),
              b.ageBand(),
              b.majorityStatus(),
              b.majorityStatusAtExploit(),
              b.majorityEntry(),
              b.citizenship(),
              b.countryOfExploitation(),
              b.recruiterRelationship(),
              b.flags()),
          "record " + i);
    }
    assertTrue(text.contains(";Sexual exploitation;"), "the concatenated column lists the forms");
  }

  @Test
  void aPortalCaseBecomesARecordWithYearAgeBandAndFlagsOnly() {
    CtdcRow r =
        CtdcPortalMapping.fromCase(
            java.time.LocalDate.of(2024, 3, 1),
            Gender.Feminine,
            java.time.LocalDate.of(2006, 3, 2),
            Set.of("RS", "BA"),
            EnumSet.of(TypeOfExploitation.SexualExploitation, TypeOfExploitation.ForcedBegging),
            EnumSet.of(MethodOfControl.DebtBondage),
            EnumSet.of(TypeOfSexExploitation.Prostitution),
            ForcedLabourIndustry.C_Manufacturing);
    assertEquals(2024, r.yearOfRegistration());
    assertEquals(
        AgeBand.AGE_9_17, r.ageBand(), "17 on the day of registration, one day before turning 18");
    assertEquals(Majority.MINOR, r.majorityStatus());
    assertEquals(Sex.FEMALE, r.gender());
    assertEquals("BA", r.citizenship());
    assertEquals(
        Map.of(1, List.of("isForcedLabour", "isSexualExploit", "isSexAndLabour")),
        Map.of(
            1,
            CtdcFlag.Group.EXPLOITATION.flags().stream()
                .filter(f -> r.flag(f) == 1)
                .map(CtdcFlag::column)
                .toList()));
    assertEquals(1, r.flag(CtdcFlag.LABOUR_BEGGING));
    assertEquals(1, r.flag(CtdcFlag.LABOUR_MANUFACTURING));
    assertEquals(0, r.flag(CtdcFlag.LABOUR_AGRICULTURE));
    assertEquals(1, r.flag(CtdcFlag.MOC_DEBT_BONDAGE));
    assertEquals(0, r.flag(CtdcFlag.MOC_THREATS));
    assertEquals(-99, r.flag(CtdcFlag.ABDUCTION));
    CtdcRow empty =
        CtdcPortalMapping.fromCase(
            java.time.LocalDate.of(2024, 3, 1),
            Gender.NonConforming,
            null,
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            null);
    assertNull(empty.gender(), "only Female and Male exist in the CTDC layout");
    assertNull(empty.ageBand());
    assertEquals(-99, empty.flag(CtdcFlag.FORCED_LABOUR));
  }
}
