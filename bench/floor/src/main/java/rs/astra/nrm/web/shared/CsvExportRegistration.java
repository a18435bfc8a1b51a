package rs.astra.nrm.web.shared;

import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * Stand-in for the portal's phase listener of the same name, which the portal's faces-config.xml
 * (copied into the floor unchanged) declares: the floor exports nothing, so it has no CSV exporter
 * to replace, and its requests do no work the portal's do not.
 */
public class CsvExportRegistration implements PhaseListener {

  private static final long serialVersionUID = 1L;

  @Override
  public void beforePhase(PhaseEvent event) {
    // the floor has no exports
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    // the floor has no exports
  }

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RESTORE_VIEW;
  }
}
