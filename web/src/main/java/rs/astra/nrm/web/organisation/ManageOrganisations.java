package rs.astra.nrm.web.organisation;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import rs.astra.nrm.organisation.AdministrationService;
import rs.astra.nrm.organisation.AdministrationService.OrganisationRow;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The administrator's organisations page: the list (few dozen institutions, loaded once per view
 * and after each change), creating one, renaming it or changing its type, deactivating it. Each
 * change says what happened, or why nothing changed (bad input, someone else's change).
 */
@Named
@ViewScoped
public class ManageOrganisations implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AdministrationService administration;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private List<OrganisationRow> organisations;

  private String newName;
  private OrganisationType newType;
  private String newCity;

  private Long editedId;
  private long editedVersion;
  private String editedName;
  private OrganisationType editedType;

  /**
   * @return every organisation, active or not
   */
  public List<OrganisationRow> getOrganisations() {
    if (organisations == null) {
      organisations = administration.organisations(user.viewer());
    }
    return organisations;
  }

  /**
   * @return the kinds of organisation, for the type menus
   */
  public OrganisationType[] getTypes() {
    return OrganisationType.values();
  }

  /** Creates the organisation entered in the form. */
  public void create() {
    if (feedback.run(
        () -> administration.createOrganisation(user.viewer(), newName, newType, newCity),
        "admin.organisationCreated")) {
      newName = null;
      newType = null;
      newCity = null;
    }
    organisations = null;
  }

  /**
   * Opens the edit form for an organisation.
   *
   * @param row the organisation as listed
   */
  public void edit(OrganisationRow row) {
    editedId = row.id();
    editedVersion = row.version();
    editedName = row.name();
    editedType = row.type();
  }

  /** Saves the name and type of the organisation being edited. */
  public void save() {
    if (editedId == null) {
      return;
    }
    long id = editedId;
    if (feedback.run(
        () ->
            administration.changeOrganisation(
                user.viewer(), id, editedVersion, editedName, editedType),
        "admin.organisationChanged")) {
      editedId = null;
    }
    organisations = null;
  }

  /**
   * Deactivates an organisation.
   *
   * @param id the organisation
   * @param version the version listed
   */
  public void deactivate(long id, long version) {
    feedback.run(
        () -> administration.deactivateOrganisation(user.viewer(), id, version),
        "admin.organisationDeactivated");
    organisations = null;
    editedId = null;
  }

  /**
   * Reactivates a deactivated organisation.
   *
   * @param id the organisation
   * @param version the version listed
   */
  public void reactivate(long id, long version) {
    feedback.run(
        () -> administration.reactivateOrganisation(user.viewer(), id, version),
        "admin.organisationReactivated");
    organisations = null;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public OrganisationType getNewType() {
    return newType;
  }

  public void setNewType(OrganisationType newType) {
    this.newType = newType;
  }

  public String getNewCity() {
    return newCity;
  }

  public void setNewCity(String newCity) {
    this.newCity = newCity;
  }

  /**
   * @return whether an organisation is being edited
   */
  public boolean isEditing() {
    return editedId != null;
  }

  public String getEditedName() {
    return editedName;
  }

  public void setEditedName(String editedName) {
    this.editedName = editedName;
  }

  public OrganisationType getEditedType() {
    return editedType;
  }

  public void setEditedType(OrganisationType editedType) {
    this.editedType = editedType;
  }
}
