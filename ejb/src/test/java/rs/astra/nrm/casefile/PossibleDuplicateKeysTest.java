package rs.astra.nrm.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys a possible duplicate is looked up by: both name orders, each once, any script. */
class PossibleDuplicateKeysTest {

  @Test
  void bothOrdersInEitherScriptGiveTheSameKeys() {
    List<String> cyrillic = CaseFileService.nameKeys("Ђорђе", "Ђорђевић");
    assertEquals(List.of("dorde dordevic dorde", "dordevic dorde dordevic"), cyrillic);
    assertEquals(cyrillic, CaseFileService.nameKeys("Djordje", "Djordjevic"));
    assertEquals(cyrillic, CaseFileService.nameKeys("ĐORĐE", "Đorđević"));
    assertEquals(cyrillic.reversed(), CaseFileService.nameKeys("Djordjevic", "Djordje"));
  }

  @Test
  void aSingleNameOrTheSameNameTwiceHasOneKeyAndNoNameNone() {
    assertEquals(List.of("ana"), CaseFileService.nameKeys("Ana", null));
    assertEquals(List.of("ana"), CaseFileService.nameKeys(" ", "Ана"));
    assertEquals(List.of("ana ana ana"), CaseFileService.nameKeys("Ana", "Ana"));
    assertEquals(List.of(), CaseFileService.nameKeys(null, " "));
  }

  @Test
  void aRowRepeatingAnEarlierRowsPersonInAnyScriptOrOrderNamesTheFirstRow() {
    java.time.LocalDate born = java.time.LocalDate.of(1999, 6, 5);
    List<CaseFileService.KnownPerson> repeated =
        CaseFileService.repeatedInFile(
            List.of(
                new CaseFileService.PersonKey(2, "Jelena", "Đurić", born),
                new CaseFileService.PersonKey(3, "Đurić", "Jelena", born.plusYears(1)),
                new CaseFileService.PersonKey(4, "Ђурић", "Јелена", born),
                new CaseFileService.PersonKey(5, "Jelena", "Djuric", born),
                new CaseFileService.PersonKey(6, "Jelena", "Djuric", null),
                new CaseFileService.PersonKey(7, null, null, born),
                new CaseFileService.PersonKey(8, null, null, born)));
    assertEquals(
        List.of(
            new CaseFileService.KnownPerson(4, null, 2),
            new CaseFileService.KnownPerson(5, null, 2)),
        repeated,
        "another birth date, no birth date or no name is never the same person");
  }
}
