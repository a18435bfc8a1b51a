package rs.astra.nrm.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The cookie store of a test's HTTP client, sending cookies back as a browser does: {@code
 * name=value}, exactly as the server set them (RFC 6265).
 *
 * <p>{@link CookieManager} alone does not: {@link HttpCookie} takes any {@code Set-Cookie} header
 * that contains {@code version=} for an RFC 2965 cookie, and Payara's {@code
 * JSESSIONIDVERSION=2f:5} (sent when the WAR is distributable) contains it in its name. Such a
 * cookie goes back quoted with attributes ({@code JSESSIONIDVERSION="2f:5";$Path="/"}); Payara
 * keeps the quotes in the value over HTTP/1.1, fails to parse it ("Odd number of hexadecimal
 * digits") and answers an empty 200 without running the request. Browsers never quote it.
 */
final class BrowserCookies extends CookieManager {

  /**
   * Stores the cookies of an answer and marks every stored cookie as a plain (version 0) cookie.
   *
   * @param uri the address that answered
   * @param responseHeaders the answer's headers
   * @throws IOException as {@link CookieManager#put}
   */
  @Override
  public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
    super.put(uri, responseHeaders);
    for (HttpCookie cookie : getCookieStore().getCookies()) {
      cookie.setVersion(0);
    }
  }
}
