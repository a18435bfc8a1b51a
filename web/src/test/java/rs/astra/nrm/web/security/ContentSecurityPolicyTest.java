package rs.astra.nrm.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The identity provider's origin, for form-action under single sign-on. */
class ContentSecurityPolicyTest {

  @Test
  void theOriginOfTheIssuer() {
    assertEquals(
        "http://localhost:8180", ContentSecurityPolicy.origin("http://localhost:8180/realms/nrm"));
    assertEquals(
        "https://sso.example", ContentSecurityPolicy.origin("https://sso.example/realms/nrm"));
  }
}
