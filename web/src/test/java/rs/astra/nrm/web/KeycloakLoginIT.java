package rs.astra.nrm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on through a real Keycloak 26.7.3 with the {@code nrm} realm: users of different
 * organisations log in on Keycloak's own form and land in the portal as themselves; the
 * administrator must give a one-time code; a user without an organisation is refused; logout ends
 * the Keycloak session too.
 *
 * <p>Not part of {@code mvn verify} (it needs Keycloak and a portal in OIDC mode): {@code .ci/run}
 * starts both ({@code docker/keycloak/keycloak-local.sh}, the run command with {@code
 * NRM_AUTH=oidc} on port 18080) and runs it with {@code -Dit.test=KeycloakLoginIT}.
 */
class KeycloakLoginIT {

  /** The demo administrator's seeded authenticator secret (docker/keycloak/nrm-realm.json). */
  private static final String ADMIN_OTP_SECRET = "NRM-demo-admin-OTP-seed-2026";

  private static URL portal() throws Exception {
    return URI.create(System.getProperty("nrm.test.portalUrl", "http://localhost:18080/")).toURL();
  }

  private static void signInOnKeycloak(Browser browser, String username) {
    browser.open("app/cases.xhtml");
    assertTrue(
        browser.currentUrl().contains("/realms/nrm/"), "sent to Keycloak: " + browser.currentUrl());
    browser.find("#username").sendKeys(username);
    browser.find("#password").sendKeys("demo");
    browser.submit(browser.find("#kc-login"));
  }

  @Test
  void usersOfThreeOrganisationsLandInThePortalAsThemselves() throws Exception {
    String[][] users = {
      {"ngo.caseworker1", "ASTRA", "Jelena Petrović"},
      {"csw.belgrade", "Centar za socijalni rad Beograd", "Ana Đorđević"},
      {"police.officer", "Uprava granične policije", "Dragan Ilić"},
    };
    for (String[] u : users) {
      try (Browser browser = new Browser(portal())) {
        signInOnKeycloak(browser, u[0]);
        assertEquals(u[1], browser.find("#currentOrganisation").getText(), u[0]);
        assertEquals(
            u[2], browser.find("#currentUser").getText(), u[0] + ": the name comes from the token");
        assertTrue(browser.present("#tileWaiting"), u[0] + " lands on the home page");
        browser.screenshot("sso-" + u[0]);
      }
    }
  }

  @Test
  void theAdministratorMustGiveAOneTimeCode() throws Exception {
    try (Browser browser = new Browser(portal())) {
      signInOnKeycloak(browser, "admin");
      assertTrue(browser.present("#otp"), "Keycloak asks the administrator for a one-time code");
      String code = totp(ADMIN_OTP_SECRET, atLeast8SecondsLeftInTheStep());
      browser.find("#otp").sendKeys(code);
      browser.submit(browser.find("#kc-login"));
      assertEquals("ASTRA", browser.find("#currentOrganisation").getText());
      browser.screenshot("sso-admin");
    }
  }

  @Test
  void aUserWithoutAnOrganisationIsRefusedAndSeesNoData() throws Exception {
    try (Browser browser = new Browser(portal())) {
      signInOnKeycloak(browser, "no.organisation");
      assertTrue(
          browser.present("#notAuthorised"), "the not-authorised page: " + browser.currentUrl());
      assertFalse(browser.pageSource().contains("NRM-20"), "no case code on the page");
      browser.open("app/cases.xhtml");
      assertFalse(browser.present("[id='casesForm:cases']"), "and no case list on a second try");
      browser.screenshot("sso-no-organisation");
    }
  }

  /**
   * Issue 15: in OIDC mode password guessing meets Keycloak's own brute-force detection (realm:
   * {@code failureFactor} 10, then a wait that grows from 60 s): after ten wrong passwords even the
   * right one does not sign the user in, and Keycloak's answer is the same as for a wrong password.
   */
  @Test
  void tenWrongPasswordsOnKeycloakStopEvenTheRightOne() throws Exception {
    try (Browser browser = new Browser(portal())) {
      browser.open("app/cases.xhtml");
      assertTrue(
          browser.currentUrl().contains("/realms/nrm/"),
          "sent to Keycloak: " + browser.currentUrl());
      for (int i = 0; i < 10; i++) {
        browser.find("#username").clear();
        browser.find("#username").sendKeys("health.worker");
        browser.find("#password").sendKeys("wrong-password-" + i);
        browser.submit(browser.find("#kc-login"));
        assertTrue(
            browser.present("#kc-login"),
            "still on Keycloak's form after wrong password " + (i + 1));
      }
      browser.find("#username").clear();
      browser.find("#username").sendKeys("health.worker");
      browser.find("#password").sendKeys("demo");
      browser.submit(browser.find("#kc-login"));
      assertTrue(
          browser.present("#kc-login"),
          "the right password is refused while the account is temporarily locked");
      assertFalse(
          browser.present("#currentUser"),
          "and the portal was not reached: " + browser.currentUrl());
      browser.screenshot("sso-brute-force-locked");
    }
  }

  @Test
  void logoutEndsTheKeycloakSessionToo() throws Exception {
    try (Browser browser = new Browser(portal())) {
      signInOnKeycloak(browser, "csw.nis");
      browser.submit(browser.find("[id='userForm:logout']"));
      browser.open("app/cases.xhtml");
      assertTrue(
          browser.present("#username"),
          "the next visit asks for the Keycloak login again: " + browser.currentUrl());
      assertTrue(browser.currentUrl().contains("/realms/nrm/"), browser.currentUrl());
    }
  }

  /**
   * Waits, if needed, until at least 8 seconds of the current 30-second TOTP step remain, and
   * returns that moment: a code computed in a step's last seconds may be stale by the time typing,
   * submitting and Keycloak's check are done (it timed out now and then). Sleeps at most about 8
   * seconds; the clock is this machine's, which Keycloak shares.
   *
   * @return the moment to compute the code for
   * @throws InterruptedException if interrupted while waiting
   */
  static Instant atLeast8SecondsLeftInTheStep() throws InterruptedException {
    long stepMillis = 30_000;
    long left = stepMillis - Instant.now().toEpochMilli() % stepMillis;
    if (left < 8_000) {
      // Into the next step, with a little margin past its boundary.
      Thread.sleep(left + 250);
    }
    return Instant.now();
  }

  /** RFC 6238 TOTP with HMAC-SHA1, 6 digits, 30-second steps, as the realm's OTP policy says. */
  static String totp(String secret, Instant at) throws Exception {
    long counter = at.getEpochSecond() / 30;
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        ((hash[offset] & 0x7f) << 24)
            | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8)
            | (hash[offset + 3] & 0xff);
    return String.format("%06d", binary % 1_000_000);
  }
}
