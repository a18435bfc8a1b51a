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
 * The error pages for statuses 400 and 401 ({@code web.xml}), for answers the container gives
 * before JAX-RS can map them; for a call of the API each becomes the RFC 9457 problem the API gives
 * everywhere else, in the caller's {@code Accept-Language}:
 *
 * <ul>
 *   <li>401: Payara's MicroProfile JWT mechanism answers a bearer token that fails verification
 *       (bad signature, expired, another issuer) with a bare {@code sendError(401)}; the answer is
 *       {@code urn:nrm:problem:unauthenticated}, as a call without a token gets from {@link
 *       ApiGate}. Never shows why the token failed.
 *   <li>400: a {@code Content-Type} or {@code Accept} header the runtime cannot parse ({@code
 *       application/json; foo}, {@code q=abc}, two {@code Content-Type} headers) was answered with
 *       the server's HTML page, naming the product (trial of session 19); the answer is {@code
 *       urn:nrm:problem:invalid-input}.
 * </ul>
 *
 * Any other request that ends in one of them gets the portal's plain error page.
 */
@WebServlet({ApiErrorAnswerServlet.UNAUTHENTICATED, ApiErrorAnswerServlet.BAD_REQUEST})
public class ApiErrorAnswerServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Where {@code web.xml} sends a 401. */
  public static final String UNAUTHENTICATED = "/problem/unauthenticated";

  /** Where {@code web.xml} sends a 400. */
  public static final String BAD_REQUEST = "/problem/bad-request";

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
    ApiProblem problem =
        BAD_REQUEST.equals(request.getServletPath())
            ? ApiProblem.INVALID_INPUT
            : ApiProblem.UNAUTHENTICATED;
    response.setStatus(problem.status());
    response.setContentType(Problems.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Language", locale.toLanguageTag());
    if (problem == ApiProblem.UNAUTHENTICATED) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    response
        .getWriter()
        .write(
            problems.body(problem, locale, problems.text(locale, problem.detailKey()), List.of()));
  }
}
