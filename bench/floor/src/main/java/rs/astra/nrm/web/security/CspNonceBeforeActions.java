package rs.astra.nrm.web.security;

import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * Stand-in for the portal's phase listener of the same name, which the portal's faces-config.xml
 * (copied into the floor unchanged) declares: the floor's list page posts nothing that a nonce
 * would guard, so it does nothing.
 */
public class CspNonceBeforeActions implements PhaseListener {

  private static final long serialVersionUID = 1L;

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RESTORE_VIEW;
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    // Nothing: see the class comment.
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    // Nothing: see the class comment.
  }
}
