package rs.astra.nrm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * Journeys through the real pages in headless Chromium, against the packaged WAR in demo mode:
 * consent and referral between the NGO and a centre for social work, and what each side sees.
 * Works with the Centre for Social Work Niš so that the counts other tests make of Belgrade stay.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserJourneyIT {

  @Deployment(testable = false)
  static WebArchive portal() {
    return Deployments.packagedPortal();
  }

  @ArquillianResource URL base;

  @Test
  void consentAndReferralTravelToTheSocialWorkCentreAndWithdrawalStopsThem() {
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
      browser.choose("caseForm:consentRecipient", organisationValue(browser, "caseForm:consentRecipient_input", "Centre for Social Work Niš"));
      browser.choose("caseForm:consentPurpose", "SOCIAL_PROTECTION");
      browser.tick("caseForm:consentCategories", "IDENTITY");
      browser.tick("caseForm:consentCategories", "CONTACT");
      browser.submit(browser.find("[id='caseForm:recordConsent']"));
      browser.screenshot("ngo-coordinator-after-consent");
      assertTrue(browser.present(".withdraw-consent"), "the consent is listed and can be withdrawn");

      browser.choose("caseForm:referralTo", organisationValue(browser, "caseForm:referralTo_input", "Centre for Social Work Niš"));
      browser.choose("caseForm:referralPurpose", "SOCIAL_PROTECTION");
      browser.tick("caseForm:referralCategories", "IDENTITY");
      browser.tick("caseForm:referralCategories", "CONTACT");
      assertTrue(browser.present("#coverageOk"), "the dialog shows the consent covers the referral");
      browser.submit(browser.find("[id='caseForm:sendReferral']"));
      browser.screenshot("ngo-coordinator-case-after-referral");
      String code = browser.find("#caseCode").getText();

      // The social worker accepts it in her inbox and sees only what was consented.
      browser.login("csw.nis");
      browser.open("app/inbox.xhtml");
      browser.screenshot("csw-inbox");
      WebElement accept = rowOf(browser, code).findElement(org.openqa.selenium.By.cssSelector(".accept-referral"));
      browser.submit(accept);
      browser.open(caseUrl);
      browser.screenshot("csw-case");
      String page = browser.pageSource();
      assertTrue(browser.present("[id='caseForm:identitySection']"), "identity was consented");
      assertTrue(browser.find("#citizenship").getText().matches("[A-Z]{2}(, [A-Z]{2})*|"), browser.find("#citizenship").getText());
      assertTrue(browser.present("[id='caseForm:contactSection']"), "contact was consented");
      assertFalse(browser.present("[id='caseForm:exploitationSection']"), "exploitation was not");
      assertTrue(browser.present("tr.hidden-category[data-category='EXPLOITATION']"), "and the page says why it is hidden");
      assertFalse(page.contains("consentsSection"), "a recipient never sees the consent records");

      // In an emergency she opens the exploitation data for 4 hours, giving a reason.
      browser.find("[id='caseForm:openEmergency']").click();
      browser.visible("[id='caseForm:emergencyDialog']");
      browser.choose("caseForm:emergencyCategory", "EXPLOITATION");
      browser.visible("[id='caseForm:emergencyReason']").sendKeys("The person is missing since this morning; police need the places.");
      browser.submit(browser.find("[id='caseForm:confirmEmergency']"));
      browser.screenshot("csw-case-emergency-access");
      assertTrue(browser.present("[id='caseForm:exploitationSection']"), "the emergency access opens the category");

      // The coordinator sees the emergency access on her case list and in the access report.
      browser.login("ngo.coordinator");
      assertTrue(browser.present("[id='emergencyAlerts']"), "the owner's home page shows the emergency access");
      assertTrue(browser.find("[id='emergencyAlerts']").getText().contains(code));
      browser.open(caseUrl.replace("app/case.xhtml", "app/access-report.xhtml"));
      browser.screenshot("ngo-coordinator-access-report");
      String report = browser.pageSource();
      assertTrue(report.contains("Milan Stojanović"), "the report names the social worker who read the data");
      assertFalse(report.contains("errorTitle"), "the report page renders");


      // The coordinator withdraws the consent; on the next request the case is gone for the centre.
      browser.login("ngo.coordinator");
      browser.open(caseUrl);
      browser.find(".withdraw-consent").click();
      browser.submit(browser.find(".ui-confirmdialog-yes"));
      assertTrue(browser.pageSource().contains("REVOKED") || browser.all(".referral-state").stream().anyMatch(e -> !e.getText().isBlank()));
      browser.login("csw.nis");
      browser.open(caseUrl);
      browser.screenshot("csw-case-after-withdrawal");
      assertTrue(browser.present("#notFound"), "after withdrawal the centre no longer sees the case");
      assertFalse(browser.pageSource().contains("personName"));
    }
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
      browser.open(href.substring(href.indexOf("app/")).replace("app/case.xhtml", "app/access-report.xhtml"));
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

  @Test
  void everyRoleLandsOnItsHomePageWithItsOwnOrganisationAndNoPersonalData() {
    try (Browser browser = new Browser(base)) {
      for (rs.astra.nrm.demo.DemoDataSeeder.DemoUser user : rs.astra.nrm.demo.DemoDataSeeder.USERS) {
        browser.login(user.username());
        assertTrue(browser.present("#tileWaiting"), user.username() + " lands on the home page");
        assertEquals(user.organisation(), browser.find("#currentOrganisation").getText(), user.username());
        assertFalse(browser.present("#personName"), user.username() + ": no personal data on the home page");
        browser.screenshot("home-" + user.username());
      }
    }
  }

  private static String organisationValue(Browser browser, String selectId, String name) {
    Matcher m = Pattern.compile("<option value=\"(\\d+)\"[^>]*>" + Pattern.quote(name) + "</option>").matcher(browser.pageSource().replace("&#39;", "'"));
    assertTrue(m.find(), "option " + name + " in " + selectId);
    return m.group(1);
  }

  private static WebElement rowOf(Browser browser, String caseCode) {
    return browser.all("tr").stream().filter(tr -> tr.getText().contains(caseCode)).findFirst().orElseThrow(() -> new AssertionError("no inbox row for " + caseCode));
  }
}
