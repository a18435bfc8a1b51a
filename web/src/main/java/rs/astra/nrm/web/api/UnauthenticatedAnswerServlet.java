package rs.astra.nrm.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import rs.astra.nrm.web.security.ApiSettings;

/**
 * The error page for status 401 ({@code web.xml}). Payara's MicroProfile JWT mechanism answers a
 * bearer token that fails verification (bad signature, expired, another issuer) with a bare {@code
 * sendError(401)} before JAX-RS runs; for a call of the API this page turns that into the same RFC
 * 9457 problem {@code urn:nrm:problem:unauthenticated} that a call without a token gets from {@link
 * ApiGate}, in the caller's {@code Accept-Language}. Any other request that ends in 401 gets the
 * portal's plain error page. Never shows why the token failed.
 */
@WebServlet(UnauthenticatedAnswerServlet.PATH)
public class UnauthenticatedAnswerServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Where {@code web.xml} sends a 401. */
  public static final String PATH = "/problem/unauthenticated";

  @Inject transient Problems problems;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String context = request.getContextPath() == null ? "" : request.getContextPath();
    boolean apiCall =
        uri instanceof String u && u.startsWith(context + ApiSettings.PREFIX)
            || ApiSettings.isApiCall(request);
    if (!apiCall) {
      request.getRequestDispatcher("/error.xhtml").forward(request, response);
      return;
    }
    Locale locale = problems.locale(request.getHeader("Accept-Language"));
    ApiProblem problem = ApiProblem.UNAUTHENTICATED;
    response.setStatus(problem.status());
    response.setContentType(Problems.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Language", locale.toLanguageTag());
    response.setHeader("WWW-Authenticate", "Bearer");
    response
        .getWriter()
        .write(
            problems.body(problem, locale, problems.text(locale, problem.detailKey()), List.of()));
  }
}
