package rs.astra.nrm.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The single sign-on callback ({@code /callback}, the redirect URI registered at Keycloak). The
 * OpenID Connect mechanism has already exchanged the code for tokens when the request arrives here;
 * this sends the user to her home page. (Replaying the originally requested page is switched off:
 * the replayed request breaks the Faces lifecycle in this Payara release.)
 */
@WebServlet(urlPatterns = "/callback")
public class SignOnCallbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.sendRedirect(request.getContextPath() + "/app/home.xhtml");
  }
}
