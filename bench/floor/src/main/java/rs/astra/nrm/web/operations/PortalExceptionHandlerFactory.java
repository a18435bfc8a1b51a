package rs.astra.nrm.web.operations;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/**
 * Stand-in for the portal's exception handler factory of the same name, which the portal's
 * faces-config.xml (copied into the floor unchanged) declares: the floor's requests do not fail, so
 * it hands out the implementation's own handler and costs nothing.
 */
public class PortalExceptionHandlerFactory extends ExceptionHandlerFactory {

  /**
   * @param wrapped the implementation's factory
   */
  public PortalExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return getWrapped().getExceptionHandler();
  }
}
