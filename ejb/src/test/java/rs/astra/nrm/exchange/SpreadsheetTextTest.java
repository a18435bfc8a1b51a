package rs.astra.nrm.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * CSV text that a spreadsheet program would evaluate is marked as text, and the mark comes off on
 * reading.
 */
class SpreadsheetTextTest {

  @Test
  void textStartingWithAFormulaCharacterGetsAnApostrophe() {
    assertEquals(
        "'=HYPERLINK(\"http://evil.example\")",
        SpreadsheetText.neutralise("=HYPERLINK(\"http://evil.example\")"));
    assertEquals("'+381 60 555 0101", SpreadsheetText.neutralise("+381 60 555 0101"));
    assertEquals(
        "'+381601234567",
        SpreadsheetText.neutralise("+381601234567"),
        "a phone number keeps its + in a spreadsheet");
    assertEquals("'-2+3+cmd|' /C calc'!A0", SpreadsheetText.neutralise("-2+3+cmd|' /C calc'!A0"));
    assertEquals("'@SUM(A1:A9)", SpreadsheetText.neutralise("@SUM(A1:A9)"));
    assertEquals("'\t=1", SpreadsheetText.neutralise("\t=1"));
    assertEquals("'\r=1", SpreadsheetText.neutralise("\r=1"));
  }

  @Test
  void ordinaryTextAndPlainNumbersStayAsTheyAre() {
    assertEquals("Jelena Petrović", SpreadsheetText.neutralise("Jelena Petrović"));
    assertEquals("Ана = Ана", SpreadsheetText.neutralise("Ана = Ана"));
    assertEquals("-99", SpreadsheetText.neutralise("-99"), "CTDC's unknown stays a number");
    assertEquals("-1.5", SpreadsheetText.neutralise("-1.5"));
    assertEquals("", SpreadsheetText.neutralise(""));
    assertNull(SpreadsheetText.neutralise(null));
  }

  @Test
  void readingTakesOffOnlyTheMarkWritingPutOn() {
    for (String value :
        new String[] {
          "=1+1",
          "+381 11 123",
          "-x",
          "@a",
          "\t=1",
          "Jelena",
          "-99",
          "'tis",
          "'",
          "",
          "'=x",
          "''+1 2",
          "'-99",
          "+381601234567"
        }) {
      assertEquals(value, SpreadsheetText.restore(SpreadsheetText.neutralise(value)), value);
    }
    assertEquals(
        "'tis",
        SpreadsheetText.restore("'tis"),
        "an apostrophe before an ordinary letter is the data's own");
    assertNull(SpreadsheetText.restore(null));
  }
}
