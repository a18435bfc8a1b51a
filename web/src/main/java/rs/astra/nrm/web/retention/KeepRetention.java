package rs.astra.nrm.web.retention;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import rs.astra.nrm.retention.LegalHoldBasis;
import rs.astra.nrm.retention.RetentionList;
import rs.astra.nrm.retention.RetentionService;
import rs.astra.nrm.retention.RunRow;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The retention page of a data protection officer or coordinator (issue 21): her organisation's
 * holds and the dry run of the schedule (cases and hotline calls the next nightly run anonymises),
 * the last runs with their counts; recording a hold on a case found by its code, and lifting one.
 */
@Named
@ViewScoped
public class KeepRetention implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How many runs the page shows. */
  static final int RUNS_SHOWN = 20;

  @Inject private RetentionService retention;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private RetentionList list;
  private List<RunRow> runs;
  private String caseCode;
  private LegalHoldBasis basis;
  private String reason;
  private LocalDate reviewOn;

  /** The reason typed beside each hold, by the hold's id (each row has its own field). */
  private final java.util.HashMap<Long, String> liftReasons = new java.util.HashMap<>();

  /**
   * @return the dry run and the holds, loaded once per view and after each step
   */
  public RetentionList getList() {
    if (list == null) {
      list = retention.list(user.viewer());
    }
    return list;
  }

  /**
   * @return the latest runs, newest first
   */
  public List<RunRow> getRuns() {
    if (runs == null) {
      runs = retention.runs(user.viewer(), RUNS_SHOWN);
    }
    return runs;
  }

  /**
   * @return the bases a hold may be recorded on by hand
   */
  public List<LegalHoldBasis> getBases() {
    return java.util.Arrays.stream(LegalHoldBasis.values())
        .filter(LegalHoldBasis::recordedByHand)
        .toList();
  }

  /** Records the hold typed. */
  public void recordHold() {
    if (feedback.run(
        () -> retention.recordHold(user.viewer(), caseCode, basis, reason, reviewOn),
        "retention.holdRecorded")) {
      caseCode = null;
      basis = null;
      reason = null;
      reviewOn = null;
      refresh();
    }
  }

  /**
   * Lifts a hold with the reason typed.
   *
   * @param holdId the hold
   * @param version the version its row shows
   */
  public void lift(long holdId, long version) {
    if (feedback.run(
        () -> retention.liftHold(user.viewer(), holdId, version, liftReasons.get(holdId)),
        "retention.holdLifted")) {
      liftReasons.clear();
      refresh();
    }
  }

  private void refresh() {
    list = null;
    runs = null;
  }

  public String getCaseCode() {
    return caseCode;
  }

  public void setCaseCode(String caseCode) {
    this.caseCode = caseCode;
  }

  public LegalHoldBasis getBasis() {
    return basis;
  }

  public void setBasis(LegalHoldBasis basis) {
    this.basis = basis;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public LocalDate getReviewOn() {
    return reviewOn;
  }

  public void setReviewOn(LocalDate reviewOn) {
    this.reviewOn = reviewOn;
  }

  /**
   * @return the lift reasons typed beside the holds, by hold id (bound per row by the page)
   */
  public java.util.Map<Long, String> getLiftReasons() {
    return liftReasons;
  }
}
