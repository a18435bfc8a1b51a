package rs.astra.nrm.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Lets a signed-in caller into the portal's pages only when she is a known, active user with an
 * organisation and one portal role; with single sign-on this is where the user is created or
 * updated from the token. Anyone else — a token without an organisation the portal knows or without
 * a portal role — is signed out and shown the "not authorised for NRM Portal" page, and reaches no
 * data. The check is repeated on every request, so that a deactivated user is stopped at once.
 */
@WebFilter(urlPatterns = "/app/*")
public class PortalAccessFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject private SignedInUser user;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getUserPrincipal() == null) {
      chain.doFilter(request, response);
      return;
    }
    try {
      user.revalidate()
          .ifPresent(unread -> request.setAttribute(SignedInUser.UNREAD_AT_START, unread));
    } catch (NotAuthorisedException e) {
      if (request.getSession(false) != null) {
        request.getSession(false).invalidate();
      }
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      request.getRequestDispatcher("/not-authorised.xhtml").forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }
}
