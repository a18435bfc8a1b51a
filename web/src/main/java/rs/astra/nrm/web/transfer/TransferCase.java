package rs.astra.nrm.web.transfer;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import rs.astra.nrm.transfer.CaseTransferService;
import rs.astra.nrm.transfer.CaseTransferService.TransferRow;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * Transfer of a case (issue 19) from the pages: the owner proposes it on the case page and may
 * withdraw it; the receiving organisation accepts or declines it from its home page. Each step
 * passes the version the user saw, so a colleague's change at the same time is explained instead of
 * overwritten.
 */
@Named
@ViewScoped
public class TransferCase implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CaseTransferService transfers;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;
  @Inject private ShowCase page;

  private Long toOrganisationId;
  private String basis = "CONSENT";
  private String reason;
  private long chosenId;
  private long chosenVersion;
  private String declineReason;
  private transient List<TransferRow> ofCase;
  private transient List<TransferRow> incoming;

  /**
   * @return the transfers of the case on the page, oldest first (for its owner only)
   */
  public List<TransferRow> getOfCase() {
    if (ofCase == null) {
      Long caseId = page.getCaseId();
      ofCase = caseId == null ? List.of() : transfers.ofCase(user.viewer(), caseId);
    }
    return ofCase;
  }

  /**
   * Forgets the transfers read for this view, so that the next look reads them anew: after an
   * action elsewhere on the page that changes them (a consent's withdrawal closes a proposal
   * resting on it).
   */
  public void refresh() {
    ofCase = null;
    incoming = null;
  }

  /**
   * @return whether the case has an open proposal (then no new one is offered)
   */
  public boolean isOpenProposal() {
    return getOfCase().stream().anyMatch(TransferRow::open);
  }

  /**
   * @return the open proposals to the user's organisation
   */
  public List<TransferRow> getIncoming() {
    if (incoming == null) {
      incoming = transfers.incoming(user.viewer());
    }
    return incoming;
  }

  /** Proposes the transfer of the case on the page. */
  public void propose() {
    Long caseId = page.getCaseId();
    if (caseId == null) {
      return;
    }
    // No organisation chosen: the service answers transfer.error.incomplete.
    long to = toOrganisationId == null ? -1 : toOrganisationId;
    boolean byConsent = !"LEGAL".equals(basis);
    String why = reason;
    if (feedback.run(
        () -> transfers.propose(user.viewer(), caseId, to, byConsent, why), "transfer.proposed")) {
      toOrganisationId = null;
      reason = null;
    }
    ofCase = null;
  }

  /**
   * Withdraws the case's open proposal.
   *
   * @param id the proposal
   * @param shownVersion the version shown
   */
  public void withdraw(long id, long shownVersion) {
    feedback.run(() -> transfers.withdraw(user.viewer(), id, shownVersion), "transfer.withdrawn");
    ofCase = null;
  }

  /**
   * Accepts a proposal to the user's organisation: the case becomes its own.
   *
   * @param id the proposal
   * @param shownVersion the version shown
   */
  public void accept(long id, long shownVersion) {
    feedback.run(() -> transfers.accept(user.viewer(), id, shownVersion), "transfer.accepted");
    incoming = null;
  }

  /**
   * Remembers which proposal the decline dialog is for.
   *
   * @param id the proposal
   * @param shownVersion the version shown
   */
  public void choose(long id, long shownVersion) {
    chosenId = id;
    chosenVersion = shownVersion;
    declineReason = null;
  }

  /** Declines the chosen proposal with the typed reason. */
  public void decline() {
    String why = declineReason;
    feedback.run(
        () -> transfers.decline(user.viewer(), chosenId, chosenVersion, why), "transfer.declined");
    incoming = null;
  }

  /**
   * @return the chosen receiving organisation
   */
  public Long getToOrganisationId() {
    return toOrganisationId;
  }

  /**
   * @param toOrganisationId the receiving organisation
   */
  public void setToOrganisationId(Long toOrganisationId) {
    this.toOrganisationId = toOrganisationId;
  }

  /**
   * @return {@code CONSENT} or {@code LEGAL}
   */
  public String getBasis() {
    return basis;
  }

  /**
   * @param basis {@code CONSENT} or {@code LEGAL}
   */
  public void setBasis(String basis) {
    this.basis = basis;
  }

  /**
   * @return the typed reason
   */
  public String getReason() {
    return reason;
  }

  /**
   * @param reason the typed reason
   */
  public void setReason(String reason) {
    this.reason = reason;
  }

  /**
   * @return the typed reason for declining
   */
  public String getDeclineReason() {
    return declineReason;
  }

  /**
   * @param declineReason the typed reason for declining
   */
  public void setDeclineReason(String declineReason) {
    this.declineReason = declineReason;
  }
}
