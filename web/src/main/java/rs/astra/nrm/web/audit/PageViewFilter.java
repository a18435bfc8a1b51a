package rs.astra.nrm.web.audit;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import rs.astra.nrm.audit.RequestId;

/**
 * Marks every request for a portal page ({@code /app/*}) as a page view, so that the audit trail
 * writes one record per case, category, action and basis for it, however many sections of the page
 * read the category (issue 16: the case timeline repeats the support plan's data). Requests that
 * are not page views (services called directly) are recorded call by call, as before.
 */
@WebFilter(urlPatterns = "/app/*")
public class PageViewFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject private RequestId requestId;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    requestId.markPageView();
    chain.doFilter(request, response);
  }
}
