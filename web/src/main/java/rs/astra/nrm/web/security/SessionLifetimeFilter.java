package rs.astra.nrm.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ends a session that has lasted longer than {@code nrm.session.absoluteMinutes} (environment
 * {@code NRM_SESSION_ABSOLUTEMINUTES}; default 720, a working day and a half), however active it
 * was: the idle timeout of {@code web.xml} (30 minutes) alone lets a session that is used every few
 * minutes — or whose cookie was stolen — live for ever (OWASP Session Management: absolute
 * timeout). The user signs in again; what she was typing on the page is lost, what she saved is
 * not.
 */
@WebFilter(urlPatterns = "/app/*")
public class SessionLifetimeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject
  @ConfigProperty(name = "nrm.session.absoluteMinutes", defaultValue = "720")
  private long absoluteMinutes;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpSession session = request.getSession(false);
    if (session != null
        && outlived(
            session.getCreationTime(),
            System.currentTimeMillis(),
            Duration.ofMinutes(absoluteMinutes))) {
      session.invalidate();
      response.sendRedirect(request.getContextPath() + "/login.xhtml?expired=true");
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether a session has outlived its absolute lifetime.
   *
   * @param createdMillis when the session was created, ms since the epoch
   * @param nowMillis now, ms since the epoch
   * @param lifetime the absolute lifetime
   * @return {@code true} when it must end
   */
  static boolean outlived(long createdMillis, long nowMillis, Duration lifetime) {
    return nowMillis - createdMillis > lifetime.toMillis();
  }
}
