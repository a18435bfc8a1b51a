package rs.astra.nrm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tests' cookie store sends Payara's session cookies back as a browser does: unquoted, without
 * RFC 2965 attributes, so that a request with the session version cookie of a distributable WAR is
 * not refused by Payara's parser (the failure DatabaseRestartFaultIT met over HTTP/1.1).
 */
class BrowserCookiesTest {

  @Test
  void theSessionVersionCookieGoesBackAsItCame() throws Exception {
    BrowserCookies cookies = new BrowserCookies();
    URI page = URI.create("http://localhost:18181/app/cases.xhtml");
    cookies.put(
        page,
        Map.of(
            "Set-Cookie",
            List.of(
                "JSESSIONID=9631547da98172f2da6071456a9c; Path=/; HttpOnly; SameSite=lax",
                "JSESSIONIDVERSION=2f:5; Path=/; HttpOnly; SameSite=lax")));
    cookies.put(
        page,
        Map.of("Set-Cookie", List.of("JSESSIONIDVERSION=2f:6; Path=/; HttpOnly; SameSite=lax")));

    List<String> sent =
        cookies.get(URI.create("http://localhost:18181/unavailable"), Map.of()).get("Cookie");

    assertEquals(
        List.of("JSESSIONID=9631547da98172f2da6071456a9c", "JSESSIONIDVERSION=2f:6"),
        sent.stream().sorted().toList());
  }
}
