package rs.astra.nrm.notification;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kind of notification e-mail in every language (and for a user who never chose one): the
 * case code, the organisation and the link are in it, nothing is left unformatted, and the HTML
 * escapes what it shows.
 */
class NotificationMailTest {

  @Test
  void everyKindInEveryLanguageNamesTheCaseAndLinksToIt() {
    List<String> languages = new ArrayList<>(NotificationMail.LANGUAGES);
    languages.add(null);
    languages.add("de");
    for (NotificationKind kind : NotificationKind.values()) {
      for (String language : languages) {
        NotificationMail mail =
            NotificationMail.of(
                kind,
                "NRM-2026-K7QX-M4P2",
                42L,
                "Centar <za> socijalni rad",
                language,
                "https://nrm.example/");
        String where = kind + " " + language;
        assertTrue(mail.subject().contains("NRM-2026-K7QX-M4P2"), where + ": " + mail.subject());
        String link =
            kind == NotificationKind.EMERGENCY_ACCESS_NOT_JUSTIFIED
                    || kind == NotificationKind.EMERGENCY_REVIEW_OVERDUE
                ? "https://nrm.example/app/home.xhtml"
                : "https://nrm.example/app/case.xhtml?id=42";
        assertTrue(
            mail.text().contains(link), where + ": what a DPO is told leads to her home page");
        assertFalse(mail.text().contains("{0}") || mail.text().contains("{1}"), where);
        assertFalse(mail.subject().contains("{"), where);
        assertTrue(
            mail.html().contains("Centar &lt;za&gt; socijalni rad")
                || !mail.text().contains("Centar"),
            where);
        assertFalse(mail.html().contains("<za>"), where + ": the HTML escapes names");
      }
    }
  }
}
