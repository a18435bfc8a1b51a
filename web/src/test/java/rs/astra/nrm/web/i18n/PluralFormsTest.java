package rs.astra.nrm.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Messages with a count take the number's plural form in each language (CLDR rules for sr, en). */
class PluralFormsTest {

  private static final Locale LATIN = Locale.forLanguageTag("sr-Latn");
  private static final Locale CYRILLIC = Locale.forLanguageTag("sr-Cyrl");

  private static String text(Locale locale, String key, Object... args) {
    return Messages.format(
        ResourceBundle.getBundle(Messages.BUNDLE, locale).getString(key), locale, args);
  }

  @Test
  void serbianFollowsCldrOneFewOther() {
    for (Locale sr : List.of(LATIN, CYRILLIC)) {
      for (long n : new long[] {1, 21, 31, 101, 1001}) {
        assertEquals("one", PluralForms.select(sr, n), n + "");
      }
      for (long n : new long[] {2, 3, 4, 22, 23, 24, 102, 1004}) {
        assertEquals("few", PluralForms.select(sr, n), n + "");
      }
      for (long n : new long[] {0, 5, 10, 11, 12, 13, 14, 15, 19, 20, 25, 100, 111, 112, 114}) {
        assertEquals("other", PluralForms.select(sr, n), n + "");
      }
    }
    assertEquals("one", PluralForms.select(Locale.ENGLISH, 1));
    assertEquals("other", PluralForms.select(Locale.ENGLISH, 21));
    assertEquals("other", PluralForms.select(Locale.ENGLISH, 0));
  }

  @Test
  void theImportSaysHowManyCasesInSerbianLatin() {
    assertEquals("Uvezen je 1 slučaj i 1 upućivanje.", text(LATIN, "import.success", 1, 1));
    assertEquals("Uvezena su 2 slučaja i 2 upućivanja.", text(LATIN, "import.success", 2, 2));
    assertEquals("Uvezeno je 5 slučajeva i 5 upućivanja.", text(LATIN, "import.success", 5, 5));
    assertEquals("Uvezeno je 11 slučajeva i 11 upućivanja.", text(LATIN, "import.success", 11, 11));
    assertEquals("Uvezen je 21 slučaj i 21 upućivanje.", text(LATIN, "import.success", 21, 21));
    assertEquals("Uvezena su 22 slučaja i 0 upućivanja.", text(LATIN, "import.success", 22, 0));
    assertTrue(
        text(LATIN, "import.failed", 1).startsWith("Ništa nije uvezeno: datoteka ima 1 grešku."));
    assertTrue(text(LATIN, "import.failed", 22).contains("ima 22 greške."));
    assertTrue(text(LATIN, "import.failed", 11).contains("ima 11 grešaka."));
    assertTrue(text(LATIN, "import.known.found", 1).contains(": 1 red navodi osobu koja"));
    assertTrue(text(LATIN, "import.known.found", 2).contains(": 2 reda navode osobe"));
    assertTrue(text(LATIN, "import.known.found", 5).contains(": 5 redova navodi osobe"));
    assertEquals(
        "Uvezen je 21 slučaj i 2 upućivanja; preskočen je 1 red osobe koja već ima slučaj ili je"
            + " navodi raniji red.",
        text(LATIN, "import.known.skipped", 21, 2, 1));
    assertEquals(
        "Uvezeno je 11 slučajeva i 5 upućivanja; preskočena su 22 reda osoba koje već imaju"
            + " slučaj ili ih navodi raniji red.",
        text(LATIN, "import.known.skipped", 11, 5, 22));
  }

  @Test
  void theImportSaysHowManyCasesInSerbianCyrillic() {
    assertEquals("Увезен је 1 случај и 0 упућивања.", text(CYRILLIC, "import.success", 1, 0));
    assertEquals("Увезена су 2 случаја и 1 упућивање.", text(CYRILLIC, "import.success", 2, 1));
    assertEquals("Увезено је 5 случајева и 5 упућивања.", text(CYRILLIC, "import.success", 5, 5));
    assertEquals(
        "Увезено је 11 случајева и 11 упућивања.", text(CYRILLIC, "import.success", 11, 11));
    assertEquals("Увезен је 21 случај и 21 упућивање.", text(CYRILLIC, "import.success", 21, 21));
    assertEquals("Увезена су 22 случаја и 22 упућивања.", text(CYRILLIC, "import.success", 22, 22));
    assertTrue(text(CYRILLIC, "import.failed", 21).contains("има 21 грешку."));
    assertTrue(text(CYRILLIC, "import.failed", 2).contains("има 2 грешке."));
    assertTrue(text(CYRILLIC, "import.known.found", 21).contains(": 21 ред наводи особу"));
    assertTrue(text(CYRILLIC, "import.known.found", 11).contains(": 11 редова наводи"));
    assertEquals(
        "Увезена су 2 случаја и 1 упућивање; прескочено је 5 редова особа које већ имају случај"
            + " или их наводи ранији ред.",
        text(CYRILLIC, "import.known.skipped", 2, 1, 5));
  }

  @Test
  void theImportSaysHowManyCasesInEnglish() {
    assertEquals("Imported 1 case and 1 referral.", text(Locale.ENGLISH, "import.success", 1, 1));
    assertEquals(
        "Imported 21 cases and 2 referrals.", text(Locale.ENGLISH, "import.success", 21, 2));
    assertTrue(text(Locale.ENGLISH, "import.failed", 1).contains("has 1 error. Correct it and"));
    assertTrue(text(Locale.ENGLISH, "import.failed", 2).contains("has 2 errors. Correct them"));
    assertEquals(
        "Imported 0 cases and 1 referral; 1 row of a person who already has a case or is named in"
            + " an earlier row was skipped.",
        text(Locale.ENGLISH, "import.known.skipped", 0, 1, 1));
  }

  @Test
  void everyCountMessageFormatsInEveryLanguageWithoutLeftoverSyntax() {
    List<String> problems = new ArrayList<>();
    for (Locale locale : List.of(Locale.ENGLISH, LATIN, CYRILLIC)) {
      ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, locale);
      for (String key : bundle.keySet()) {
        if (!bundle.getString(key).contains(",plural,")) {
          continue;
        }
        for (long n : new long[] {1, 2, 5, 11, 21, 22}) {
          String text =
              Messages.format(bundle.getString(key), locale, n, n, n).replace("1.000", "");
          if (text.contains("plural") || text.contains("{") || text.contains("#")) {
            problems.add(locale + " " + key + " " + n + ": " + text);
          }
        }
      }
    }
    assertTrue(problems.isEmpty(), problems.toString());
    // a count that arrives as text (an exception's argument) takes its form too
    assertEquals(
        "Lozinka mora imati najmanje 12 znakova (najviše 200).",
        text(LATIN, "admin.error.password", "12"));
  }

  @Test
  void theHomePageCountsTakeTheirPluralForm() {
    assertEquals("saglasnost ističe u narednih 14 dana", text(LATIN, "home.expiring.count", 1L));
    assertEquals("saglasnosti ističu u narednih 14 dana", text(LATIN, "home.expiring.count", 3L));
    assertEquals("otvorenih slučajeva bez aktivnosti 90 dana", text(LATIN, "home.quiet.count", 0L));
    assertEquals("otvoren slučaj bez aktivnosti 90 dana", text(LATIN, "home.quiet.count", 21L));
    assertEquals(
        "hitna pristupa slučajevima vaše organizacije",
        text(LATIN, "breakGlass.accesses.count", 2L));
    assertEquals("predstojećih ročišta", text(LATIN, "home.hearings.count", 11L));
    assertEquals("rok je istekao pre 1 dan", text(LATIN, "dsr.daysOverdue", 1L));
    assertEquals("rok je istekao pre 3 dana", text(LATIN, "dsr.daysOverdue", 3L));
    assertEquals("отворена случаја без активности 90 дана", text(CYRILLIC, "home.quiet.count", 2L));
    assertEquals("рок је истекао пре 21 дан", text(CYRILLIC, "dsr.daysOverdue", 21L));
    assertEquals(
        "consent expiring within 14 days", text(Locale.ENGLISH, "home.expiring.count", 1L));
    assertEquals(
        "emergency accesses to your organisation's cases",
        text(Locale.ENGLISH, "breakGlass.accesses.count", 0L));
    assertEquals("hearing ahead", text(Locale.ENGLISH, "home.hearings.count", 1L));
    assertEquals("overdue by 1 day", text(Locale.ENGLISH, "dsr.daysOverdue", 1L));
    assertEquals("overdue by 2 days", text(Locale.ENGLISH, "dsr.daysOverdue", 2L));
  }

  @Test
  void noPageGivesAPluralMessageToTheBundleVariableOrOutputFormat() throws java.io.IOException {
    ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, LATIN);
    java.util.regex.Pattern use = java.util.regex.Pattern.compile("msg\\['([A-Za-z0-9_.]+)'\\]");
    List<String> problems = new ArrayList<>();
    try (java.util.stream.Stream<java.nio.file.Path> files =
        java.nio.file.Files.walk(java.nio.file.Path.of("src/main/webapp"))) {
      for (java.nio.file.Path page : files.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
        java.util.regex.Matcher m = use.matcher(java.nio.file.Files.readString(page));
        while (m.find()) {
          if (bundle.containsKey(m.group(1)) && bundle.getString(m.group(1)).contains(",plural,")) {
            problems.add(page.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertTrue(problems.isEmpty(), "use #{counts.text(key, n)}: " + problems);
  }
}
