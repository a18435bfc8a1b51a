package rs.astra.nrm.web.casefile;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.Gender;
import rs.astra.nrm.casefile.PossibleDuplicate;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The new-case wizard of NGO caseworkers, in four steps on one page: the person, as much as is
 * known; the form of exploitation and who reported it; optionally the person's first consent;
 * optionally the first referral. The case starts at stage SIGNAL; everything is saved together or
 * nothing is (CaseIntakeService), and further consents and referrals follow on the case page.
 */
@Named
@ViewScoped
public class OpenCase implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private rs.astra.nrm.casefile.CaseIntakeService intake;
  @Inject private rs.astra.nrm.organisation.UserDirectory directory;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;
  @Inject private CaseFileService caseFiles;
  @Inject private rs.astra.nrm.web.i18n.Messages messages;

  private List<PossibleDuplicate> duplicates = List.of();

  private String firstName;
  private String secondName;
  private LocalDate birthdate;
  private Gender gender;
  private String citizenship;
  private String mobilePhone;
  private String city;
  private List<TypeOfExploitation> typeOfExploitation = new ArrayList<>();
  private String referringOrganisation;
  private String details;

  private Long consentRecipientId;
  private Purpose consentPurpose;
  private List<DataCategory> consentCategories = new ArrayList<>();
  private LocalDate consentGivenOn = rs.astra.nrm.shared.NrmTime.today();
  private LocalDate consentValidUntil;
  private ConsentMethod consentMethod = ConsentMethod.SIGNED_FORM;
  private String consentNote;

  private Long referralToId;
  private Purpose referralPurpose;
  private List<DataCategory> referralCategories = new ArrayList<>();
  private String referralDetails;

  private ArrayList<Object[]> organisations;

  /** The id of the case this view opened, 0 while it opened none. */
  private final AtomicLong opened = new AtomicLong();

  /** Whether a post of this view is opening the case right now. */
  private final AtomicBoolean opening = new AtomicBoolean();

  /**
   * Opens the case and goes to its page — once per view: the same final post sent again (Back and
   * resend, a double click) opens no second case. If this view already opened one, it goes to that
   * case's page with "this case was already opened"; if the first post is still being carried out,
   * it stays on the form with "this case is being opened" and saves nothing.
   *
   * @throws IOException if the redirect fails
   */
  public void open() throws IOException {
    if (opened.get() != 0) {
      toCase(opened.get(), "newCase.alreadyOpened");
      return;
    }
    if (!opening.compareAndSet(false, true)) {
      FacesContext.getCurrentInstance()
          .addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_WARN, messages.get("newCase.beingOpened"), null));
      return;
    }
    try {
      // The first post may have finished between the two checks above.
      if (opened.get() != 0) {
        toCase(opened.get(), "newCase.alreadyOpened");
        return;
      }
      openOnce();
    } finally {
      opening.set(false);
    }
  }

  private void openOnce() throws IOException {
    long[] id = new long[1];
    boolean ok =
        feedback.run(
            () ->
                id[0] =
                    intake.open(
                        user.viewer(),
                        new CaseFileService.NewCaseForm(
                            firstName,
                            secondName,
                            birthdate,
                            gender,
                            citizenship,
                            mobilePhone,
                            city,
                            typeOfExploitation.isEmpty()
                                ? EnumSet.noneOf(TypeOfExploitation.class)
                                : EnumSet.copyOf(typeOfExploitation),
                            referringOrganisation,
                            details),
                        firstConsent(),
                        firstReferral()),
            "newCase.opened");
    if (ok) {
      opened.set(id[0]);
      toCase(id[0], null);
    }
  }

  /**
   * Goes to a case's page, keeping the messages for it.
   *
   * @param caseId the case
   * @param messageKey bundle key of an information to add first, or {@code null}
   */
  private void toCase(long caseId, String messageKey) throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (messageKey != null) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_INFO, messages.get(messageKey), null));
    }
    faces.getExternalContext().getFlash().setKeepMessages(true);
    faces
        .getExternalContext()
        .redirect(
            faces.getExternalContext().getRequestContextPath() + "/app/case.xhtml?id=" + caseId);
  }

  /**
   * @return the first consent, or {@code null} when its step was left empty
   */
  private rs.astra.nrm.casefile.CaseIntakeService.FirstConsent firstConsent() {
    if (consentRecipientId == null && consentPurpose == null && consentCategories.isEmpty()) {
      return null;
    }
    return new rs.astra.nrm.casefile.CaseIntakeService.FirstConsent(
        consentRecipientId == null ? 0 : consentRecipientId,
        consentPurpose,
        setOf(consentCategories),
        consentGivenOn,
        consentValidUntil,
        consentMethod,
        consentNote);
  }

  /**
   * @return the first referral, or {@code null} when its step was left empty
   */
  private rs.astra.nrm.casefile.CaseIntakeService.FirstReferral firstReferral() {
    if (referralToId == null && referralPurpose == null && referralCategories.isEmpty()) {
      return null;
    }
    return new rs.astra.nrm.casefile.CaseIntakeService.FirstReferral(
        referralToId == null ? 0 : referralToId,
        referralPurpose,
        setOf(referralCategories),
        referralDetails);
  }

  private static EnumSet<DataCategory> setOf(List<DataCategory> chosen) {
    return chosen.isEmpty() ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(chosen);
  }

  /**
   * The other active organisations, as [id, name] by name: read once per view, because both menus
   * of the wizard and every phase of a postback ask for them.
   *
   * @return the recipients a consent or referral can name
   */
  public List<Object[]> getOrganisations() {
    if (organisations == null) {
      long own = user.viewer().organisationId();
      organisations =
          new ArrayList<>(
              directory.organisations().stream()
                  .filter(o -> o.id() != own)
                  .map(o -> new Object[] {o.id(), o.name()})
                  .toList());
    }
    return organisations;
  }

  public Long getConsentRecipientId() {
    return consentRecipientId;
  }

  public void setConsentRecipientId(Long consentRecipientId) {
    this.consentRecipientId = consentRecipientId;
  }

  public Purpose getConsentPurpose() {
    return consentPurpose;
  }

  public void setConsentPurpose(Purpose consentPurpose) {
    this.consentPurpose = consentPurpose;
  }

  public List<DataCategory> getConsentCategories() {
    return consentCategories;
  }

  public void setConsentCategories(List<DataCategory> categories) {
    this.consentCategories = categories == null ? new ArrayList<>() : new ArrayList<>(categories);
  }

  public LocalDate getConsentGivenOn() {
    return consentGivenOn;
  }

  public void setConsentGivenOn(LocalDate consentGivenOn) {
    this.consentGivenOn = consentGivenOn;
  }

  public LocalDate getConsentValidUntil() {
    return consentValidUntil;
  }

  public void setConsentValidUntil(LocalDate consentValidUntil) {
    this.consentValidUntil = consentValidUntil;
  }

  public ConsentMethod getConsentMethod() {
    return consentMethod;
  }

  public void setConsentMethod(ConsentMethod consentMethod) {
    this.consentMethod = consentMethod;
  }

  public String getConsentNote() {
    return consentNote;
  }

  public void setConsentNote(String consentNote) {
    this.consentNote = consentNote;
  }

  public Long getReferralToId() {
    return referralToId;
  }

  public void setReferralToId(Long referralToId) {
    this.referralToId = referralToId;
  }

  public Purpose getReferralPurpose() {
    return referralPurpose;
  }

  public void setReferralPurpose(Purpose referralPurpose) {
    this.referralPurpose = referralPurpose;
  }

  public List<DataCategory> getReferralCategories() {
    return referralCategories;
  }

  public void setReferralCategories(List<DataCategory> categories) {
    this.referralCategories = categories == null ? new ArrayList<>() : new ArrayList<>(categories);
  }

  public String getReferralDetails() {
    return referralDetails;
  }

  public void setReferralDetails(String referralDetails) {
    this.referralDetails = referralDetails;
  }

  /**
   * @return the genders of HTCDS
   */
  public Gender[] getGenders() {
    return Gender.values();
  }

  /**
   * @return the forms of exploitation of HTCDS
   */
  public TypeOfExploitation[] getExploitationTypes() {
    return TypeOfExploitation.values();
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getSecondName() {
    return secondName;
  }

  public void setSecondName(String secondName) {
    this.secondName = secondName;
  }

  public LocalDate getBirthdate() {
    return birthdate;
  }

  public void setBirthdate(LocalDate birthdate) {
    this.birthdate = birthdate;
  }

  public Gender getGender() {
    return gender;
  }

  public void setGender(Gender gender) {
    this.gender = gender;
  }

  /**
   * Looks for possible duplicates of the person as entered so far (issue 19): cases the user may
   * read the identity of whose person has the same names in either order and a birth date at most a
   * year apart ({@link CaseFileService#possibleDuplicates}). Called as the names, birth date and
   * citizenship change.
   */
  public void checkDuplicates() {
    duplicates =
        caseFiles.possibleDuplicates(user.viewer(), firstName, secondName, birthdate, citizenship);
  }

  /**
   * @return the possible duplicates found last, empty when none
   */
  public List<PossibleDuplicate> getDuplicates() {
    return duplicates;
  }

  /**
   * What matched, in the user's language.
   *
   * @param duplicate a possible duplicate
   * @return the matching fields, comma-separated
   */
  public String matched(PossibleDuplicate duplicate) {
    return duplicate.matched().stream()
        .map(m -> messages.get(m.messageKey()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  public String getCitizenship() {
    return citizenship;
  }

  public void setCitizenship(String citizenship) {
    this.citizenship = citizenship;
  }

  public String getMobilePhone() {
    return mobilePhone;
  }

  public void setMobilePhone(String mobilePhone) {
    this.mobilePhone = mobilePhone;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }

  public List<TypeOfExploitation> getTypeOfExploitation() {
    return typeOfExploitation;
  }

  public void setTypeOfExploitation(List<TypeOfExploitation> types) {
    this.typeOfExploitation = types == null ? new ArrayList<>() : new ArrayList<>(types);
  }

  public String getReferringOrganisation() {
    return referringOrganisation;
  }

  public void setReferringOrganisation(String referringOrganisation) {
    this.referringOrganisation = referringOrganisation;
  }

  public String getDetails() {
    return details;
  }

  public void setDetails(String details) {
    this.details = details;
  }
}
