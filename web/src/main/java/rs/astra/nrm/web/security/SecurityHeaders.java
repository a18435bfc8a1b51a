package rs.astra.nrm.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The HTTP headers every answer of the portal carries so that a browser contains what an injected
 * script or a hostile page could do with it (OWASP Secure Headers): no MIME sniffing, no referrer
 * (a case page's address names a case), no framing, no camera, microphone or location, HTTPS only
 * once reached over HTTPS, and no caching of pages with personal data.
 *
 * <p>The Content-Security-Policy of Faces pages is written by PrimeFaces ({@code primefaces.CSP} in
 * {@code web.xml}), which adds a fresh nonce to {@link #FACES_POLICY} for its own scripts on every
 * request; answers that are not Faces pages (static resources, the "temporarily unavailable" page)
 * get {@link #STATIC_POLICY} here.
 */
public final class SecurityHeaders {

  /**
   * The policy of Faces pages; PrimeFaces appends {@code 'nonce-…'} to its last directive, which
   * must therefore be {@code script-src}. Inline styles stay allowed (PrimeFaces' components
   * position themselves with them); inline scripts, {@code eval} and other origins are not.
   */
  public static final String FACES_POLICY =
      "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; "
          + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; script-src 'self'";

  /** The policy of everything else: nothing runs, nothing is framed. */
  public static final String STATIC_POLICY =
      "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
          + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** HSTS lifetime: one year, in seconds. */
  public static final long HSTS_SECONDS = 365L * 24 * 3600;

  private SecurityHeaders() {}

  /**
   * Sets the headers on a response.
   *
   * @param request the request (its path, scheme and {@code X-Forwarded-Proto})
   * @param response a response that is not committed
   */
  public static void apply(HttpServletRequest request, HttpServletResponse response) {
    // The server's own header names the product and its version; a neutral one replaces it.
    response.setHeader("Server", "NRM");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader(
        "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (overHttps(request)) {
      response.setHeader("Strict-Transport-Security", "max-age=" + HSTS_SECONDS);
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!isFacesPage(path)) {
      response.setHeader("Content-Security-Policy", STATIC_POLICY);
    }
    if (!path.startsWith("/jakarta.faces.resource/") && !path.startsWith("/resources/")) {
      // Pages may show personal data: never kept by the browser or a proxy, so Back after logout
      // shows nothing of them.
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Pragma", "no-cache");
    }
  }

  /**
   * Whether the browser reached the portal over HTTPS: directly, or through a proxy that says so in
   * {@code X-Forwarded-Proto}.
   *
   * @param request the request
   * @return {@code true} over HTTPS
   */
  public static boolean overHttps(HttpServletRequest request) {
    return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
  }

  private static boolean isFacesPage(String path) {
    return !path.startsWith("/jakarta.faces.resource/")
        && (path.endsWith(".xhtml") || path.isEmpty() || path.equals("/"));
  }
}
