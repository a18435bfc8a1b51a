package rs.astra.nrm.web.casefile;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.casefile.CaseMergeService;
import rs.astra.nrm.casefile.CaseMergeService.MergeRow;
import rs.astra.nrm.casefile.MergeCandidate;
import rs.astra.nrm.web.i18n.Messages;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The case page's "Possible duplicates" (issue 19), for a coordinator of the owning organisation:
 * the other cases of her organisation that may be about the same person, each to merge into this
 * case (with a reason) or to mark "not the same person", and the merges into this case, each to
 * undo within 30 days. Every step passes the versions the user saw; the service checks who she is.
 */
@Named
@ViewScoped
public class MergeCases implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CaseFileService cases;
  @Inject private CaseMergeService merges;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;
  @Inject private Messages messages;
  @Inject private ShowCase page;

  private String reason;
  private transient List<MergeCandidate> candidates;
  private transient List<MergeRow> mergesInto;

  /**
   * @return the possible duplicates of the case on the page (for a coordinator of its owner only)
   */
  public List<MergeCandidate> getCandidates() {
    if (candidates == null) {
      Long caseId = page.getCaseId();
      candidates =
          caseId == null ? List.of() : cases.possibleDuplicatesOfCase(user.viewer(), caseId);
    }
    return candidates;
  }

  /**
   * @return the merges into the case on the page, oldest first (for a coordinator of its owner)
   */
  public List<MergeRow> getMergesInto() {
    if (mergesInto == null) {
      Long caseId = page.getCaseId();
      mergesInto = caseId == null ? List.of() : merges.mergesInto(user.viewer(), caseId);
    }
    return mergesInto;
  }

  /**
   * @param candidate a possible duplicate
   * @return what matched, in the user's language
   */
  public String matched(MergeCandidate candidate) {
    return candidate.duplicate().matched().stream()
        .map(m -> messages.get(m.messageKey()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /**
   * Merges a possible duplicate into the case on the page, with the typed reason.
   *
   * @param otherId the other case
   * @param otherVersion its version as listed
   */
  public void merge(long otherId, long otherVersion) {
    if (page.getCase() == null) {
      return;
    }
    long survivorId = page.getCase().id();
    long survivorVersion = page.getCase().version();
    String why = reason;
    if (feedback.run(
        () -> merges.merge(user.viewer(), survivorId, survivorVersion, otherId, otherVersion, why),
        "merge.merged")) {
      reason = null;
      page.load();
    }
    forget();
  }

  /**
   * Marks a possible duplicate "not the same person".
   *
   * @param otherId the other case
   */
  public void notSamePerson(long otherId) {
    Long caseId = page.getCaseId();
    if (caseId == null) {
      return;
    }
    feedback.run(
        () -> merges.markNotSamePerson(user.viewer(), caseId, otherId), "merge.notSamePersonDone");
    forget();
  }

  /**
   * Undoes a merge into the case on the page.
   *
   * @param mergeId the merge
   */
  public void undo(long mergeId) {
    if (page.getCase() == null) {
      return;
    }
    long survivorVersion = page.getCase().version();
    if (feedback.run(
        () -> merges.undo(user.viewer(), mergeId, survivorVersion), "merge.undoneDone")) {
      page.load();
    }
    forget();
  }

  private void forget() {
    candidates = null;
    mergesInto = null;
  }

  /**
   * @return the typed reason for a merge
   */
  public String getReason() {
    return reason;
  }

  /**
   * @param reason the typed reason for a merge
   */
  public void setReason(String reason) {
    this.reason = reason;
  }
}
