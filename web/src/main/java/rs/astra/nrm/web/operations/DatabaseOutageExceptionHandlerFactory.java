package rs.astra.nrm.web.operations;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Faces answers an exception in an Ajax request itself (a partial response naming the exception),
 * so it never reaches {@link DatabaseOutageFilter}. This handler, registered in {@code
 * faces-config.xml} around the implementation's own, sends the browser to the "temporarily
 * unavailable" page instead when the exception came with the database away; every other exception
 * goes on to the implementation's handler unchanged.
 */
public class DatabaseOutageExceptionHandlerFactory extends ExceptionHandlerFactory {

  /**
   * Wraps the factory configured before this one.
   *
   * @param wrapped the implementation's factory
   */
  public DatabaseOutageExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  private static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      FacesContext faces = FacesContext.getCurrentInstance();
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      if (faces != null
          && events.hasNext()
          && faces.getExternalContext().getRequest() instanceof HttpServletRequest request
          && faces.getExternalContext().getResponse() instanceof HttpServletResponse response
          && DatabaseOutageFilter.isAjax(request)
          && !response.isCommitted()
          && CDI.current().select(DatabaseAvailability.class).get().confirmUnavailable()) {
        while (events.hasNext()) {
          events.next();
          events.remove();
        }
        try {
          response.reset();
          DatabaseOutageFilter.sendAjaxRedirect(request, response);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        faces.responseComplete();
        return;
      }
      getWrapped().handle();
    }
  }
}
