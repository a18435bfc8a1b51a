package rs.astra.nrm.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
                    || kind == NotificationKind.TRANSFER_PROPOSED
                    || kind == NotificationKind.TRANSFER_WITHDRAWN
                ? "https://nrm.example/app/home.xhtml"
                : kind == NotificationKind.DSR_DUE_SOON
                    ? "https://nrm.example/app/requests.xhtml"
                    : "https://nrm.example/app/case.xhtml?id=42";
        assertTrue(
            mail.text().contains(link),
            where
                + ": what a DPO is told, and a transfer to answer or withdrawn, lead to the home page");
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

  @Test
  void aDigestListsEachEventWithItsLinkInTheRecipientsLanguage() {
    List<NotificationMail.Event> events =
        List.of(
            new NotificationMail.Event(
                NotificationKind.REFERRAL_RECEIVED, "NRM-2026-AAAA-0001", 7L, "Centar <B>"),
            new NotificationMail.Event(
                NotificationKind.HEARING_TOMORROW, "NRM-2026-AAAA-0002", 8L, "Tužilaštvo"),
            new NotificationMail.Event(
                NotificationKind.EMERGENCY_REVIEW_OVERDUE, "NRM-2026-AAAA-0003", 9L, "Policija"));
    for (String language : List.of("sr-Latn", "sr-Cyrl", "en")) {
      NotificationMail mail = NotificationMail.digest(events, language, "https://nrm.example/");
      assertTrue(mail.subject().contains("3"), language + ": " + mail.subject());
      for (String expected :
          List.of(
              "NRM-2026-AAAA-0001",
              "NRM-2026-AAAA-0002",
              "NRM-2026-AAAA-0003",
              "https://nrm.example/app/case.xhtml?id=7",
              "https://nrm.example/app/case.xhtml?id=8",
              "https://nrm.example/app/home.xhtml")) {
        assertTrue(mail.text().contains(expected), language + ": " + expected);
        assertTrue(mail.html().contains(expected), language + ": " + expected);
      }
      assertFalse(mail.html().contains("<B>"), language + ": the HTML escapes names");
      assertFalse(mail.text().contains("{0}"), language);
    }
    assertTrue(
        NotificationMail.digest(events, "sr-Cyrl", "https://nrm.example/")
            .subject()
            .contains("НМУ"));
  }

  @Test
  void aDigestIsDueAtTheNextSevenOClockInBelgradeWinterAndSummer() {
    // Winter (UTC+1): made at 06:59:59 local → 07:00 the same day; at 07:00 → the next day.
    assertEquals(
        java.time.Instant.parse("2026-12-05T06:00:00Z"),
        Notification.nextDigest(java.time.Instant.parse("2026-12-05T05:59:59Z")));
    assertEquals(
        java.time.Instant.parse("2026-12-06T06:00:00Z"),
        Notification.nextDigest(java.time.Instant.parse("2026-12-05T06:00:00Z")));
    // Summer (UTC+2): 23:30 local on 30 June → 07:00 on 1 July.
    assertEquals(
        java.time.Instant.parse("2026-07-01T05:00:00Z"),
        Notification.nextDigest(java.time.Instant.parse("2026-06-30T21:30:00Z")));
  }

  @Test
  void eachRoleChoosesForTheKindsItIsToldOfAndAdministratorsForNone() {
    assertTrue(Notifications.kindsFor(rs.astra.nrm.organisation.PortalRole.ADMIN).isEmpty());
    assertEquals(
        List.of(
            NotificationKind.EMERGENCY_ACCESS_NOT_JUSTIFIED,
            NotificationKind.EMERGENCY_REVIEW_OVERDUE,
            NotificationKind.DSR_DUE_SOON),
        Notifications.kindsFor(rs.astra.nrm.organisation.PortalRole.DPO));
    assertTrue(
        Notifications.kindsFor(rs.astra.nrm.organisation.PortalRole.NGO_COORDINATOR)
            .contains(NotificationKind.DSR_DUE_SOON),
        "coordinators are told of their organisation's requests due soon");
    assertFalse(
        Notifications.kindsFor(rs.astra.nrm.organisation.PortalRole.NGO_CASEWORKER)
            .contains(NotificationKind.DSR_DUE_SOON));
    List<NotificationKind> csw =
        Notifications.kindsFor(rs.astra.nrm.organisation.PortalRole.CSW_OFFICER);
    assertTrue(csw.contains(NotificationKind.REFERRAL_RECEIVED));
    assertTrue(csw.contains(NotificationKind.HEARING_TOMORROW));
    assertTrue(csw.contains(NotificationKind.EMERGENCY_ACCESS_REVIEWED));
    assertFalse(csw.contains(NotificationKind.CONSENT_EXPIRING));
    List<NotificationKind> caseworker =
        Notifications.kindsFor(rs.astra.nrm.organisation.PortalRole.NGO_CASEWORKER);
    assertTrue(caseworker.contains(NotificationKind.CONSENT_EXPIRING));
    assertTrue(caseworker.contains(NotificationKind.EMERGENCY_ACCESS_OPENED));
  }
}
