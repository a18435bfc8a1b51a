package rs.astra.nrm.web.operations;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import rs.astra.nrm.web.security.SecurityHeaders;

/**
 * Turns a database outage into the "temporarily unavailable" page (HTTP 503, {@link
 * UnavailablePage}) instead of an error page with status 500: a page view while the database is
 * known to be away is answered at once, and a request that fails because the database went away
 * while it ran is answered with the same page when nothing of the response was sent yet. A Faces
 * Ajax request gets a partial response that sends the browser to {@value #PAGE}.
 *
 * <p>Posts (form submits) always reach the application while the database is away, so that an
 * action can tell the user in the form itself that her entry was not saved ({@code UserFeedback});
 * if the page cannot be drawn afterwards, this filter answers with the 503 page, which says the
 * same. Static resources and the health endpoints are never held back. Mapped first in {@code
 * web.xml}, so it wraps every other filter, including the sign-in check that reads the user from
 * the database.
 */
public class DatabaseOutageFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The path of the unavailable page, for redirects. */
  public static final String PAGE = "/unavailable";

  @Inject private DatabaseAvailability database;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!guarded(request)) {
      chain.doFilter(request, response);
      return;
    }
    if ("GET".equals(request.getMethod()) && !isAjax(request) && !database.isAvailable()) {
      UnavailablePage.send(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (response.isCommitted() || !database.confirmUnavailable()) {
        throw e;
      }
      response.reset();
      if (isAjax(request)) {
        sendAjaxRedirect(request, response);
      } else {
        UnavailablePage.send(request, response);
      }
    }
  }

  /**
   * Whether a Faces Ajax request: PrimeFaces and Faces send {@code Faces-Request: partial/ajax}.
   *
   * @param request the request
   * @return {@code true} for a partial (Ajax) request
   */
  static boolean isAjax(HttpServletRequest request) {
    return "partial/ajax".equals(request.getHeader("Faces-Request"));
  }

  /**
   * Answers a Faces Ajax request with a partial response that sends the browser to the unavailable
   * page.
   *
   * @param request the request
   * @param response a response that is not committed
   * @throws IOException when the client is gone
   */
  static void sendAjaxRedirect(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    sendAjaxRedirect(request, response, request.getContextPath() + PAGE);
  }

  /**
   * Answers a Faces Ajax request with a partial response that sends the browser elsewhere.
   *
   * @param request the request
   * @param response a response that is not committed
   * @param target the address (with the context path), e.g. {@code /app/cases.xhtml?reloaded=true}
   * @throws IOException when the client is gone
   */
  static void sendAjaxRedirect(
      HttpServletRequest request, HttpServletResponse response, String target) throws IOException {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
            + target.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
            + "\"></redirect></partial-response>";
    byte[] body = xml.getBytes(StandardCharsets.UTF_8);
    SecurityHeaders.apply(request, response);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("text/xml;charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static boolean guarded(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/jakarta.faces.resource/")
        || path.startsWith("/resources/")
        || path.startsWith("/health")
        || path.startsWith("/metrics")
        || path.equals(PAGE)
        || path.equals(RequestSizeFilter.PAGE));
  }
}
