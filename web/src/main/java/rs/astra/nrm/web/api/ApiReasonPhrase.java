package rs.astra.nrm.web.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the API's answers the reason phrase of a status the web container does not know: Payara's
 * HTTP layer (Grizzly) writes {@code HTTP/1.1 422 CUSTOM} for {@code 422} and {@code 429}, and
 * Servlet 6 has no method to set a phrase (the JAX-RS runtime sets the status by its number only,
 * so a {@code Response.StatusType}'s phrase never reaches the wire). The phrase is set on Payara's
 * own response object, found by reflection; on any other container, or if that changes, the answer
 * is unchanged but for its phrase.
 */
@WebFilter(urlPatterns = "/api/*")
public class ApiReasonPhrase implements Filter {

  private static final Logger LOG = Logger.getLogger(ApiReasonPhrase.class.getName());

  /** The phrases (RFC 9110 §15.5.21, RFC 6585 §4) of the statuses the container lacks. */
  static final Map<Integer, String> PHRASES =
      Map.of(422, "Unprocessable Content", 429, "Too Many Requests");

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (response instanceof HttpServletResponse http) {
      chain.doFilter(request, new Phrased(http));
    } else {
      chain.doFilter(request, response);
    }
  }

  /** A response whose status, when one of {@link #PHRASES}, is written with its phrase. */
  private static final class Phrased extends HttpServletResponseWrapper {

    Phrased(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int status) {
      super.setStatus(status);
      String phrase = PHRASES.get(status);
      if (phrase != null && !isCommitted()) {
        setPhrase(getResponse(), status, phrase);
      }
    }
  }

  /**
   * Sets the phrase on Payara's response: its servlet response's {@code response} (Catalina's) and
   * that one's {@code getCoyoteResponse()} (Grizzly's), whose {@code setStatus(int, String)} keeps
   * a phrase.
   */
  private static void setPhrase(ServletResponse response, int status, String phrase) {
    ServletResponse inner = response;
    while (inner instanceof ServletResponseWrapper wrapper) {
      inner = wrapper.getResponse();
    }
    try {
      Object catalina = field(inner, "response");
      Object grizzly = catalina.getClass().getMethod("getCoyoteResponse").invoke(catalina);
      grizzly
          .getClass()
          .getMethod("setStatus", int.class, String.class)
          .invoke(grizzly, status, phrase);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Another container: its own phrase. No stack: nothing is wrong with the call.
      LOG.log(Level.FINE, "No reason phrase set: {0}", e.getClass().getName());
    }
  }

  private static Object field(Object owner, String name) throws ReflectiveOperationException {
    for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        Object value = f.get(owner);
        if (value == null) {
          throw new NoSuchFieldException(name);
        }
        return value;
      } catch (NoSuchFieldException e) {
        // Look in the superclass.
      }
    }
    throw new NoSuchFieldException(name);
  }
}
