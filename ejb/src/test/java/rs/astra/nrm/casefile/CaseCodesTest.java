package rs.astra.nrm.casefile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The form of new case codes: random, in the reading-safe alphabet, accepted by {@link CaseFile}.
 */
class CaseCodesTest {

  @Test
  void newCodesAreRandomReadableAndAcceptedAsCaseCodes() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      String code = CaseCodes.random(2026);
      assertTrue(CaseFile.CODE.matcher(code).matches(), code);
      assertTrue(code.startsWith("NRM-2026-") && code.length() == 18, code);
      assertFalse(code.substring(9).matches(".*[ILOU].*"), "no I, L, O or U: " + code);
      seen.add(code);
    }
    assertTrue(
        seen.size() > 1_990,
        "2,000 codes are (almost surely) all different; consecutive ones carry no count");
    assertTrue(
        CaseFile.CODE.matcher("NRM-2025-00042").matches(), "codes handed out before stay valid");
  }
}
