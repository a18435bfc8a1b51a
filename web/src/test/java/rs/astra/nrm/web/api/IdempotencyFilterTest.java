package rs.astra.nrm.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The {@code Idempotency-Key} a client sends is read as the IETF draft writes it (a quoted string)
 * and bare, and a request's fingerprint tells apart what a retry must repeat exactly.
 */
class IdempotencyFilterTest {

  @Test
  void aKeyIsReadQuotedOrBareAndAMalformedOneIsRefused() {
    assertEquals(
        "8e03978e-40d5-43e8-bc93-6894a57f9324",
        IdempotencyFilter.key("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""));
    assertEquals("pbx-000731", IdempotencyFilter.key(" pbx-000731 "));
    assertEquals("x".repeat(255), IdempotencyFilter.key("x".repeat(255)));
    assertNull(IdempotencyFilter.key(null), "missing");
    assertNull(IdempotencyFilter.key("\"\""), "empty");
    assertNull(IdempotencyFilter.key("x".repeat(256)), "too long");
    assertNull(IdempotencyFilter.key("two words"), "a space");
    assertNull(IdempotencyFilter.key("ključ"), "not ASCII");
    assertNull(IdempotencyFilter.key("a\"b"), "a quote inside");
  }

  @Test
  void theFingerprintCoversMethodPathAndEveryByteOfTheBody() {
    byte[] body = "{\"kind\":\"HEARING\"}".getBytes(StandardCharsets.UTF_8);
    String fp = IdempotencyFilter.fingerprint("POST", "v1/cases/A/proceedings", body);
    assertEquals(64, fp.length());
    assertEquals(fp, IdempotencyFilter.fingerprint("POST", "v1/cases/A/proceedings", body.clone()));
    assertNotEquals(fp, IdempotencyFilter.fingerprint("POST", "v1/cases/B/proceedings", body));
    assertNotEquals(fp, IdempotencyFilter.fingerprint("PUT", "v1/cases/A/proceedings", body));
    assertNotEquals(
        fp,
        IdempotencyFilter.fingerprint(
            "POST",
            "v1/cases/A/proceedings",
            "{\"kind\":\"VERDICT\"}".getBytes(StandardCharsets.UTF_8)));
  }
}
