package rs.astra.nrm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiBenchTest {

  @Test
  void theApiIsAskedWhatThePageAsks() {
    assertEquals(
        "page=0&size=20&sort=openedOn&order=desc",
        ApiBench.query(BenchmarkHarness.Scenario.FIRST_PAGE, 0, "x"));
    assertEquals(
        "page=199&size=20&sort=openedOn&order=desc",
        ApiBench.query(BenchmarkHarness.Scenario.PAGE_200, 199, "x"));
    assertEquals(
        "page=0&size=20&sort=openedOn&order=asc",
        ApiBench.query(BenchmarkHarness.Scenario.SORTED_BY_DATE, 0, "x"));
    assertEquals(
        "page=0&size=20&sort=openedOn&order=desc&name=Nikoli%C4%87",
        ApiBench.query(BenchmarkHarness.Scenario.FILTERED_BY_NAME, 0, "Nikolić"));
  }

  @Test
  void theTokenVerifiesWithTheKeyThePortalIsGivenAndCarriesTheViewersOrganisationAndRole()
      throws Exception {
    ApiBench api = new ApiBench();
    String option =
        api.portalJvmOptions().stream()
            .filter(o -> o.startsWith("-Dmp.jwt.verify.publickey="))
            .findFirst()
            .orElseThrow();
    PublicKey key =
        KeyFactory.getInstance("RSA")
            .generatePublic(
                new X509EncodedKeySpec(
                    Base64.getDecoder().decode(option.substring(option.indexOf('=') + 1))));
    String token = api.token("csw.belgrade", "Centar za socijalni rad \"Beograd\"", "csw-officer");
    String[] parts = token.split("\\.");
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(key);
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])), "RS256 with the run's key");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    assertTrue(claims.contains("\"iss\":\"" + ApiBench.ISSUER + "\""), claims);
    assertTrue(claims.contains("\"preferred_username\":\"api.csw.belgrade\""), claims);
    assertTrue(
        claims.contains("\"organisation\":\"Centar za socijalni rad \\\"Beograd\\\"\""), claims);
    assertTrue(claims.contains("\"groups\":[\"csw-officer\"]"), claims);
    assertTrue(api.portalJvmOptions().contains("-Dnrm.api.requests.per.minute=0"));
  }
}
