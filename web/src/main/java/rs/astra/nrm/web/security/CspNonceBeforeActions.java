package rs.astra.nrm.web.security;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import org.primefaces.context.PrimeFacesContext;

/**
 * Checks a post's Content-Security-Policy nonce before anything of the post is carried out: right
 * after its view is restored, PrimeFaces' own check (the {@code primefaces.nonce} parameter against
 * the nonce its page was drawn with; {@code CspState.getNonce}) runs here instead of only while the
 * answer is drawn — when the actions of the post would already have run. A post without its page's
 * nonce, or with another (only a forged, scripted or replayed request), fails with PrimeFaces'
 * {@code CspException}, which {@code PortalExceptionHandlerFactory} answers with the page drawn
 * again and "your last step was not carried out"; nothing of the post has reached the model or a
 * service. Registered in {@code faces-config.xml}.
 */
public class CspNonceBeforeActions implements PhaseListener {

  private static final long serialVersionUID = 1L;

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RESTORE_VIEW;
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    // Nothing before the view exists.
  }

  /**
   * After the view of a post is restored: PrimeFaces' nonce check, which throws {@code
   * CspException} on a missing or wrong nonce.
   *
   * @param event the phase event
   */
  @Override
  public void afterPhase(PhaseEvent event) {
    FacesContext faces = event.getFacesContext();
    if (faces.isPostback() && faces.getViewRoot() != null && !faces.getResponseComplete()) {
      PrimeFacesContext.getCspState(faces).getNonce();
    }
  }
}
