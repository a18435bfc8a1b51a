package rs.astra.nrm.web.consent;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.ConsentService;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.i18n.Messages;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * Recording and withdrawing consents on the case page (owner only): choose the institution and
 * purpose, tick the categories, say how and when it was given.
 */
@Named
@ViewScoped
public class RecordConsent implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ConsentService consents;
  @Inject private rs.astra.nrm.organisation.ActiveOrganisationChoices organisations;
  @Inject private ShowCase page;
  @Inject private UserFeedback feedback;
  @Inject private Messages messages;
  @Inject private rs.astra.nrm.web.security.SignedInUser user;
  @Inject private rs.astra.nrm.web.transfer.TransferCase transferCase;

  private Long recipientId;
  private Purpose purpose;
  private List<DataCategory> categories = new ArrayList<>();
  private LocalDate givenOn = rs.astra.nrm.shared.NrmTime.today();
  private LocalDate validUntil;
  private ConsentMethod method = ConsentMethod.SIGNED_FORM;
  private String note;

  /** Records the consent described by the form. */
  public void record() {
    if (page.getCaseId() == null) {
      return;
    }
    boolean ok =
        feedback.run(
            () ->
                consents.give(
                    user.viewer(),
                    new ConsentService.NewConsentForm(
                        page.getCaseId(),
                        recipientId == null ? -1 : recipientId,
                        purpose,
                        categories.isEmpty()
                            ? EnumSet.noneOf(DataCategory.class)
                            : EnumSet.copyOf(categories),
                        givenOn,
                        validUntil,
                        method,
                        note)),
            "consent.recorded");
    if (ok) {
      categories = new ArrayList<>();
      note = null;
      validUntil = null;
    }
    page.load();
  }

  /**
   * Withdraws a consent.
   *
   * @param consentId the consent
   * @param version the version shown
   */
  public void withdraw(long consentId, long version) {
    // A proposal to transfer the case that rests on this consent is closed by its withdrawal (the
    // service withdraws it): the message says so, and the transfer section shows it closed.
    transferCase.refresh();
    List<Long> openOnConsent =
        transferCase.getOfCase().stream()
            .filter(t -> t.open() && Long.valueOf(consentId).equals(t.consentId()))
            .map(rs.astra.nrm.transfer.CaseTransferService.TransferRow::id)
            .toList();
    feedback.run(
        () -> {
          String done =
              messages.get(
                  "consent.withdrawn", consents.withdraw(user.viewer(), consentId, version));
          transferCase.refresh();
          List<String> closed =
              transferCase.getOfCase().stream()
                  .filter(t -> openOnConsent.contains(t.id()) && !t.open())
                  .map(rs.astra.nrm.transfer.CaseTransferService.TransferRow::to)
                  .toList();
          return closed.isEmpty()
              ? done
              : done + " " + messages.get("consent.withdrawn.transfer", String.join(", ", closed));
        });
    transferCase.refresh();
    page.load();
  }

  /**
   * @return organisations that can receive data (all but the case's owner), as id/name pairs
   */
  public List<Object[]> getRecipients() {
    String owner = page.getCase() == null ? null : page.getCase().ownerOrganisation();
    return organisations.list().stream()
        .filter(o -> !o.name().equals(owner))
        .map(o -> new Object[] {o.id(), o.name()})
        .toList();
  }

  public Long getRecipientId() {
    return recipientId;
  }

  public void setRecipientId(Long recipientId) {
    this.recipientId = recipientId;
  }

  public Purpose getPurpose() {
    return purpose;
  }

  public void setPurpose(Purpose purpose) {
    this.purpose = purpose;
  }

  public List<DataCategory> getCategories() {
    return categories;
  }

  public void setCategories(List<DataCategory> categories) {
    this.categories = categories == null ? new ArrayList<>() : new ArrayList<>(categories);
  }

  public LocalDate getGivenOn() {
    return givenOn;
  }

  public void setGivenOn(LocalDate givenOn) {
    this.givenOn = givenOn;
  }

  public LocalDate getValidUntil() {
    return validUntil;
  }

  public void setValidUntil(LocalDate validUntil) {
    this.validUntil = validUntil;
  }

  public ConsentMethod getMethod() {
    return method;
  }

  public void setMethod(ConsentMethod method) {
    this.method = method;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
