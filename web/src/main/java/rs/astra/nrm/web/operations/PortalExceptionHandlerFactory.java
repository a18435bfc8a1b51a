package rs.astra.nrm.web.operations;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.csp.CspException;
import rs.astra.nrm.web.security.SecurityHeaders;

/**
 * What the user sees when a Faces request fails, registered in {@code faces-config.xml} around the
 * implementation's own handler. Faces would otherwise answer an Ajax request with a partial
 * response naming the exception's class, and a post from a page that is gone (an old tab, many page
 * views later, after the session ended, a forged or replayed view, a missing
 * Content-Security-Policy nonce) with HTTP 500. Here:
 *
 * <ul>
 *   <li>with the database away: the "temporarily unavailable" page (HTTP 503, {@link
 *       UnavailablePage});
 *   <li>a view that is gone or was tampered with: the same page again, freshly drawn, with a notice
 *       that the last step was not carried out ({@code ?reloaded=true}; the login page with {@code
 *       ?expired=true}); nothing is logged but one line, since anyone can send such a request;
 *   <li>any other failure of an Ajax request: the general error page, as for a full page; the log
 *       gets the exception's class names only (their messages may quote personal data).
 * </ul>
 *
 * Every other failure of a full page goes on to the implementation's handler and the error page of
 * {@code web.xml}.
 */
public class PortalExceptionHandlerFactory extends ExceptionHandlerFactory {

  private static final Logger LOG = Logger.getLogger(PortalExceptionHandlerFactory.class.getName());

  /**
   * Wraps the factory configured before this one.
   *
   * @param wrapped the implementation's factory
   */
  public PortalExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  /**
   * Whether a failure means the page the request came from is gone or was tampered with.
   *
   * @param failure the exception
   * @return {@code true} for an expired or unknown view, a missing or wrong CSP nonce, or a file
   *     form posted without a multipart body
   */
  static boolean isStaleView(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ViewExpiredException || t instanceof CspException) {
        return true;
      }
      // A file form (the case page's documents) posted without a file body: only a forged or
      // replayed request does that; the page is drawn again like for a tampered view.
      if (t instanceof jakarta.servlet.ServletException
          && String.valueOf(t.getMessage()).contains("multipart/form-data")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where a request from a page that is gone is sent: the same address, drawn again, with the
   * notice parameter.
   *
   * @param contextPath the portal's context path
   * @param path the path within the portal, e.g. {@code /app/case.xhtml}
   * @param query the query string or {@code null}
   * @return the address to redirect to
   */
  static String reloadAddress(String contextPath, String path, String query) {
    if (path.equals("/login.xhtml") || !path.endsWith(".xhtml")) {
      return contextPath + "/login.xhtml?expired=true";
    }
    StringBuilder kept = new StringBuilder();
    if (query != null) {
      for (String part : query.split("&")) {
        if (!part.isEmpty()
            && !part.startsWith("reloaded=")
            && !part.startsWith("jakarta.faces.")) {
          kept.append(part).append('&');
        }
      }
    }
    return contextPath + path + "?" + kept + "reloaded=true";
  }

  private static String classNames(Throwable failure) {
    List<String> names = new ArrayList<>();
    for (Throwable t = failure;
        t != null && names.size() < 8;
        t = t.getCause() == t ? null : t.getCause()) {
      names.add(t.getClass().getName());
    }
    return String.join(" < ", names);
  }

  private static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      FacesContext faces = FacesContext.getCurrentInstance();
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      if (faces == null
          || !events.hasNext()
          || !(faces.getExternalContext().getRequest() instanceof HttpServletRequest request)
          || !(faces.getExternalContext().getResponse() instanceof HttpServletResponse response)
          || response.isCommitted()) {
        getWrapped().handle();
        return;
      }
      Throwable failure = events.next().getContext().getException();
      boolean ajax = DatabaseOutageFilter.isAjax(request);
      String context = request.getContextPath();
      String target;
      if (CDI.current().select(DatabaseAvailability.class).get().confirmUnavailable()) {
        target = context + DatabaseOutageFilter.PAGE;
      } else if (isStaleView(failure)) {
        target =
            reloadAddress(
                context,
                request.getRequestURI().substring(context.length()),
                request.getQueryString());
        LOG.log(
            Level.INFO,
            "A request from a page that is gone or was altered ({0}) was answered by drawing the page again",
            failure.getClass().getSimpleName());
      } else if (ajax) {
        target = context + "/error.xhtml";
        LOG.log(
            Level.WARNING,
            "An Ajax request failed and was sent to the error page: {0}",
            classNames(failure));
      } else {
        getWrapped().handle();
        return;
      }
      for (Iterator<ExceptionQueuedEvent> handled = getUnhandledExceptionQueuedEvents().iterator();
          handled.hasNext(); ) {
        handled.next();
        handled.remove();
      }
      try {
        response.reset();
        if (ajax) {
          DatabaseOutageFilter.sendAjaxRedirect(request, response, target);
        } else {
          SecurityHeaders.apply(request, response);
          response.sendRedirect(target);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      faces.responseComplete();
    }
  }
}
