package rs.astra.nrm.web.shared;

import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * Stand-in for the portal's phase listener of the same name, which the portal's faces-config.xml
 * (copied into the floor unchanged) declares. The portal's one checks the submitted texts of a post
 * against their fields; the floor's posts (paging, sorting) carry no text to check, so this one
 * does nothing and the floor stays a floor.
 */
public class TextInputGuard implements PhaseListener {

  private static final long serialVersionUID = 1L;

  @Override
  public void beforePhase(PhaseEvent event) {
    // nothing to check in the floor
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    // nothing to check in the floor
  }

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.APPLY_REQUEST_VALUES;
  }
}
