package rs.astra.nrm.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.casefile.CaseFileService;

/**
 * A file imported again is one whole-file error naming the day; a waiting import stores nothing.
 */
class HtcdsFileAlreadyImportedExceptionTest {

  @Test
  void theRefusalNamesTheDayOfTheFirstImportAsSerbianDate() {
    HtcdsFileAlreadyImportedException e =
        new HtcdsFileAlreadyImportedException(LocalDate.of(2026, 3, 7));
    assertEquals(LocalDate.of(2026, 3, 7), e.importedOn());
    HtcdsImportError error = e.errors().get(0);
    assertEquals(0, error.rowNumber(), "the whole file");
    assertEquals(HtcdsImportProblem.ALREADY_IMPORTED, error.problem());
    assertEquals("07.03.2026", error.value());
  }

  @Test
  void anImportWaitsForAChoiceOnlyWhenItStoredNothingAndNamedKnownPersons() {
    List<CaseFileService.KnownPerson> known = List.of(new CaseFileService.KnownPerson(3, "X"));
    assertTrue(new HtcdsImportService.ImportOutcome(0, 0, known, 0).awaitsChoice());
    assertFalse(new HtcdsImportService.ImportOutcome(0, 0, known, 1).awaitsChoice(), "skipped");
    assertFalse(new HtcdsImportService.ImportOutcome(2, 0, known, 0).awaitsChoice(), "as new");
    assertFalse(new HtcdsImportService.ImportOutcome(2, 0, List.of(), 0).awaitsChoice());
  }
}
