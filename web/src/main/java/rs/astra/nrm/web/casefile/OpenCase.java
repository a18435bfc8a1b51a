package rs.astra.nrm.web.casefile;

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
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.casefile.Gender;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * Opening a new case (the first signal) by an NGO caseworker: the person, as much as is known, the
 * form of exploitation and who reported it. The case starts at stage SIGNAL; consent and referrals
 * follow on the case page.
 */
@Named
@ViewScoped
public class OpenCase implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CaseFileService cases;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

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

  /**
   * Opens the case and goes to its page.
   *
   * @throws IOException if the redirect fails
   */
  public void open() throws IOException {
    long[] id = new long[1];
    boolean ok =
        feedback.run(
            () ->
                id[0] =
                    cases.open(
                        user.viewer(),
                        new CaseFileService.NewCaseForm(
                            firstName,
                            secondName,
                            birthdate,
                            gender,
                            citizenship,
                            mobilePhone,
                            city,
                            typeOfExploitation.isEmpty() ? EnumSet.noneOf(TypeOfExploitation.class) : EnumSet.copyOf(typeOfExploitation),
                            referringOrganisation,
                            details)),
            "newCase.opened");
    if (ok) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().getFlash().setKeepMessages(true);
      faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/app/case.xhtml?id=" + id[0]);
    }
  }

  /** @return the genders of HTCDS */
  public Gender[] getGenders() {
    return Gender.values();
  }

  /** @return the forms of exploitation of HTCDS */
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
