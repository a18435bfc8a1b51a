package rs.astra.nrm.web.consent;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.BreakGlassService;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The emergency-access (break-glass) dialog of the case page: open one hidden category for 4 hours
 * with a reason of at least 20 visible characters; when the person withdrew her consent for the
 * user's organisation, the dialog says so and asks to confirm a threat to her life or health (GDPR
 * Art. 9(2)(c)). The bounds are the policy's ({@code AccessPolicy.decideEmergencyAccess}). The
 * owning organisation sees every such access.
 */
@Named
@ViewScoped
public class OpenEmergencyAccess implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private BreakGlassService breakGlass;
  @Inject private ShowCase page;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private DataCategory category;
  private String reason;
  private boolean threatToLifeOrHealth;
  private Boolean consentWithdrawn;

  /** Opens the access and reloads the case so that the category shows. */
  public void open() {
    if (page.getCaseId() == null || category == null) {
      return;
    }
    if (feedback.run(
        () ->
            breakGlass.open(
                user.viewer(), page.getCaseId(), category, reason, threatToLifeOrHealth),
        "breakGlass.opened")) {
      reason = null;
      threatToLifeOrHealth = false;
    }
    page.load();
  }

  /**
   * @return whether the person withdrew her consent for the user's organisation (asked once per
   *     view)
   */
  public boolean isConsentWithdrawn() {
    if (consentWithdrawn == null) {
      consentWithdrawn =
          page.getCaseId() != null
              && breakGlass.consentWithdrawnForMe(user.viewer(), page.getCaseId());
    }
    return consentWithdrawn;
  }

  /**
   * @return whether the user confirms a threat to the person's life or health
   */
  public boolean isThreatToLifeOrHealth() {
    return threatToLifeOrHealth;
  }

  public void setThreatToLifeOrHealth(boolean threatToLifeOrHealth) {
    this.threatToLifeOrHealth = threatToLifeOrHealth;
  }

  public DataCategory getCategory() {
    return category;
  }

  public void setCategory(DataCategory category) {
    this.category = category;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
