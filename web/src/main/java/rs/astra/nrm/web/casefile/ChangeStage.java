package rs.astra.nrm.web.casefile;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import rs.astra.nrm.casefile.CaseStageService;
import rs.astra.nrm.casefile.NrmStage;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The NRM stage on the case page: the owner's next steps, the identification decision of the CPTV
 * or a centre for social work, and closure with a reason and a coordinator's approval.
 */
@Named
@ViewScoped
public class ChangeStage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CaseStageService stages;
  @Inject private ShowCase page;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;
  @Inject private rs.astra.nrm.web.i18n.Messages messages;

  private LocalDate decidedOn = rs.astra.nrm.shared.NrmTime.today();
  private String closureReason;
  private Boolean mayDecide;

  /** The page's load that {@link #mayDecide} was asked for. */
  private ShowCase.Loaded mayDecideFor;

  /**
   * @return the steps the owner can take from the current stage
   */
  public List<NrmStage> getOwnerMoves() {
    return page.getCase() == null || !page.getCase().owned()
        ? List.of()
        : List.copyOf(page.getCase().stage().ownerMoves());
  }

  /**
   * @return whether the user may record the identification decision now (the service's own rule)
   */
  public boolean isMayDecide() {
    if (page.getCase() == null || page.getCase().stage() != NrmStage.PRESUMED_VICTIM) {
      return false;
    }
    // Asked again whenever the page loaded the case again (after any step on it, a refused one
    // included): a correction of the birth date by the owner moves the decision to the other
    // decider, and the buttons must follow.
    if (mayDecide == null || !page.getLoaded().equals(mayDecideFor)) {
      mayDecide = stages.mayDecideIdentification(user.viewer(), page.getCaseId(), page.getCase());
      mayDecideFor = page.getLoaded();
    }
    return mayDecide;
  }

  /**
   * Moves the case to the next stage.
   *
   * @param next the stage name
   */
  public void moveTo(String next) {
    feedback.run(
        () ->
            stages.moveTo(
                user.viewer(), page.getCaseId(), page.getCase().version(), NrmStage.valueOf(next)),
        "stage.moved");
    page.load();
  }

  /**
   * Records the identification decision.
   *
   * @param identified the decision
   */
  public void decide(boolean identified) {
    feedback.run(
        () ->
            stages.decideIdentification(
                user.viewer(), page.getCaseId(), page.getCase().version(), identified, decidedOn),
        "stage.decided");
    page.load();
  }

  /** Asks to close the case (a coordinator's request closes it at once). */
  public void requestClosure() {
    if (feedback.run(
        () ->
            messages.get(
                stages.requestClosure(
                        user.viewer(), page.getCaseId(), page.getCase().version(), closureReason)
                    ? "stage.closed"
                    : "stage.closureRequested"))) {
      closureReason = null;
    }
    page.load();
  }

  /** A coordinator approves the requested closure. */
  public void approveClosure() {
    feedback.run(
        () -> stages.approveClosure(user.viewer(), page.getCaseId(), page.getCase().version()),
        "stage.closed");
    page.load();
  }

  public LocalDate getDecidedOn() {
    return decidedOn;
  }

  public void setDecidedOn(LocalDate decidedOn) {
    this.decidedOn = decidedOn;
  }

  public String getClosureReason() {
    return closureReason;
  }

  public void setClosureReason(String closureReason) {
    this.closureReason = closureReason;
  }
}
