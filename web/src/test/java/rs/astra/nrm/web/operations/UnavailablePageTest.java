package rs.astra.nrm.web.operations;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The "temporarily unavailable" page speaks the user's language and promises only what holds. */
class UnavailablePageTest {

  @Test
  void serbianLatinIsTheDefaultAndSaysNothingSavedIsLost() {
    String html = UnavailablePage.html("sr-Latn", "");
    assertTrue(html.contains("<html lang=\"sr-Latn\">"), html);
    assertTrue(html.contains("Portal je privremeno nedostupan"), html);
    assertTrue(html.contains("Ništa što ste ranije sačuvali nije izgubljeno"), html);
    assertTrue(html.contains("nije sačuvano"), "an entry being saved now was not saved: " + html);
    assertTrue(html.contains("href=\"/app/home.xhtml\""), html);
  }

  @Test
  void cyrillicAndEnglish() {
    assertTrue(UnavailablePage.html("sr-Cyrl", "").contains("Портал је привремено недоступан"));
    String en = UnavailablePage.html("en", "/nrm");
    assertTrue(en.contains("The portal is temporarily unavailable"), en);
    assertTrue(en.contains("Nothing you saved before this is lost"), en);
    assertTrue(en.contains("href=\"/nrm/app/home.xhtml\""), en);
  }

  @Test
  void theContextPathIsEscaped() {
    String html = UnavailablePage.html("en", "/a\"<b>");
    assertFalse(html.contains("<b>"), html);
  }
}
