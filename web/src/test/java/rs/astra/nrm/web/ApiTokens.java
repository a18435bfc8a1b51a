package rs.astra.nrm.web;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Signs bearer tokens for the REST API's tests (issue 22) with a test-only RSA key: its public half
 * is the verification key the Arquillian runs configure ({@code mp.jwt.verify.publickey} and the
 * issuer {@value #ISSUER} in arquillian.xml). It protects nothing and is configured nowhere else;
 * the real Keycloak is exercised by .ci/run's Keycloak stage.
 */
final class ApiTokens {

  /** The issuer the test runs accept. */
  static final String ISSUER = "urn:nrm:test-issuer";

  private static final String PRIVATE_KEY =
      ""
          + "MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDSISpP0Gin6sc6HnrUwLD1eTiG"
          + "Lrh+7AL7axvpiT5DgdlAQdZx5KKn/mNjMITo53yaFdTsPSvHDxuJDjIUNxvix4a7MQjXEdDkZRTR"
          + "A/pKUHmd8dEUYTwOS3msfjZjLaA2qXkeF1q7ZLipP6pAeIY/xMxn7ig6rtZmQXhX1mIErNJE0nBy"
          + "K93+7ApO3EVRSSzDjEpGR3PUNlEpPm85cwre/zGCLB5rbPXiP83vllxvN123SM4HFzzrT6M0B0a+"
          + "6fYY4Q1Kz3C1BgEGF5QhuINS+24KVnSp15r+cNEriJYnzlozh2IG2bIdTkwyzCfoYc5SIrj7aoD7"
          + "zhKi38LrIlHHAgMBAAECggEADp53EqF1voTzgmQfeJDFXvali5RRiqcB2BsOEJPXTJwKkNFjyX22"
          + "IUjuAjcccBW20gOF0j+5PXqcGE9wBX8GBiOKiJhzPH9FULaFmbsUnTn3FBmASdIv+vCeUPVg9Ep2"
          + "1Ia64fCPA+2QeVnwDtczw9j9vZdQnjCOwwN4C2hjXl7FT83tdejvtsRkDBssohhMGmxUi2zW6bS+"
          + "NBRCBSjR9oz0W6xoLR/w6CIrdm14lOsGeJG9MEeiFi/WAR9PKNwnCHkj1fG07VZcuvI+jIZ0NU7n"
          + "BKpKalBzQmNwGUUUBFK7bduabGT9PgjCuq+kuUrIPo1JpBSC1lPnjKJWSd71pQKBgQD5xsNSDtE/"
          + "lh8hbwyQa5hexVS75xVV10Dzm0AP+Vjnlpcj9bmv3sCbNOnLuz++ub9UsFh1+JMDCk8vfZHZoPug"
          + "4pMee/hjSHgk7NoX3/OqNVEFxC7rcZeSxrnZgIABxvk2s3gWE41sfBaBkWDYVsOGF/MQXjbTE4LZ"
          + "rl5LeqEj/QKBgQDXXYI7c/qoTsx4jagU8uOT+zeHpeQGxNv+CAe+MuN46dxA1M4SRVxQyochpBoI"
          + "j9g/n9Bh0zxdteK2MUomR1JOxrtJ9QRtETABz81OD6+jwxEqSNUGMipwjAHzq4dmAbwG6qbuv0+p"
          + "QqrDyJ3ZBOMA39g6SynNW8YMxABj3FkeEwKBgCwM18mS/2g9a4QT951IvHiKSKVS3bpj2fqceLHY"
          + "gctmDYW0Aml32XQF4u2hOl7Cl3GyIAe+LP8uRETV2nENKRN4ogWQS4AG+dlZRCVNw8VS3dUsgjHX"
          + "uKmUDpbDSNAHbVAuWpFaJWjqgXWcU/4TXyw48Q8D7ptPJ5aIX+zj1aNpAoGAakZGgbgVtQBNfh/J"
          + "Fa1WCCwrltCR2ZVDSfQEfiL2hTBB8+wPVIzNpUCLtloYTqlM+PiQB/YJD+U1Xtqr0H/Zae4/dZtm"
          + "97tHiV1V3nN3JMSZr9gI5unSb39nZyr5waiRdIhOn/ngAZJYWgyhd/olWsUbGokEs8XZ0WrXFnAh"
          + "uekCgYBX28p5Sb+D9i/VF6EJESO5iUzUmN02MMyxeTQo4YAldbKgvv83LufRM51KFwEoyZphcuJP"
          + "ZeAs6ZhGjzkdghnjB293v0VfMCJ9AEZyp6bGwMVaof9Os9IBOF6hg79M1pFuhkiVoynX0J60Vey4"
          + "jRTKThVDN5SXHVVfskidDNSTuA==";

  private ApiTokens() {}

  /**
   * A token as Keycloak issues it to an institution system's client (client-credentials grant).
   *
   * @param username the token's {@code preferred_username}
   * @param client its {@code azp}
   * @param organisationsJson the {@code organisation} claim as JSON (a string, an array) or {@code
   *     null} for none
   * @param role the one realm role in {@code groups}, or {@code null} for none
   * @return the signed token (compact JWS, RS256), valid for five minutes
   */
  static String token(String username, String client, String organisationsJson, String role)
      throws Exception {
    long now = Instant.now().getEpochSecond();
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    String claims =
        "{\"iss\":\""
            + ISSUER
            + "\",\"sub\":\""
            + UUID.randomUUID()
            + "\",\"jti\":\""
            + UUID.randomUUID()
            + "\",\"iat\":"
            + now
            + ",\"exp\":"
            + (now + 300)
            + ",\"preferred_username\":\""
            + username
            + "\",\"azp\":\""
            + client
            + "\""
            + (organisationsJson == null ? "" : ",\"organisation\":" + organisationsJson)
            + (role == null ? ",\"groups\":[]" : ",\"groups\":[\"" + role + "\"]")
            + "}";
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    PrivateKey key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(PRIVATE_KEY)));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64.encodeToString(rsa.sign());
  }
}
