package rs.astra.nrm.web.rights;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import rs.astra.nrm.rights.DataSubjectRequestService;
import rs.astra.nrm.rights.RequestRow;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The data protection officer's steps on one request of the register (issue 21): start work, extend
 * the deadline once (days and reason), answer (outcome and answer) or refuse (reason). The request
 * is chosen from its row with the version shown, so a step on a request someone else changed
 * meanwhile is refused ("changed by someone else").
 */
@Named
@ViewScoped
public class AnswerDataSubjectRequest implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private DataSubjectRequestService requests;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;
  @Inject private ListDataSubjectRequests register;
  @Inject private rs.astra.nrm.retention.RetentionService retention;

  private Long chosenId;
  private long chosenVersion;
  private Integer extensionDays;
  private String extensionReason;
  private String outcome;
  private String answer;
  private String refusal;

  /**
   * Chooses a request to work on.
   *
   * @param id the request
   * @param version the version its row shows
   */
  public void choose(long id, long version) {
    chosenId = id;
    chosenVersion = version;
    extensionDays = null;
    extensionReason = null;
    outcome = null;
    answer = null;
    refusal = null;
  }

  /**
   * @return the chosen request's row, or {@code null}
   */
  public RequestRow getChosen() {
    return chosenId == null ? null : register.row(chosenId);
  }

  /** Starts work on the chosen request. */
  public void startWork() {
    step(() -> requests.startWork(user.viewer(), chosenId, chosenVersion), "dsr.started");
  }

  /** Extends the chosen request's deadline by the days typed, with the reason. */
  public void extend() {
    step(
        () ->
            requests.extend(
                user.viewer(),
                chosenId,
                chosenVersion,
                extensionDays == null ? 0 : extensionDays,
                extensionReason),
        "dsr.extended");
  }

  /** Records the answer given to the chosen request. */
  public void answer() {
    step(
        () -> requests.answer(user.viewer(), chosenId, chosenVersion, outcome, answer),
        "dsr.answered");
  }

  /** Refuses the chosen request with the reason typed. */
  public void refuse() {
    step(() -> requests.refuse(user.viewer(), chosenId, chosenVersion, refusal), "dsr.refused");
  }

  /**
   * Erases the chosen request's case now (GDPR Art. 17): refused, naming the hold and its legal
   * basis, when a hold applies; the request stays open for the answer.
   */
  public void erase() {
    if (chosenId == null) {
      return;
    }
    if (feedback.run(
        () -> retention.erase(user.viewer(), chosenId, chosenVersion), "retention.erased")) {
      register.refresh();
    }
  }

  private void step(Runnable action, String successKey) {
    if (chosenId == null) {
      return;
    }
    if (feedback.run(action, successKey)) {
      chosenId = null;
      register.refresh();
    }
  }

  public Integer getExtensionDays() {
    return extensionDays;
  }

  public void setExtensionDays(Integer extensionDays) {
    this.extensionDays = extensionDays;
  }

  public String getExtensionReason() {
    return extensionReason;
  }

  public void setExtensionReason(String extensionReason) {
    this.extensionReason = extensionReason;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getAnswer() {
    return answer;
  }

  public void setAnswer(String answer) {
    this.answer = answer;
  }

  public String getRefusal() {
    return refusal;
  }

  public void setRefusal(String refusal) {
    this.refusal = refusal;
  }
}
