package rs.astra.nrm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The REST API with tokens from a real Keycloak 26.7.3 (issue 22): the access matrix's key rows —
 * owner, recipient with and without consent, another organisation, the administrator, emergency
 * access, a withdrawn consent — give over the API the same decisions as the case page, for the same
 * realm users signed in through Keycloak's form.
 *
 * <p>The tokens come from both grants: the resource owner password grant for realm users of four
 * organisations and roles (client {@code ci-api-password}), and the client-credentials grant of the
 * realm's institution client {@code police-registry}. The password grant is enabled only in CI:
 * {@code .ci/run} imports the client and the users {@code ci.api.*} from {@code
 * .ci/keycloak-api-ci.json} into its Keycloak with the admin REST API; the shipped realm has
 * neither. The CI users have no portal password (the demo users have one, and the API never acts
 * for a local account), so the portal creates them from the tokens as it does at single sign-on.
 *
 * <p>The case is made by the test through the pages, as the owner would: a new case, a consent for
 * the centre for social work in Niš covering IDENTITY and CONTACT, a referral, accepted by the
 * centre; the centre's emergency access to EXPLOITATION; then the consent withdrawn.
 *
 * <p>Not part of {@code mvn verify}: {@code .ci/run}'s Keycloak stage starts Keycloak and the
 * portal in OIDC mode with the API on, and runs it with {@code -Dit.test=KeycloakApiIT
 * -Dnrm.test.portalUrl=…} ({@code -Dnrm.test.keycloakUrl}, default {@code
 * http://localhost:8180/realms/nrm}).
 */
class KeycloakApiIT {

  /** The CI administrator's authenticator secret (.ci/keycloak-api-ci.json). */
  private static final String CI_ADMIN_OTP_SECRET = "NRM-ci-admin-OTP-seed-2026";

  private static final String CSW = "Centar za socijalni rad Niš";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

  private static URL portal() throws Exception {
    return URI.create(System.getProperty("nrm.test.portalUrl", "http://localhost:18080/")).toURL();
  }

  private static String realm() {
    return System.getProperty("nrm.test.keycloakUrl", "http://localhost:8180/realms/nrm");
  }

  @Test
  void theApiDecidesAsTheCasePageForTheMatrixKeyRowsWithRealKeycloakTokens() throws Exception {
    // Each token is fetched right before it is used (they live five minutes): the password grant
    // for the CI users, client credentials for the police's system.
    try (Browser owner = new Browser(portal());
        Browser csw = new Browser(portal())) {
      // The owner opens a case, records the person's consent for the centre (IDENTITY, CONTACT)
      // and refers the case to it.
      signIn(owner, "ci.api.owner", null);
      owner.open("app/new-case.xhtml");
      owner.find("[id='newCaseForm:firstName']").sendKeys("Sanja");
      owner.find("[id='newCaseForm:secondName']").sendKeys("Tokenović");
      owner.find("[id='newCaseForm:citizenship']").sendKeys("RS");
      owner.find("[id='newCaseForm:mobilePhone']").sendKeys("+381 60 765 4321");
      owner.tick("newCaseForm:exploitation", "ForcedLabour");
      owner.find("[id='newCaseForm:referringOrganisation']").sendKeys("ASTRA SOS Hotline");
      owner.submit(owner.find("[id='newCaseForm:open']"));
      assertTrue(owner.currentUrl().contains("app/case.xhtml?id="), owner.currentUrl());
      String caseUrl = owner.currentUrl().substring(owner.currentUrl().indexOf("app/"));
      String code = owner.find("#caseCode").getText();
      owner.choose(
          "caseForm:consentRecipient",
          organisationValue(owner, "caseForm:consentRecipient_input", CSW));
      owner.choose("caseForm:consentPurpose", "SOCIAL_PROTECTION");
      owner.tick("caseForm:consentCategories", "IDENTITY");
      owner.tick("caseForm:consentCategories", "CONTACT");
      owner.submit(owner.find("[id='caseForm:recordConsent']"));
      assertTrue(owner.present(".withdraw-consent"), "the consent is recorded");
      owner.choose(
          "caseForm:referralTo", organisationValue(owner, "caseForm:referralTo_input", CSW));
      owner.choose("caseForm:referralPurpose", "SOCIAL_PROTECTION");
      owner.tick("caseForm:referralCategories", "IDENTITY");
      owner.tick("caseForm:referralCategories", "CONTACT");
      assertTrue(owner.present("#coverageOk"), "the consent covers the referral");
      owner.submit(owner.find("[id='caseForm:sendReferral']"));
      assertFalse(owner.present(".ui-messages-error"), "the referral is sent");

      // Row: the owner reads every category, over the API as on the page.
      Decision ownerPage = page(owner, caseUrl);
      Decision ownerApi = api(passwordGrant("ci.api.owner", null), code);
      same("owner", ownerPage, ownerApi);
      assertTrue(ownerApi.readable().contains("IDENTITY"), "the owner reads IDENTITY: " + ownerApi);

      // The centre accepts the referral in its inbox.
      signIn(csw, "ci.api.csw", null);
      csw.open("app/inbox.xhtml");
      WebElement row =
          csw.all("tr").stream()
              .filter(tr -> tr.getText().contains(code))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no inbox row for " + code));
      csw.submit(row.findElement(By.cssSelector(".accept-referral")));

      // Row: the recipient with consent (IDENTITY, CONTACT) and without (EXPLOITATION, HEALTH…).
      Decision cswPage = page(csw, caseUrl);
      Decision cswApi = api(passwordGrant("ci.api.csw", null), code);
      same("recipient with consent for IDENTITY and CONTACT", cswPage, cswApi);
      assertTrue(
          cswApi.readable().containsAll(Set.of("IDENTITY", "CONTACT")),
          "consented categories are readable: " + cswApi);
      assertTrue(
          cswApi.hidden().contains("EXPLOITATION"), "without consent it is hidden: " + cswApi);

      // Row: another organisation, no referral (a realm user by password grant, and the police's
      // system by client credentials): the case page's "not found" and the API's 404.
      try (Browser health = new Browser(portal())) {
        signIn(health, "ci.api.health", null);
        Decision healthPage = page(health, caseUrl);
        assertEquals(Decision.NOT_FOUND, healthPage, "another organisation");
        same("another organisation", healthPage, api(passwordGrant("ci.api.health", null), code));
      }
      try (Browser police = new Browser(portal())) {
        // police.officer: the realm user of the same organisation and role as police-registry.
        signIn(police, "police.officer", null);
        Decision policePage = page(police, caseUrl);
        same(
            "the police (client credentials)",
            policePage,
            api(clientCredentials("police-registry", "police-registry-local-secret"), code));
        assertEquals(Decision.NOT_FOUND, policePage, "the case is not referred to the police");
      }

      // Row: the administrator of the owning organisation (one-time code on both ways in; a code
      // is not accepted twice, so the page's sign-in waits for the next one).
      String adminToken =
          passwordGrant(
              "ci.api.admin",
              KeycloakLoginIT.totp(
                  CI_ADMIN_OTP_SECRET, KeycloakLoginIT.atLeast8SecondsLeftInTheStep()));
      try (Browser admin = new Browser(portal())) {
        signIn(admin, "ci.api.admin", CI_ADMIN_OTP_SECRET);
        Decision adminPage = page(admin, caseUrl);
        Decision adminApi = api(adminToken, code);
        same("administrator", adminPage, adminApi);
        assertTrue(adminApi.readable().isEmpty(), "the administrator reads no personal data");
      }

      // Row: emergency access — the centre opens EXPLOITATION for four hours, with a reason.
      csw.open(caseUrl);
      csw.find("[id='caseForm:openEmergency']").click();
      csw.visible("[id='caseForm:emergencyDialog']");
      csw.choose("caseForm:emergencyCategory", "EXPLOITATION");
      csw.visible("[id='caseForm:emergencyReason']")
          .sendKeys("The person is missing since this morning; police need the places.");
      csw.submit(csw.find("[id='caseForm:confirmEmergency']"));
      assertTrue(csw.present("[id='caseForm:exploitationSection']"), "the page opens it");
      Decision emergencyPage = page(csw, caseUrl);
      Decision emergencyApi = api(passwordGrant("ci.api.csw", null), code);
      same("recipient with emergency access", emergencyPage, emergencyApi);
      assertEquals(
          "BREAK_GLASS",
          emergencyApi.bases().get("EXPLOITATION"),
          "the API reads EXPLOITATION on the emergency access: " + emergencyApi);

      // Row: the consent withdrawn — the referral is revoked, the case gone for the centre.
      owner.open(caseUrl);
      owner.find(".withdraw-consent").click();
      owner.submit(owner.find(".ui-confirmdialog-yes"));
      Decision withdrawnPage = page(csw, caseUrl);
      assertEquals(Decision.NOT_FOUND, withdrawnPage, "after withdrawal the page says not found");
      same(
          "recipient after withdrawal",
          withdrawnPage,
          api(passwordGrant("ci.api.csw", null), code));
      same(
          "owner after withdrawal",
          page(owner, caseUrl),
          api(passwordGrant("ci.api.owner", null), code));
    }
  }

  /**
   * What a caller may see of a case: not found (the page's notice, the API's 404), restricted (the
   * page's notice, the API's 403), or the case with the categories hidden from her (the page's
   * table of hidden categories, the API's {@code hidden}); {@code readable} and {@code bases} only
   * from the API (the page shows them as sections), not compared.
   */
  record Decision(
      String outcome, Set<String> hidden, Set<String> readable, Map<String, String> bases) {

    static final Decision NOT_FOUND = new Decision("not found", Set.of(), Set.of(), Map.of());

    @Override
    public String toString() {
      return "case".equals(outcome)
          ? "case, hidden " + hidden + (bases.isEmpty() ? "" : ", readable " + bases)
          : outcome;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Decision d && outcome.equals(d.outcome) && hidden.equals(d.hidden);
    }

    @Override
    public int hashCode() {
      return outcome.hashCode() * 31 + hidden.hashCode();
    }
  }

  /** Asserts that the page and the API decide alike for a row, and prints the row for the log. */
  private static void same(String row, Decision page, Decision api) {
    System.out.printf("matrix row %-45s page %s, API %s%n", row + ":", page, api);
    assertEquals(page, api, row);
  }

  private static Decision page(Browser browser, String caseUrl) {
    browser.open(caseUrl);
    if (browser.present("#notFound")) {
      return Decision.NOT_FOUND;
    }
    if (browser.present("#restrictedNotice")) {
      return new Decision("restricted", Set.of(), Set.of(), Map.of());
    }
    assertTrue(browser.present("#caseCode"), "the case page shows the case: " + caseUrl);
    Set<String> hidden =
        browser.all("tr.hidden-category").stream()
            .map(tr -> tr.getAttribute("data-category"))
            .collect(Collectors.toCollection(TreeSet::new));
    return new Decision("case", hidden, Set.of(), Map.of());
  }

  private static Decision api(String token, String code) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    portal().toURI().resolve("api/v1/cases/" + URLEncoder.encode(code, "UTF-8")))
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", "en")
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return switch (r.statusCode()) {
      case 404 -> Decision.NOT_FOUND;
      case 403 -> new Decision("restricted", Set.of(), Set.of(), Map.of());
      case 200 -> {
        Set<String> hidden = new TreeSet<>();
        for (String h : objects(r.body(), "hidden")) {
          hidden.add(field(h, "category"));
        }
        Map<String, String> bases = new TreeMap<>();
        for (String c : objects(r.body(), "readable")) {
          bases.put(field(c, "category"), field(c, "basis"));
        }
        yield new Decision("case", hidden, bases.keySet(), bases);
      }
      default ->
          throw new AssertionError(
              "GET /api/v1/cases/" + code + " answered " + r.statusCode() + ": " + r.body());
    };
  }

  /** Signs in on Keycloak's form (and its one-time code, when a secret is given). */
  private static void signIn(Browser browser, String username, String otpSecret) throws Exception {
    browser.open("app/cases.xhtml");
    assertTrue(
        browser.currentUrl().contains("/realms/nrm/"), "sent to Keycloak: " + browser.currentUrl());
    browser.find("#username").sendKeys(username);
    browser.find("#password").sendKeys("demo");
    browser.submit(browser.find("#kc-login"));
    if (otpSecret != null) {
      // A code already used (by the password grant) is refused: wait for the next step.
      long step = 30_000;
      Thread.sleep(step - Instant.now().toEpochMilli() % step + 250);
      browser.find("#otp").sendKeys(KeycloakLoginIT.totp(otpSecret, Instant.now()));
      browser.submit(browser.find("#kc-login"));
    }
    assertTrue(
        browser.find("#currentUser").isDisplayed(),
        username + " is signed in: " + browser.currentUrl());
  }

  private static String passwordGrant(String username, String totp) throws Exception {
    return token(
        "grant_type=password&client_id=ci-api-password&client_secret=ci-api-password-secret"
            + "&scope=openid&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password=demo"
            + (totp == null ? "" : "&totp=" + totp));
  }

  private static String clientCredentials(String client, String secret) throws Exception {
    return token(
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(client, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8));
  }

  private static String token(String form) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(realm() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), "Keycloak's token endpoint: " + r.body());
    return field(r.body(), "access_token");
  }

  /**
   * The objects of a JSON array of flat objects (no JSON library on this test's class path outside
   * the server; the API's {@code readable} and {@code hidden} entries hold no nested values).
   */
  private static java.util.List<String> objects(String json, String array) {
    Matcher a = Pattern.compile("\"" + array + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
    assertTrue(a.find(), "no array " + array + " in " + json);
    java.util.List<String> objects = new java.util.ArrayList<>();
    Matcher o = Pattern.compile("\\{[^}]*\\}").matcher(a.group(1));
    while (o.find()) {
      objects.add(o.group());
    }
    return objects;
  }

  /** A string field of a flat JSON object. */
  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    assertTrue(m.find(), "no " + name + " in " + json);
    return m.group(1);
  }

  private static String organisationValue(Browser browser, String selectId, String name) {
    Matcher m =
        Pattern.compile("<option value=\"(\\d+)\"[^>]*>" + Pattern.quote(name) + "</option>")
            .matcher(browser.pageSource().replace("&#39;", "'"));
    assertTrue(m.find(), "option " + name + " in " + selectId);
    return m.group(1);
  }
}
