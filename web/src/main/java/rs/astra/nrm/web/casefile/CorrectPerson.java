package rs.astra.nrm.web.casefile;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import rs.astra.nrm.casefile.CaseCorrectionService;
import rs.astra.nrm.casefile.CaseView;
import rs.astra.nrm.casefile.CorrectableField;
import rs.astra.nrm.casefile.CorrectionLine;
import rs.astra.nrm.web.i18n.Messages;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * Rectification on the case page (GDPR Art. 16, issue 21): the owner corrects a field of the person
 * or of the case (the form offers them in two groups, "Person" and "Case") with a reason (and the
 * request it answers), and reads the change log of what she may read. A correction made meanwhile
 * by someone else is refused and explained ("changed by someone else").
 */
@Named
@ViewScoped
public class CorrectPerson implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CaseCorrectionService corrections;
  @Inject private ShowCase page;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;
  @Inject private Messages messages;

  private CorrectableField field;
  private String newValue;
  private String reason;
  private Long requestId;
  private CaseCorrectionService.Correctable correctable;
  private List<CorrectionLine> history;

  /** The page's load that the fields and the log were read for: read again after any reload. */
  private ShowCase.Loaded readFor;

  private void load() {
    ShowCase.Loaded shownNow = page.getLoaded();
    if (shownNow == null) {
      correctable = null;
      history = List.of();
      return;
    }
    if (!shownNow.equals(readFor)) {
      readFor = shownNow;
      long id = shownNow.caseId();
      CaseView shown = page.getCase();
      // The versions as the page read them in this request; the person's is read here only when
      // the page showed nothing of her.
      correctable =
          (shown.personVersion() == null
                  ? corrections.correctable(user.viewer(), id)
                  : corrections.correctable(
                      user.viewer(), id, shown.personVersion(), shown.version()))
              .orElse(null);
      history = corrections.history(user.viewer(), id);
    }
  }

  /**
   * @return the fields the user may correct; empty when none
   */
  public List<CorrectableField> getFields() {
    load();
    return correctable == null ? List.of() : correctable.fields();
  }

  /**
   * @return the fields the user may correct for the form's menu, in two groups labelled in the
   *     user's language: the person's fields, then the case's; a group she may correct nothing of
   *     is left out
   */
  public List<jakarta.faces.model.SelectItem> getFieldGroups() {
    List<jakarta.faces.model.SelectItem> groups = new ArrayList<>();
    for (boolean ofCase : new boolean[] {false, true}) {
      List<jakarta.faces.model.SelectItem> items = new ArrayList<>();
      for (CorrectableField f : getFields()) {
        if (f.isOfCase() == ofCase) {
          items.add(new jakarta.faces.model.SelectItem(f, messages.get("correction.field." + f)));
        }
      }
      if (!items.isEmpty()) {
        groups.add(
            new jakarta.faces.model.SelectItemGroup(
                messages.get(ofCase ? "correction.group.case" : "correction.group.person"),
                null,
                false,
                items.toArray(jakarta.faces.model.SelectItem[]::new)));
      }
    }
    return groups;
  }

  /**
   * @return the change log entries the user may read, oldest first
   */
  public List<CorrectionLine> getHistory() {
    load();
    return history;
  }

  /** Corrects the chosen field; the form keeps its values when refused. */
  public void correct() {
    load();
    if (correctable == null || page.getCaseId() == null) {
      return;
    }
    long caseId = page.getCaseId();
    long version = correctable.versionOf(field);
    if (feedback.run(
        () ->
            corrections.correct(
                user.viewer(),
                caseId,
                version,
                new CaseCorrectionService.CorrectionForm(field, newValue, reason, requestId)),
        "correction.done")) {
      field = null;
      newValue = null;
      reason = null;
      requestId = null;
    }
    readFor = null;
    page.load();
  }

  public CorrectableField getField() {
    return field;
  }

  public void setField(CorrectableField field) {
    this.field = field;
  }

  public String getNewValue() {
    return newValue;
  }

  public void setNewValue(String newValue) {
    this.newValue = newValue;
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
