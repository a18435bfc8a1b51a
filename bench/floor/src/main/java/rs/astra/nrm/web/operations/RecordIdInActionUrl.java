package rs.astra.nrm.web.operations;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;

/**
 * Stand-in for the portal's view handler of the same name, which the portal's faces-config.xml
 * (copied into the floor unchanged) declares: the floor's list page shows no single record, so it
 * hands every call to the implementation's own handler.
 */
public class RecordIdInActionUrl extends ViewHandlerWrapper {

  /**
   * @param wrapped the implementation's view handler
   */
  public RecordIdInActionUrl(ViewHandler wrapped) {
    super(wrapped);
  }
}
