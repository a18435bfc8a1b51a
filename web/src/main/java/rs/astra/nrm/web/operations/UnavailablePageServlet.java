package rs.astra.nrm.web.operations;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves {@value DatabaseOutageFilter#PAGE}: the "temporarily unavailable" page, where an Ajax
 * request that met a database outage sends the browser. Always HTTP 503; its link leads back to the
 * home page once the database is back.
 */
@WebServlet(urlPatterns = DatabaseOutageFilter.PAGE)
public class UnavailablePageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    UnavailablePage.send(request, response);
  }
}
