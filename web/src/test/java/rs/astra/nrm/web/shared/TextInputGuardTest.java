package rs.astra.nrm.web.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.web.shared.TextInputGuard.Problem;

/** What the portal refuses to store from a text field, before any value is applied. */
class TextInputGuardTest {

  @Test
  void textLongerThanItsFieldIsRefusedNotCut() {
    assertEquals(Optional.empty(), TextInputGuard.check("x".repeat(255), 255, false));
    assertEquals(Optional.of(Problem.TOO_LONG), TextInputGuard.check("x".repeat(256), 255, false));
    assertEquals(
        Optional.of(Problem.TOO_LONG), TextInputGuard.check("x".repeat(10_000), 255, false));
    assertEquals(
        Optional.empty(), TextInputGuard.check("x".repeat(10_000), 0, false), "no limit given");
  }

  @Test
  void nulAndOtherControlCharactersAreRefused() {
    assertEquals(
        Optional.of(Problem.CONTROL_CHARACTER), TextInputGuard.check("Mil\u0000ica", 0, false));
    assertEquals(
        Optional.of(Problem.CONTROL_CHARACTER), TextInputGuard.check("bell\u0007", 0, true));
    assertEquals(
        Optional.of(Problem.CONTROL_CHARACTER),
        TextInputGuard.check("two\nlines", 0, false),
        "no line break in a one-line field");
    assertEquals(
        Optional.empty(),
        TextInputGuard.check("two\r\nlines\tand a tab", 0, true),
        "a note may have lines");
  }

  @Test
  void halfOfASurrogatePairIsRefusedAndAWholePairPasses() {
    // JSON may carry "\ud800" alone; the database would store "?" in its place.
    assertEquals(Optional.of(Problem.CONTROL_CHARACTER), TextInputGuard.check("x\uD800y", 0, true));
    assertEquals(Optional.of(Problem.CONTROL_CHARACTER), TextInputGuard.check("\uDC00", 0, true));
    assertEquals(
        Optional.of(Problem.CONTROL_CHARACTER),
        TextInputGuard.check("end\uD83D", 0, false),
        "a high half at the end");
    assertEquals(
        Optional.of(Problem.CONTROL_CHARACTER),
        TextInputGuard.check("\uDE00\uD83D", 0, false),
        "the halves in the wrong order");
    assertEquals(Optional.empty(), TextInputGuard.check("Ana \uD83D\uDE00", 0, false), "an emoji");
  }

  @Test
  void bidirectionalOverridesAreRefusedButScriptsAndMarksPass() {
    assertEquals(
        Optional.of(Problem.BIDI_CONTROL), TextInputGuard.check("abc\u202Egpj.exe", 0, false));
    assertEquals(
        Optional.of(Problem.BIDI_CONTROL), TextInputGuard.check("\u2066name\u2069", 0, false));
    assertEquals(Optional.empty(), TextInputGuard.check("Милица Јовановић", 0, false));
    assertEquals(
        Optional.empty(),
        TextInputGuard.check("فاطمة\u200F", 0, false),
        "Arabic with a right-to-left mark");
  }
}
