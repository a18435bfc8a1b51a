package rs.astra.nrm.web.rights;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import rs.astra.nrm.rights.DataSubjectRequestService;
import rs.astra.nrm.rights.IdentityVerification;
import rs.astra.nrm.rights.RequestForm;
import rs.astra.nrm.rights.RequestKind;
import rs.astra.nrm.shared.NrmTime;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The data protection officer's form to register a data subject's request (issue 21): kind, the
 * case's code, the day received (today by default), how the identity was verified and a note
 * without names. On success the form is emptied and the register reloaded.
 */
@Named
@ViewScoped
public class RegisterDataSubjectRequest implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private DataSubjectRequestService requests;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;
  @Inject private ListDataSubjectRequests register;

  private RequestKind kind;
  private String caseCode;
  private LocalDate receivedOn = NrmTime.today();
  private IdentityVerification verification;
  private String note;

  /** Registers the request as typed; a bad entry is told in the user's language. */
  public void register() {
    boolean done =
        feedback.run(
            () ->
                requests.register(
                    user.viewer(), new RequestForm(kind, caseCode, receivedOn, verification, note)),
            "dsr.registered");
    if (done) {
      kind = null;
      caseCode = null;
      receivedOn = NrmTime.today();
      verification = null;
      note = null;
      register.refresh();
    }
  }

  /**
   * @return the kinds of request
   */
  public List<RequestKind> getKinds() {
    return List.of(RequestKind.values());
  }

  /**
   * @return the ways of verifying the identity
   */
  public List<IdentityVerification> getVerifications() {
    return List.of(IdentityVerification.values());
  }

  public RequestKind getKind() {
    return kind;
  }

  public void setKind(RequestKind kind) {
    this.kind = kind;
  }

  public String getCaseCode() {
    return caseCode;
  }

  public void setCaseCode(String caseCode) {
    this.caseCode = caseCode;
  }

  public LocalDate getReceivedOn() {
    return receivedOn;
  }

  public void setReceivedOn(LocalDate receivedOn) {
    this.receivedOn = receivedOn;
  }

  public IdentityVerification getVerification() {
    return verification;
  }

  public void setVerification(IdentityVerification verification) {
    this.verification = verification;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
