package rs.astra.nrm.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * Journeys through the real pages in headless Chromium, against the packaged WAR in demo mode:
 * consent and referral between the NGO and a centre for social work, and what each side sees. Works
 * with the Centar za socijalni rad Niš so that the counts other tests make of Belgrade stay.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserJourneyIT {

  @Deployment(testable = false)
  static WebArchive portal() {
    return Deployments.packagedPortal();
  }

  @ArquillianResource URL base;

  /** The SMTP server the portal sends to (127.0.0.1:3925, arquillian.xml), in this JVM. */
  private static GreenMail smtp;

  @BeforeAll
  static void startMailServer() {
    smtp = new GreenMail(new ServerSetup(3925, "127.0.0.1", "smtp"));
    smtp.start();
  }

  @AfterAll
  static void stopMailServer() {
    smtp.stop();
  }

  /** The e-mail to an address about a case, waiting up to a minute for it. */
  private static jakarta.mail.internet.MimeMessage mailTo(String address, String caseCode)
      throws Exception {
    long until = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < until) {
      for (jakarta.mail.internet.MimeMessage m : smtp.getReceivedMessages()) {
        if (GreenMailUtil.getAddressList(m.getAllRecipients()).contains(address)
            && m.getSubject().contains(caseCode)) {
          return m;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no e-mail to " + address + " about " + caseCode + " within a minute");
  }

  @Test
  void consentAndReferralTravelToTheSocialWorkCentreAndWithdrawalStopsThem() throws Exception {
    try (Browser browser = new Browser(base)) {
      browser.login("ngo.coordinator");
      assertTrue(browser.present("#tileWaiting"), "every role lands on its home page");
      browser.screenshot("ngo-coordinator-home");
      // The coordinator opens a new case from a signal.
      browser.open("app/new-case.xhtml");
      browser.find("[id='newCaseForm:firstName']").sendKeys("Dragana");
      browser.find("[id='newCaseForm:secondName']").sendKeys("Journey");
      browser.find("[id='newCaseForm:citizenship']").sendKeys("RS");
      browser.find("[id='newCaseForm:mobilePhone']").sendKeys("+381 60 123 4567");
      browser.tick("newCaseForm:exploitation", "ForcedLabour");
      browser.find("[id='newCaseForm:referringOrganisation']").sendKeys("ASTRA SOS Hotline");
      browser.submit(browser.find("[id='newCaseForm:open']"));
      assertTrue(browser.currentUrl().contains("app/case.xhtml?id="), browser.currentUrl());
      String caseUrl = browser.currentUrl().substring(browser.currentUrl().indexOf("app/"));
      assertTrue(browser.find("#caseStage").getText().length() > 0);
      assertTrue(browser.find("#personName").getText().contains("Dragana Journey"));

      // The coordinator records the person's consent and sends the referral.
      browser.open(caseUrl);
      browser.choose(
          "caseForm:consentRecipient",
          organisationValue(
              browser, "caseForm:consentRecipient_input", "Centar za socijalni rad Niš"));
      browser.choose("caseForm:consentPurpose", "SOCIAL_PROTECTION");
      browser.tick("caseForm:consentCategories", "IDENTITY");
      browser.tick("caseForm:consentCategories", "CONTACT");
      browser.submit(browser.find("[id='caseForm:recordConsent']"));
      browser.screenshot("ngo-coordinator-after-consent");
      assertTrue(
          browser.present(".withdraw-consent"), "the consent is listed and can be withdrawn");

      browser.choose(
          "caseForm:referralTo",
          organisationValue(browser, "caseForm:referralTo_input", "Centar za socijalni rad Niš"));
      browser.choose("caseForm:referralPurpose", "SOCIAL_PROTECTION");
      browser.tick("caseForm:referralCategories", "IDENTITY");
      browser.tick("caseForm:referralCategories", "CONTACT");
      assertTrue(
          browser.present("#coverageOk"), "the dialog shows the consent covers the referral");
      browser.submit(browser.find("[id='caseForm:sendReferral']"));
      browser.screenshot("ngo-coordinator-case-after-referral");
      String code = browser.find("#caseCode").getText();

      // Issue 18: the centre's officer gets an e-mail within a minute, naming the case code and
      // nothing of the person.
      jakarta.mail.internet.MimeMessage mail = mailTo("csw.nis@nrm.example", code);
      StringBuilder text = new StringBuilder(mail.getSubject());
      jakarta.mail.internet.MimeMultipart parts =
          (jakarta.mail.internet.MimeMultipart) mail.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        text.append('\n').append(parts.getBodyPart(i).getContent());
      }
      assertFalse(
          text.toString().contains("Dragana") || text.toString().contains("Journey"),
          text.toString());
      assertFalse(text.toString().contains("123 4567"), text.toString());

      // The social worker accepts it in her inbox and sees only what was consented.
      browser.login("csw.nis");
      assertTrue(
          Integer.parseInt(browser.find("[id='userForm:unreadCount']").getText().strip()) >= 1,
          "the header shows an unread notification");
      browser.open("app/notifications.xhtml");
      assertTrue(
          browser.all("a.notification-case").stream().anyMatch(a -> a.getText().equals(code)),
          "the notification links the case");
      browser.open("app/inbox.xhtml");
      browser.screenshot("csw-inbox");
      WebElement accept =
          rowOf(browser, code).findElement(org.openqa.selenium.By.cssSelector(".accept-referral"));
      browser.submit(accept);
      browser.open(caseUrl);
      browser.screenshot("csw-case");
      String page = browser.pageSource();
      assertTrue(browser.present("[id='caseForm:identitySection']"), "identity was consented");
      assertTrue(
          browser.find("#citizenship").getText().matches("[A-Z]{2}(, [A-Z]{2})*|"),
          browser.find("#citizenship").getText());
      assertTrue(browser.present("[id='caseForm:contactSection']"), "contact was consented");
      assertFalse(browser.present("[id='caseForm:exploitationSection']"), "exploitation was not");
      assertTrue(
          browser.present("tr.hidden-category[data-category='EXPLOITATION']"),
          "and the page says why it is hidden");
      assertFalse(page.contains("consentsSection"), "a recipient never sees the consent records");

      // In an emergency she opens the exploitation data for 4 hours, giving a reason.
      browser.find("[id='caseForm:openEmergency']").click();
      browser.visible("[id='caseForm:emergencyDialog']");
      browser.choose("caseForm:emergencyCategory", "EXPLOITATION");
      browser
          .visible("[id='caseForm:emergencyReason']")
          .sendKeys("The person is missing since this morning; police need the places.");
      browser.submit(browser.find("[id='caseForm:confirmEmergency']"));
      browser.screenshot("csw-case-emergency-access");
      assertTrue(
          browser.present("[id='caseForm:exploitationSection']"),
          "the emergency access opens the category");

      // The coordinator sees the emergency access on her case list and in the access report.
      browser.login("ngo.coordinator");
      assertTrue(
          browser.present("[id='emergencyAlerts']"),
          "the owner's home page shows the emergency access");
      assertTrue(browser.find("[id='emergencyAlerts']").getText().contains(code));

      // Issue 18: she reviews it — not justified, with a note — and the DPO then sees it.
      WebElement review =
          browser.all("tr.review-row").stream()
              .filter(r -> r.getText().contains(code))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no review waits for " + code));
      WebElement note =
          review.findElement(org.openqa.selenium.By.cssSelector("textarea.review-note"));
      note.sendKeys("Nothing showed that the places were needed at once.");
      browser.submit(
          review.findElement(org.openqa.selenium.By.cssSelector(".review-not-justified")));
      browser.screenshot("ngo-coordinator-review");
      assertTrue(
          browser.all("tr.review-row").stream().noneMatch(r -> r.getText().contains(code)),
          "the reviewed access no longer waits");
      browser.login("dpo");
      assertTrue(
          browser.all("tr.officer-review-row").stream().anyMatch(r -> r.getText().contains(code)),
          "the data protection officer sees the access found not justified");
      browser.login("ngo.coordinator");
      browser.open(caseUrl.replace("app/case.xhtml", "app/access-report.xhtml"));
      browser.screenshot("ngo-coordinator-access-report");
      String report = browser.pageSource();
      assertTrue(
          report.contains("Milan Stojanović"),
          "the report names the social worker who read the data");
      assertFalse(report.contains("errorTitle"), "the report page renders");

      // The coordinator withdraws the consent; on the next request the case is gone for the centre.
      browser.login("ngo.coordinator");
      browser.open(caseUrl);
      browser.find(".withdraw-consent").click();
      browser.submit(browser.find(".ui-confirmdialog-yes"));
      assertTrue(
          browser.pageSource().contains("REVOKED")
              || browser.all(".referral-state").stream().anyMatch(e -> !e.getText().isBlank()));
      // The reason the portal wrote itself is shown in the page's language (trial of 2026-12-07).
      String withdrawn = browser.pageSource();
      assertTrue(
          withdrawn.contains("Saglasnost je povučena")
              || withdrawn.contains("Сагласност је повучена")
              || withdrawn.contains("The consent was withdrawn"),
          "the referral's state says why, translated");
      assertFalse(withdrawn.contains("Consent withdrawn"), "not the stored English text");
      browser.login("csw.nis");
      browser.open(caseUrl);
      browser.screenshot("csw-case-after-withdrawal");
      assertTrue(
          browser.present("#notFound"), "after withdrawal the centre no longer sees the case");
      assertFalse(browser.pageSource().contains("personName"));
    }
  }

  /**
   * The NRM journey across five institutions: the NGO opens a case and refers it; the centre for
   * social work accepts; the CPTV identifies the person; the police record the investigation and
   * the prosecutor the indictment; the coordinator sees every step on the timeline. At each step
   * the page is checked for what that institution must not see.
   */
  @Test
  void aCaseCrossesInstitutionsFromSignalToIndictmentAndTheCoordinatorSeesEveryStep() {
    try (Browser browser = new Browser(base)) {
      browser.login("ngo.coordinator");
      browser.open("app/new-case.xhtml");
      browser.find("[id='newCaseForm:firstName']").sendKeys("Milica");
      browser.find("[id='newCaseForm:secondName']").sendKeys("Crossing");
      browser.find("[id='newCaseForm:citizenship']").sendKeys("RS");
      browser.find("[id='newCaseForm:mobilePhone']").sendKeys("+381 64 765 4321");
      browser.tick("newCaseForm:exploitation", "SexualExploitation");
      // The wizard's optional steps: her consent to the centre for social work, and the first
      // referral to it. A referral the consent does not cover is refused and nothing is saved.
      browser.pickValue(
          "newCaseForm:consentRecipient",
          organisationValue(
              browser, "newCaseForm:consentRecipient_input", "Centar za socijalni rad Niš"));
      browser.pickValue("newCaseForm:consentPurpose", "SOCIAL_PROTECTION");
      browser.tick("newCaseForm:consentCategories", "IDENTITY");
      browser.tick("newCaseForm:consentCategories", "SOCIAL");
      browser.pickValue(
          "newCaseForm:referralTo",
          organisationValue(
              browser, "newCaseForm:referralTo_input", "Centar za socijalni rad Niš"));
      browser.pickValue("newCaseForm:referralPurpose", "SOCIAL_PROTECTION");
      browser.tick("newCaseForm:referralCategories", "IDENTITY");
      browser.tick("newCaseForm:referralCategories", "CONTACT");
      browser.submit(browser.find("[id='newCaseForm:open']"));
      assertTrue(
          browser.currentUrl().contains("new-case.xhtml"), "refused: " + browser.currentUrl());
      assertTrue(browser.present(".ui-messages-error"), "the refusal is explained");
      browser.tick("newCaseForm:referralCategories", "CONTACT");
      browser.tick("newCaseForm:referralCategories", "SOCIAL");
      browser.submit(browser.find("[id='newCaseForm:open']"));
      assertTrue(browser.currentUrl().contains("app/case.xhtml?id="), browser.currentUrl());
      String caseUrl = browser.currentUrl().substring(browser.currentUrl().indexOf("app/"));
      String code = browser.find("#caseCode").getText();
      assertEquals(1, browser.all(".withdraw-consent").size(), "the consent came with the case");
      assertEquals(1, browser.all(".referral-state").size(), "and the first referral");

      // Signal → presumed victim, then the referrals: CPTV (identification, legal basis), police
      // and
      // prosecutor (criminal proceedings, summary only).
      browser.submit(browser.find("button.move-to-PRESUMED_VICTIM"));
      assertEquals("PRESUMED_VICTIM", browser.find("#caseStage").getAttribute("data-stage"));
      refer(
          browser,
          "Centar za zaštitu žrtava trgovine ljudima",
          "IDENTIFICATION",
          "IDENTITY",
          "EXPLOITATION");
      refer(browser, "Uprava granične policije", "CRIMINAL_PROCEEDINGS");
      refer(browser, "Više javno tužilaštvo u Beogradu", "CRIMINAL_PROCEEDINGS");
      assertEquals(4, browser.all(".referral-state").size(), "four referrals sent");

      // The centre for social work accepts; it sees identity, not contact, exploitation or
      // consents.
      browser.login("csw.nis");
      browser.open("app/inbox.xhtml");
      browser.submit(
          rowOf(browser, code).findElement(org.openqa.selenium.By.cssSelector(".accept-referral")));
      browser.open(caseUrl);
      assertTrue(browser.present("#personName"));
      assertFalse(
          browser.present("[id='caseForm:contactSection']"),
          "contact was not consented to the centre");
      assertFalse(browser.present("[id='caseForm:exploitationSection']"));
      assertFalse(browser.present("[id='caseForm:consentsSection']"));
      assertFalse(
          browser.present("[id='caseForm:identificationDecision']"),
          "a centre does not identify an adult");

      // The CPTV accepts and identifies the person (adult): it sees identity and exploitation under
      // its legal basis, never the contact data.
      browser.login("cptv.officer");
      browser.open(caseUrl);
      browser.submit(browser.find(".accept-referral"));
      assertTrue(
          browser.present("[id='caseForm:exploitationSection']"),
          "identification needs the exploitation data");
      assertFalse(browser.present("[id='caseForm:contactSection']"));
      assertFalse(
          browser.present("[id='caseForm:proceedingsSection']"),
          "the CPTV has no business with the proceedings");
      // A mistyped date is refused with a message in the user's language (Serbian Latin here) and
      // changes nothing.
      browser.typeText("caseForm:decidedOn_input", "31.13.2026");
      browser.submit(browser.find("[id='caseForm:decideIdentified']"));
      assertTrue(
          browser.find(".ui-messages-error").getText().contains("nije datum"),
          browser.find(".ui-messages-error").getText());
      assertEquals("PRESUMED_VICTIM", browser.find("#caseStage").getAttribute("data-stage"));
      browser.typeDate(
          "caseForm:decidedOn", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Belgrade")));
      browser.submit(browser.find("[id='caseForm:decideIdentified']"));
      browser.screenshot("cptv-case-identified");
      assertEquals("IDENTIFIED", browser.find("#caseStage").getAttribute("data-stage"));
      assertFalse(browser.present("[id='caseForm:identificationDecision']"), "decided once");

      // The police accept and record that the investigation was opened; no personal data shows.
      browser.login("police.officer");
      browser.open(caseUrl);
      browser.submit(browser.find(".accept-referral"));
      recordProceedings(browser, "INVESTIGATION_OPENED", null);
      browser.screenshot("police-case-investigation");
      assertEquals(
          1,
          browser.all("[id='caseForm:proceedings'] tbody tr.proceedings-entry").size(),
          "the police entry is listed");
      assertFalse(browser.present("#personName"), "the police see no identity without consent");
      assertFalse(browser.present("[id='caseForm:consentsSection']"));

      // The prosecutor accepts and records the indictment (art. 388); the police entry is not hers.
      browser.login("prosecutor");
      browser.open(caseUrl);
      browser.submit(browser.find(".accept-referral"));
      recordProceedings(browser, "INDICTMENT", "ART_388_TRAFFICKING");
      browser.screenshot("prosecutor-case-indictment");
      assertEquals(
          1,
          browser.all("[id='caseForm:proceedings'] tbody tr.proceedings-entry").size(),
          "only her own entry: the police's is not shown");
      assertFalse(browser.present("#personName"));

      // The coordinator sees all of it on the timeline, and both proceedings entries.
      browser.login("ngo.coordinator");
      browser.open(caseUrl);
      browser.screenshot("ngo-coordinator-timeline");
      List<String> events =
          browser.all("#timelineSection .timeline-event").stream()
              .map(e -> e.getAttribute("data-type"))
              .toList();
      for (String expected :
          List.of(
              "CASE_OPENED",
              "STAGE_CHANGED",
              "CONSENT_GIVEN",
              "REFERRAL_SENT",
              "REFERRAL_ACCEPTED",
              "IDENTIFICATION_DECIDED",
              "PROCEEDINGS_RECORDED")) {
        assertTrue(events.contains(expected), expected + " on the timeline: " + events);
      }
      assertEquals(4, events.stream().filter("REFERRAL_SENT"::equals).count());
      assertEquals(4, events.stream().filter("REFERRAL_ACCEPTED"::equals).count());
      assertEquals(
          2,
          events.stream().filter("PROCEEDINGS_RECORDED"::equals).count(),
          "police and prosecutor steps");
      String timeline = browser.find("#timelineSection").getText();
      assertTrue(
          timeline.contains("Uprava granične policije")
              && timeline.contains("Više javno tužilaštvo u Beogradu")
              && timeline.contains("Centar za zaštitu žrtava trgovine ljudima"),
          timeline);
      assertEquals(
          2,
          browser.all("[id='caseForm:proceedings'] tbody tr.proceedings-entry").size(),
          "the owner sees both entries");
      assertEquals("IDENTIFIED", browser.find("#caseStage").getAttribute("data-stage"));
    }
  }

  private static void refer(
      Browser browser, String organisation, String purpose, String... categories) {
    browser.pickValue(
        "caseForm:referralTo",
        organisationValue(browser, "caseForm:referralTo_input", organisation));
    browser.pickValue("caseForm:referralPurpose", purpose);
    for (String category : categories) {
      browser.tick("caseForm:referralCategories", category);
    }
    if (categories.length > 0) {
      // Ticking a category re-checks the coverage with everything chosen so far.
      assertTrue(
          browser.present("#coverageOk"),
          "covered: " + organisation + ": " + browser.find("[id='caseForm:coverage']").getText());
    }
    browser.submit(browser.find("[id='caseForm:sendReferral']"));
    assertFalse(browser.present(".ui-messages-error"), "sent to " + organisation);
  }

  private static void recordProceedings(Browser browser, String kind, String offence) {
    browser.pickValue("caseForm:proceedingsKind", kind);
    assertEquals(
        java.time.LocalDate.now(java.time.ZoneId.of("Europe/Belgrade"))
            .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")),
        browser.find("[id='caseForm:proceedingsDate_input']").getAttribute("value"),
        "the step's date starts as today");
    if (offence != null) {
      browser.pickValue("caseForm:proceedingsOffence", offence);
    }
    assertEquals(kind, browser.find("[id='caseForm:proceedingsKind_input']").getAttribute("value"));
    browser.submit(browser.find("[id='caseForm:recordProceedings']"));
    if (browser.present(".ui-messages-error")) {
      browser.screenshot("failed-proceedings-" + kind);
    }
    assertFalse(
        browser.present(".ui-messages-error"),
        browser.pageSource().contains("ui-messages-error")
            ? browser.find(".ui-messages-error").getText()
            : "");
  }

  @Test
  void theMainPagesHaveNoCriticalOrSeriousAccessibilityViolations() {
    java.util.Map<String, List<String>> violations = new java.util.LinkedHashMap<>();
    try (Browser browser = new Browser(base)) {
      browser.open("login.xhtml");
      violations.put("login", browser.seriousAccessibilityViolations());
      browser.login("ngo.coordinator");
      violations.put("home", browser.seriousAccessibilityViolations());
      browser.open("app/cases.xhtml");
      violations.put("cases", browser.seriousAccessibilityViolations());
      String href = browser.find("a.nrm-case-code").getAttribute("href");
      browser.open(href.substring(href.indexOf("app/")));
      violations.put("case", browser.seriousAccessibilityViolations());
      browser.open(
          href.substring(href.indexOf("app/"))
              .replace("app/case.xhtml", "app/access-report.xhtml"));
      violations.put("access report", browser.seriousAccessibilityViolations());
      browser.open("app/import.xhtml");
      violations.put("import", browser.seriousAccessibilityViolations());
      browser.login("csw.belgrade");
      browser.open("app/inbox.xhtml");
      violations.put("inbox", browser.seriousAccessibilityViolations());
    }
    violations.values().removeIf(List::isEmpty);
    assertTrue(violations.isEmpty(), "axe-core: " + violations);
  }

  /**
   * Trial of 2026-12-07: the case list's status filter did nothing (its script named a table widget
   * that no component declared). A status chosen in the filter's menu as a user clicks it leaves
   * only the cases in that status: one other than the first row's, so that an unfiltered list
   * fails.
   */
  @Test
  void theCaseListFiltersByTheStatusChosenInItsMenu() {
    // The menu is found by the end of its client id (how PrimeFaces names a filter facet).
    String menu = "[id^='casesForm:cases:'][id$=':statusFilter']";
    String statuses =
        "return Array.from(document.querySelectorAll(\"[id='casesForm:cases_data'] tr"
            + " td:nth-child(4)\")).map(td => td.textContent.trim());";
    try (Browser browser = new Browser(base)) {
      browser.login("ngo.coordinator");
      browser.open("app/cases.xhtml");
      String first = ((List<?>) browser.script(statuses)).getFirst().toString();
      browser.find(menu).click();
      WebElement option =
          browser.all("[id$=':statusFilter_panel'] li[data-label]").stream()
              .skip(1)
              .filter(li -> !first.equals(li.getAttribute("data-label")))
              .findFirst()
              .orElseThrow();
      String label = option.getAttribute("data-label");
      // Chosen through the menu's widget as a click on the item chooses it (with its change
      // event), not by clicking the item while the panel still moves (that missed in CI).
      String widget = "widget_" + browser.find(menu).getAttribute("id").replace(':', '_');
      browser.script(
          "var w = PF('"
              + widget
              + "'); var l = '"
              + label
              + "'; w.selectItem(w.items.filter(function() {"
              + " return this.getAttribute('data-label') === l; }), false);");
      browser.waitForAjax();
      Object shown =
          browser.scriptUntil(
              statuses, v -> v instanceof List<?> l && l.stream().allMatch(t -> label.equals(t)));
      assertTrue(
          shown instanceof List<?> l && l.stream().allMatch(t -> label.equals(t)),
          "only cases " + label + ": " + shown);
    }
  }

  /**
   * Trial of session 20: on a Cyrillic page, what PrimeFaces tells screen readers about the case
   * list (sorting, paging, the filters) was Serbian Latin, its locale "sr"; it is Cyrillic now, and
   * a Latin page keeps the Latin texts.
   */
  @Test
  void aCyrillicCaseListGivesScreenReadersCyrillicLabelsForSortingPagingAndFilters() {
    String labels =
        "return [document.querySelector(\"[id='casesForm:cases:codeColumn']\")"
            + ".getAttribute('aria-label'), document.querySelector(\"[id$=':codeColumn:filter']\")"
            + ".getAttribute('aria-label')].concat(Array.from(document.querySelectorAll("
            + "\"[id='casesForm'] .ui-paginator [aria-label]\")).map(e =>"
            + " e.getAttribute('aria-label'))).join(' | ');";
    try (Browser browser = new Browser(base)) {
      browser.login("ngo.coordinator");
      browser.open("app/cases.xhtml");
      String latin = browser.script(labels).toString();
      assertTrue(latin.contains("sortiranje") && latin.contains("stranica"), latin);
      browser.submit(browser.find("[id$='langSrCyrl']"));
      browser.open("app/cases.xhtml");
      String cyrillic = browser.script(labels).toString();
      assertTrue(
          cyrillic.contains("Шифра случаја")
              && cyrillic.contains("сортирање")
              && cyrillic.contains("Филтер")
              && cyrillic.contains("Навигација")
              && cyrillic.contains("Прва страна"),
          cyrillic);
      assertFalse(cyrillic.matches(".*[a-zA-Z].*"), "no Latin letter: " + cyrillic);
    }
  }

  /**
   * Issue 17: three file names in Serbian Latin, Cyrillic, with spaces and "%", uploaded through
   * the case page's form in the real browser, listed exactly and downloaded byte for byte with the
   * exact name in the {@code Content-Disposition} header.
   */
  @Test
  void documentsWithSerbianFileNamesUploadListAndDownloadExactly() throws Exception {
    Path dir = Files.createTempDirectory("nrm-upload");
    try (Browser browser = new Browser(base)) {
      browser.login("ngo.caseworker2");
      browser.open("app/cases.xhtml");
      String href = browser.find("a.nrm-case-code").getAttribute("href");
      String casePath = href.substring(href.indexOf("app/"));
      for (String name : List.of("Škola_izjava.pdf", "Žalba 100%.pdf", "Изјава_Ђорђе.pdf")) {
        byte[] bytes = DocumentIT.pdf(name);
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        browser.open(casePath);
        browser.typeText("documentsForm:documentTitle", name);
        browser.pickValue("documentsForm:documentType", "OTHER");
        browser
            .find("input[type='file'][id^='documentsForm:documentFile']")
            .sendKeys(file.toString());
        browser.submit(browser.find("[id='documentsForm:uploadDocument']"));
        WebElement link =
            browser.all("a.document-link").stream()
                .filter(a -> a.getText().equals(name))
                .findFirst()
                .orElseThrow(
                    () -> {
                      browser.screenshot("document-upload-failed");
                      return new AssertionError("no document titled " + name + " listed");
                    });
        assertTrue(browser.pageSource().contains(name), "the file name is shown exactly");
        HttpResponse<byte[]> download =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(link.getAttribute("href")))
                        .header("Cookie", browser.cookieHeader())
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode(), name);
        assertArrayEquals(bytes, download.body(), name);
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertEquals(
            name,
            URLDecoder.decode(
                disposition
                    .substring(disposition.indexOf("filename*=UTF-8''") + 17)
                    .replace("+", "%2B"),
                StandardCharsets.UTF_8));
      }
      // A corrected version: the newest is listed, the earlier one stays downloadable from the
      // page.
      WebElement last =
          browser.all("a.document-link").stream()
              .filter(a -> a.getText().equals("Изјава_Ђорђе.pdf"))
              .findFirst()
              .orElseThrow();
      String earlierId = last.getAttribute("href").replaceAll(".*id=", "");
      Path corrected = dir.resolve("Изјава_Ђорђе_исправка.pdf");
      Files.write(corrected, DocumentIT.pdf("исправка"));
      browser.typeText("documentsForm:documentTitle", "Изјава (исправка)");
      browser.pickValue("documentsForm:documentType", "OTHER");
      browser.pickValue("documentsForm:documentCorrects", earlierId);
      browser
          .find("input[type='file'][id^='documentsForm:documentFile']")
          .sendKeys(corrected.toString());
      browser.submit(browser.find("[id='documentsForm:uploadDocument']"));
      browser.screenshot("case-documents-corrected");
      assertTrue(
          browser.all("a.document-version-link").stream()
              .anyMatch(a -> a.getAttribute("href").endsWith("id=" + earlierId)),
          "the earlier version is linked under the newest; messages: "
              + browser.all(".ui-messages").stream().map(WebElement::getText).toList()
              + " links: "
              + browser.all("a.document-version-link").stream()
                  .map(a -> a.getAttribute("href"))
                  .toList());

      // The owner files a document under another category.
      int row = 0;
      browser.pickValue("documentsForm:documents:" + row + ":newCategory", "HEALTH");
      browser.submit(browser.find("[id='documentsForm:documents:" + row + ":changeCategory']"));
      assertTrue(
          browser.all(".document-category").stream()
              .anyMatch(e -> "HEALTH".equals(e.getAttribute("data-category"))),
          "the category changed");
      browser.screenshot("case-documents");
    }
  }

  @Test
  void afterLogoutTheBackButtonShowsNoPersonalData() {
    try (Browser browser = new Browser(base)) {
      browser.login("ngo.caseworker1");
      browser.open("app/cases.xhtml");
      String href = browser.find("a.nrm-case-code").getAttribute("href");
      browser.open(href.substring(href.indexOf("app/")));
      String name = browser.find("#personName").getText();
      assertFalse(name.isBlank(), "the case page shows the person's name");
      browser.submit(browser.find("[id='userForm:logout']"));
      assertTrue(browser.currentUrl().contains("login.xhtml"), browser.currentUrl());
      browser.back();
      browser.waitForAjax();
      assertFalse(
          browser.pageSource().contains(name),
          "Back after logout shows the page again: " + browser.currentUrl());
      assertFalse(browser.present("#personName"));
    }
  }

  @Test
  void everyRoleLandsOnItsHomePageWithItsOwnOrganisationAndNoPersonalData() {
    try (Browser browser = new Browser(base)) {
      for (rs.astra.nrm.demo.DemoDataSeeder.DemoUser user :
          rs.astra.nrm.demo.DemoDataSeeder.USERS) {
        browser.login(user.username());
        assertTrue(browser.present("#tileWaiting"), user.username() + " lands on the home page");
        assertEquals(
            user.organisation(), browser.find("#currentOrganisation").getText(), user.username());
        assertFalse(
            browser.present("#personName"),
            user.username() + ": no personal data on the home page");
        browser.screenshot("home-" + user.username());
      }
    }
  }

  private static String organisationValue(Browser browser, String selectId, String name) {
    Matcher m =
        Pattern.compile("<option value=\"(\\d+)\"[^>]*>" + Pattern.quote(name) + "</option>")
            .matcher(browser.pageSource().replace("&#39;", "'"));
    assertTrue(m.find(), "option " + name + " in " + selectId);
    return m.group(1);
  }

  private static WebElement rowOf(Browser browser, String caseCode) {
    return browser.all("tr").stream()
        .filter(tr -> tr.getText().contains(caseCode))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no inbox row for " + caseCode));
  }
}
