package rs.astra.nrm.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Before a POST that creates a record ({@link Idempotent}): refuses it without a well-formed {@code
 * Idempotency-Key} header ({@code idempotency-key-missing}, 400), and otherwise hands {@link
 * ApiIdempotency} the key and the request's fingerprint: SHA-256 of the method, the path under
 * {@code /api} and the body's bytes. A body over {@value #MAX_BODY} bytes never gets here: {@link
 * ApiBodyLimit} refuses it before any other resource filter runs, and this filter reads at most
 * that many bytes. The body is kept only in memory for the resource; it is never stored or logged.
 */
@Provider
@Idempotent
@Priority(Priorities.HEADER_DECORATOR)
public class IdempotencyFilter implements ContainerRequestFilter {

  /** The request header (IETF draft "The Idempotency-Key HTTP Header Field"). */
  public static final String HEADER = "Idempotency-Key";

  /** The largest body these POSTs read, in bytes: the API's limit ({@link ApiGate#BODY_LIMIT}). */
  static final int MAX_BODY = ApiGate.BODY_LIMIT;

  /**
   * A key: 1 to 255 visible ASCII characters without double quote or backslash (a structured-field
   * string's content; UUIDs fit).
   */
  private static final Pattern KEY = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,255}");

  @Inject ApiIdempotency idempotency;
  @Inject Problems problems;
  @Context HttpHeaders headers;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String key = key(request.getHeaderString(HEADER));
    if (key == null) {
      request.abortWith(problems.response(ApiProblem.IDEMPOTENCY_KEY_MISSING, headers));
      return;
    }
    // ApiBodyLimit (before this filter) refused a body over MAX_BODY with 413, so
    // the body is within it; the read stays bounded all the same.
    byte[] body;
    try (InputStream in = request.getEntityStream()) {
      body = in == null ? new byte[0] : in.readNBytes(MAX_BODY);
    }
    request.setEntityStream(new ByteArrayInputStream(body));
    idempotency.begin(key, fingerprint(request.getMethod(), request.getUriInfo().getPath(), body));
  }

  /**
   * @param header the header's value as sent, or {@code null}
   * @return the key without the double quotes of the structured-field form, or {@code null} when
   *     missing or malformed
   */
  static String key(String header) {
    if (header == null) {
      return null;
    }
    String value = header.strip();
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return KEY.matcher(value).matches() ? value : null;
  }

  /**
   * @param method the HTTP method
   * @param path the path under {@code /api}, e.g. {@code v1/referrals}
   * @param body the body's bytes
   * @return SHA-256 of method, path and body, 64 lower-case hex digits
   */
  static String fingerprint(String method, String path, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
      sha.update(body);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
