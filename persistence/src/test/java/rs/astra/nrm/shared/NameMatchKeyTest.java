package rs.astra.nrm.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The registry finds a name however hotline staff wrote it: script, diacritics, case, legal form.
 */
class NameMatchKeyTest {

  private static void sameKey(String... spellings) {
    String key = NameMatchKey.of(spellings[0]);
    assertTrue(!key.isEmpty(), spellings[0]);
    for (String s : spellings) {
      assertEquals(key, NameMatchKey.of(s), s + " should match " + spellings[0]);
    }
  }

  @Test
  void djordjevicIsFoundWithAndWithoutDiacriticsInEitherScriptAndAnyCase() {
    sameKey(
        "Djordjevic",
        "Đorđević",
        "Ђорђевић",
        "DJORDJEVIĆ d.o.o.",
        "djordjević",
        "ĐORĐEVIĆ",
        "ЂОРЂЕВИЋ Д.О.О.",
        "Dordevic");
    assertEquals("dordevic", NameMatchKey.of("Đorđević"));
  }

  @Test
  void cyrillicDigraphLettersMatchTheirLatinPairs() {
    sameKey("Ljubljana", "Љубљана", "LJUBLJANA", "ЉУБЉАНА");
    sameKey("Njegoš", "Његош", "NJEGOS", "Njegos");
    sameKey("Džonić", "Џонић", "DŽONIĆ", "Dzonic");
    sameKey("Ćirić Čačak Šabac Žabalj", "Ћирић Чачак Шабац Жабаљ", "Ciric Cacak Sabac Zabalj");
  }

  @Test
  void foreignNamesMatchTheirSerbianSpellingWithoutDoubledLetters() {
    sameKey(
        "Đorđević Staffing d.o.o.",
        "Ђорђевић Стафинг д.о.о.",
        "DJORDJEVIC STAFFING DOO",
        "Djordjevic Stafing");
    sameKey("Pflege Zentrum Süd GmbH", "Pflege-Zentrum Sud");
  }

  @Test
  void legalFormsAreIgnoredWhereverTheyAreWritten() {
    sameKey(
        "Gradnja",
        "Gradnja d.o.o.",
        "Gradnja DOO",
        "Gradnja d. o. o.",
        "GRADNJA D.O.O",
        "DOO Gradnja",
        "Градња д.о.о.",
        "Gradnja Ltd",
        "Gradnja LLC",
        "Gradnja GmbH",
        "Gradnja Inc.",
        "Gradnja a.d.",
        "Gradnja AD",
        "Gradnja PR");
    sameKey("Müller Bau GmbH & Co. KG", "Muller Bau", "MÜLLER-BAU");
    sameKey("Gradnja DOO Beograd", "Gradnja Beograd");
  }

  @Test
  void shortLegalWordsInsideANameStay() {
    assertNotEquals(
        NameMatchKey.of("Ad Astra Jobs"),
        NameMatchKey.of("Astra Jobs"),
        "only at the end is AD a legal form");
    assertEquals(NameMatchKey.of("Jobs AD Plus"), NameMatchKey.of("jobs ad plus"));
    assertEquals("jobsadplus", NameMatchKey.of("Jobs AD Plus"));
  }

  @Test
  void aNameMadeOfLegalFormsOnlyIsKept() {
    assertEquals("ad", NameMatchKey.of("A.D."));
    assertEquals("", NameMatchKey.of(null));
    assertEquals("", NameMatchKey.of("  - . "));
  }

  @Test
  void differentNamesKeepDifferentKeys() {
    List<String> names =
        List.of(
            "Đorđević Staffing",
            "Đorđević Gradnja",
            "Petrović Staffing",
            "Bar Edelweiss",
            "Hotel Adriatic");
    assertEquals(names.size(), names.stream().map(NameMatchKey::of).distinct().count());
  }

  @Test
  void aPartOfANameIsContainedInTheKeyOfTheWholeName() {
    assertTrue(NameMatchKey.of("Ђорђевић Стафинг д.о.о.").contains(NameMatchKey.of("Djordjevic")));
    assertTrue(NameMatchKey.of("DJORDJEVIC STAFFING DOO").contains(NameMatchKey.of("Đorđević")));
  }

  @Test
  void namesAreShownInTheOtherScript() {
    assertEquals(
        "Ђорђевић Љубљана Његош Џонић",
        NameMatchKey.toCyrillic("Đorđević Ljubljana Njegoš Džonić"));
    assertEquals("ЉУБЉАНА", NameMatchKey.toCyrillic("LJUBLJANA"));
    assertEquals("Ђорђевић", NameMatchKey.toCyrillic("Djordjević"));
    assertEquals(
        "Đorđević Ljubljana Njegoš Džonić", NameMatchKey.toLatin("Ђорђевић Љубљана Његош Џонић"));
    assertEquals("LJUBLJANA NJEGOŠ DŽONIĆ", NameMatchKey.toLatin("ЉУБЉАНА ЊЕГОШ ЏОНИЋ"));
    assertEquals("Äé 12", NameMatchKey.toCyrillic("Äé 12"), "other letters and digits stay");
  }

  @Test
  void foreignLettersAreWrittenAsSerbianWritesThemInForeignNames() {
    assertEquals("Бар Еделвеисс", NameMatchKey.toCyrillic("Bar Edelweiss"), "w is в");
    assertEquals("Катар", NameMatchKey.toCyrillic("Qatar"), "q is к");
    assertEquals("Ксерокс", NameMatchKey.toCyrillic("Xerox"), "x is кс");
    assertEquals("Јорк", NameMatchKey.toCyrillic("York"), "y is ј");
    assertEquals("КСЕРОКС ВОРК", NameMatchKey.toCyrillic("XEROX WORK"), "upper case throughout");
    assertEquals("Макс", NameMatchKey.toCyrillic("Max"));
    assertEquals("МАКС", NameMatchKey.toCyrillic("MAX"));
    assertEquals("квј", NameMatchKey.toCyrillic("qwy"));
  }
}
