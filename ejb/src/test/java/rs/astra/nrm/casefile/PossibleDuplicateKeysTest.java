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
}
