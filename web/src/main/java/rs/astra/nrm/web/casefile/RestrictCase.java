package rs.astra.nrm.web.casefile;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import rs.astra.nrm.casefile.CaseRestrictionService;
import rs.astra.nrm.casefile.RestrictionLine;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * Restriction of processing (GDPR Art. 18, issue 21) on a case's access-report page, where both the
 * owner's coordinators and its data protection officer find the case: restrict with a reason (and
 * the request it answers, if any), lift with a reason, and the history of both.
 */
@Named
@ViewScoped
public class RestrictCase implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CaseRestrictionService restrictions;
  @Inject private ShowAccessReport report;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private String reason;
  private Long requestId;

  private Long caseId() {
    String id = report.getId();
    return id == null || !id.matches("\\d{1,18}") ? null : Long.parseLong(id);
  }

  /**
   * @return whether the user may restrict this case or lift its restriction
   */
  public boolean isMayRestrict() {
    Long id = caseId();
    return id != null && restrictions.mayRestrict(user.viewer(), id);
  }

  /**
   * @return whether the case is restricted now
   */
  public boolean isRestricted() {
    Long id = caseId();
    return id != null && restrictions.isRestrictedFor(user.viewer(), id);
  }

  /**
   * @return every restriction of the case, oldest first (empty for those who may not restrict)
   */
  public List<RestrictionLine> getHistory() {
    Long id = caseId();
    return id == null ? List.of() : restrictions.history(user.viewer(), id);
  }

  /** Restricts the case with the reason typed. */
  public void restrict() {
    Long id = caseId();
    if (id != null
        && feedback.run(
            () -> restrictions.restrict(user.viewer(), id, reason, requestId),
            "restriction.done")) {
      reason = null;
      requestId = null;
    }
  }

  /** Lifts the restriction with the reason typed. */
  public void lift() {
    Long id = caseId();
    if (id != null
        && feedback.run(() -> restrictions.lift(user.viewer(), id, reason), "restriction.lifted")) {
      reason = null;
    }
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Long getRequestId() {
    return requestId;
  }

  public void setRequestId(Long requestId) {
    this.requestId = requestId;
  }
}
