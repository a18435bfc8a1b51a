package rs.astra.nrm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import rs.astra.nrm.casefile.CaseAccess;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.casefile.CaseListQuery;
import rs.astra.nrm.casefile.CaseRow;
import rs.astra.nrm.casefile.CaseView;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;

/**
 * The packaged WAR on Payara Micro in demo mode, against its database: who sees which cases, and
 * the login and health endpoints over HTTP. One class, one server boot.
 */
@ExtendWith(ArquillianExtension.class)
class PortalIT {

  /**
   * Deploys the WAR that {@code mvn package} built, exactly as the run command deploys it; Arquillian
   * adds this test class and its protocol servlet.
   */
  @Deployment
  static WebArchive portal() {
    File war = new File(System.getProperty("nrm.test.war", "target/nrm-portal.war"));
    return ShrinkWrap.create(ZipImporter.class, "nrm-portal.war").importFrom(war).as(WebArchive.class).addClass(SampleCaseload.class);
  }

  @Inject CaseFileService cases;
  @Inject UserDirectory directory;

  private Viewer viewer(String username) {
    return directory.viewerFor(username).orElseThrow();
  }

  private List<CaseRow> all(Viewer v) {
    return cases.list(v, new CaseListQuery(0, 500, CaseListQuery.SortColumn.CODE, true, null, null, null));
  }

  @Test
  void ngoCaseworkerSeesEveryCaseHerOrganisationOwnsWithNames() throws IOException {
    Viewer caseworker = viewer("ngo.caseworker1");
    List<CaseRow> rows = all(caseworker);
    assertEquals(SampleCaseload.read().rows(), rows.size());
    assertEquals(rows.size(), cases.count(caseworker, CaseListQuery.firstPage(20)));
    assertTrue(rows.stream().allMatch(r -> r.access() == CaseAccess.OWNER && r.personName() != null));
  }

  @Test
  void socialWorkCentreSeesExactlyTheCasesReferredToItAndNoPersonalData() throws IOException {
    Viewer csw = viewer("csw.belgrade");
    List<CaseRow> rows = all(csw);
    int expected = SampleCaseload.read().referredTo("Centre for Social Work Belgrade");
    assertTrue(expected > 0, "the sample caseload refers cases to CSW Belgrade");
    assertEquals(expected, rows.size());
    assertTrue(rows.stream().allMatch(r -> r.access() == CaseAccess.RECIPIENT && r.personName() == null));

    CaseView page = cases.find(csw, rows.get(0).id()).orElseThrow();
    assertEquals(CaseAccess.RECIPIENT, page.access());
    assertNull(page.person());
    assertNull(page.victim());
    assertNull(page.ownerUser());
    assertTrue(page.referrals().stream().allMatch(r -> r.to().equals("Centre for Social Work Belgrade")));
  }

  @Test
  void recipientCannotOpenACaseNotReferredToIt() {
    Viewer caseworker = viewer("ngo.caseworker1");
    Set<Long> cswBelgrade = new HashSet<>();
    all(viewer("csw.belgrade")).forEach(r -> cswBelgrade.add(r.id()));
    CaseRow other = all(caseworker).stream().filter(r -> !cswBelgrade.contains(r.id())).findFirst().orElseThrow();
    assertTrue(cases.find(viewer("csw.belgrade"), other.id()).isEmpty());
    assertTrue(cases.find(caseworker, other.id()).isPresent());
  }

  @Test
  void recipientCannotFindCasesByTheVictimsName() {
    CaseRow referred = all(viewer("csw.belgrade")).get(0);
    CaseView owned = cases.find(viewer("ngo.coordinator"), referred.id()).orElseThrow();
    String surname = owned.person().secondName();
    CaseListQuery byName = new CaseListQuery(0, 20, null, true, null, surname, null);
    assertEquals(0, cases.count(viewer("csw.belgrade"), byName));
    assertTrue(cases.count(viewer("ngo.coordinator"), byName) >= 1);
  }

  @Test
  void administratorSeesNoCase() {
    assertEquals(0, cases.count(viewer("admin"), CaseListQuery.firstPage(20)));
  }

  @Test
  void pagesDoNotOverlapAndFollowTheSortOrder() {
    Viewer coordinator = viewer("ngo.coordinator");
    List<CaseRow> first = cases.list(coordinator, new CaseListQuery(0, 10, CaseListQuery.SortColumn.CODE, true, null, null, null));
    List<CaseRow> second = cases.list(coordinator, new CaseListQuery(10, 10, CaseListQuery.SortColumn.CODE, true, null, null, null));
    assertEquals(10, first.size());
    assertEquals(10, second.size());
    assertTrue(first.get(9).code().compareTo(second.get(0).code()) < 0);
    List<CaseRow> descending = cases.list(coordinator, new CaseListQuery(0, 1, CaseListQuery.SortColumn.CODE, false, null, null, null));
    assertEquals(all(coordinator).get(all(coordinator).size() - 1).code(), descending.get(0).code());
  }

  // ---- over HTTP, as a browser would ----

  @ArquillianResource URL base;

  @Test
  @RunAsClient
  void healthAndLoginPageAnswer() throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(base.toURI().resolve("login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, login.statusCode());
    assertTrue(login.body().contains("ngo.caseworker1"), "demo logins are shown in demo mode");
    URI root = URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/");
    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(root.resolve("health/ready")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"migrated\":\"true\""), ready.body());
  }

  @Test
  @RunAsClient
  void formLoginShowsTheUserAndHerOrganisationAndLogoutEndsTheSession() throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    String cases = signIn(http, "csw.belgrade", "demo");
    assertTrue(cases.contains("Centre for Social Work Belgrade"), "header names the organisation");
    assertTrue(cases.contains("Ana Đorđević"), "header names the user");
    assertFalse(Pattern.compile("\\.java:\\d+\\)|Caused by:").matcher(cases).find(), "no stack trace");

    String again = signIn(HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build(), "csw.belgrade", "wrong");
    assertTrue(again.contains("loginForm"), "a wrong password stays on the login page");
    assertFalse(again.contains("currentUser"), "and signs nobody in");
  }

  private String signIn(HttpClient http, String user, String password) throws Exception {
    HttpResponse<String> form = http.send(HttpRequest.newBuilder(base.toURI().resolve("app/cases.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
    String html = form.body();
    String viewState = find(html, "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    String action = find(html, "<form id=\"loginForm\"[^>]*action=\"([^\"]+)\"");
    String body =
        "loginForm=loginForm&loginForm%3Ausername=" + enc(user) + "&loginForm%3Apassword=" + enc(password)
            + "&loginForm%3Asubmit=&jakarta.faces.ViewState=" + enc(viewState);
    HttpResponse<String> after =
        http.send(
            HttpRequest.newBuilder(form.uri().resolve(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return after.body();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String find(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    assertTrue(m.find(), "page has " + regex);
    return m.group(1).replace("&amp;", "&");
  }
}
