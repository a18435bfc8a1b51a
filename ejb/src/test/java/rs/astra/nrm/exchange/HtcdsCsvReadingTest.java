package rs.astra.nrm.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static rs.astra.nrm.exchange.TestFiles.csv;
import static rs.astra.nrm.exchange.TestFiles.error;
import static rs.astra.nrm.exchange.TestFiles.errors;
import static rs.astra.nrm.exchange.TestFiles.read;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.casefile.MethodOfControl;
import rs.astra.nrm.casefile.TypeOfExploitation;

class HtcdsCsvReadingTest {

  @Test
  void commaSeparatedFileWithFieldNameHeaderIsRead() throws Exception {
    List<HtcdsCaseRecord> records =
        read(
            csv(
                "cas_CaseOwner,prs_FirstName,prs_Birthdate,vic_MethodsOfControl\n"
                    + "ngo.caseworker1,Ana,22.02.1990.,DebtBondage;PhysicalAbuse\n"
                    + "ngo.caseworker2,Mila,1991-03-04,\n"),
            "cases.csv");
    assertEquals(List.of(2, 3), records.stream().map(HtcdsCaseRecord::rowNumber).toList());
    assertEquals(LocalDate.of(1990, 2, 22), records.get(0).birthdate());
    assertEquals(
        EnumSet.of(MethodOfControl.DebtBondage, MethodOfControl.PhysicalAbuse),
        records.get(0).methodsOfControl());
    assertEquals("Mila", records.get(1).firstName());
  }

  @Test
  void semicolonSeparatedFileIsRead() throws Exception {
    List<HtcdsCaseRecord> records =
        read(
            csv(
                "Case Owner;First Name;Type of Exploitation\r\nngo.caseworker1;Ana;\"Forced labour; Sexual exploitation\"\r\n"),
            "cases.csv");
    assertEquals("Ana", records.getFirst().firstName());
    assertEquals(
        EnumSet.of(TypeOfExploitation.ForcedLabour, TypeOfExploitation.SexualExploitation),
        records.getFirst().typeOfExploitation());
  }

  @Test
  void byteOrderMarkIsIgnored() throws Exception {
    byte[] file = csv("\uFEFFcas_CaseOwner;prs_FirstName\nngo.caseworker1;Јована\n");
    HtcdsCaseRecord record = read(file, "cases.csv").getFirst();
    assertEquals("ngo.caseworker1", record.caseOwner());
    assertEquals("Јована", record.firstName());
  }

  @Test
  void quotedFieldsKeepSeparatorsNewlinesAndQuotes() throws Exception {
    List<HtcdsCaseRecord> records =
        read(
            csv(
                "cas_CaseOwner,cas_IncomingReferralDetails,cas_ReferringOrganisation\n"
                    + "ngo.caseworker1,\"Found at a bus station, Niš;\nreferred by \"\"ASTRA\"\"\",\"Centre, Niš\"\n"
                    + "ngo.caseworker2,short,IOM\n"),
            "cases.csv");
    // Line breaks inside a value are white space like any other and collapse to one space.
    assertEquals(
        "Found at a bus station, Niš; referred by \"ASTRA\"",
        records.get(0).incomingReferralDetails());
    assertEquals("Centre, Niš", records.get(0).referringOrganisation());
    // The quoted line break does not shift the numbering: the second record is row 3.
    assertEquals(List.of(2, 3), records.stream().map(HtcdsCaseRecord::rowNumber).toList());
  }

  @Test
  void rowNumbersCountTheHeaderAsOneAndBlankLinesAsRows() {
    byte[] file =
        csv("cas_CaseOwner,prs_Birthdate\nngo.caseworker1,1990-01-01\n\nngo.caseworker2,someday\n");
    assertEquals(
        List.of(error(4, "prs_Birthdate", HtcdsImportProblem.INVALID_DATE, "someday")),
        errors(file, "cases.csv"));
  }

  @Test
  void multiSelectsInUnquotedCommaFileDoNotConfuseTheDelimiter() throws Exception {
    byte[] file =
        csv(
            "cas_CaseOwner,vic_MethodsOfControl,prs_FirstName\nngo.caseworker1,DebtBondage;PhysicalAbuse;TakesEarnings;Other,Ana\n");
    HtcdsCaseRecord record = read(file, "cases.csv").getFirst();
    assertEquals("Ana", record.firstName());
    assertEquals(4, record.methodsOfControl().size());
  }

  @Test
  void csvWithoutExtensionIsRecognisedByContent() throws Exception {
    assertEquals(1, read(csv("cas_CaseOwner\nngo.caseworker1\n"), null).size());
  }

  @Test
  void nonUtf8FileIsUnreadable() {
    byte[] windows1250 =
        "cas_CaseOwner;prs_FirstName\nngo.caseworker1;Slađana\n"
            .getBytes(Charset.forName("windows-1250"));
    assertEquals(
        List.of(error(0, null, HtcdsImportProblem.UNREADABLE_FILE, null)),
        errors(windows1250, "cases.csv"));
  }

  @Test
  void unterminatedQuoteIsUnreadable() {
    assertEquals(
        List.of(error(0, null, HtcdsImportProblem.UNREADABLE_FILE, null)),
        errors(csv("cas_CaseOwner,prs_FirstName\nngo.caseworker1,\"Ana\n"), "cases.csv"));
  }

  @Test
  void headerOnlyCsvHasNoRows() {
    assertEquals(
        List.of(error(0, null, HtcdsImportProblem.NO_ROWS, null)),
        errors(csv("cas_CaseOwner,prs_FirstName\n"), "cases.csv"));
  }

  @Test
  void emptyFileHasNoHeader() {
    assertEquals(
        List.of(error(0, null, HtcdsImportProblem.NO_HEADER, null)),
        errors(new byte[0], "cases.csv"));
  }
}
