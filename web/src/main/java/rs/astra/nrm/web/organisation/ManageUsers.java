package rs.astra.nrm.web.organisation;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import rs.astra.nrm.organisation.AdministrationService;
import rs.astra.nrm.organisation.AdministrationService.NewUserForm;
import rs.astra.nrm.organisation.AdministrationService.OrganisationRow;
import rs.astra.nrm.organisation.AdministrationService.UserQuery;
import rs.astra.nrm.organisation.AdministrationService.UserRow;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.web.i18n.Messages;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The administrator's users page: a lazy list with filters (text, organisation, role, active only)
 * paged in the database; creating a local user with organisation, role, e-mail and an initial
 * password; changing a user's role; deactivating and reactivating a user; setting a new password. A
 * password is never kept in the view after the request that submits it: every action forgets the
 * passwords the form carried, whichever button was pressed. A role that needs a second
 * administrator, and a new password for its holder, are only asked for (four eyes): the page says
 * so, and the request shows among those waiting ({@link DecideRoleGrants}).
 */
@Named
@ViewScoped
public class ManageUsers implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AdministrationService administration;
  @Inject private rs.astra.nrm.organisation.LoginGuard loginGuard;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;
  @Inject private Messages messages;
  @Inject private DecideRoleGrants grants;

  private final UserTable table = new UserTable();
  private List<OrganisationRow> organisations;

  private String filterText;
  private Long filterOrganisation;
  private PortalRole filterRole;
  private boolean activeOnly;

  private String username;
  private String displayName;
  private String email;
  private Long organisationId;
  private PortalRole role;
  private transient String password;

  private Long roleUserId;
  private long roleUserVersion;
  private Long roleUserOrganisationId;
  private PortalRole newRole;

  private Long passwordUserId;
  private long passwordUserVersion;
  private String passwordUsername;
  private transient String newPassword;

  /**
   * @return the lazy model of the user list
   */
  public LazyDataModel<UserRow> getTable() {
    return table;
  }

  /**
   * @return the active organisations, for the menus
   */
  public List<OrganisationRow> getOrganisations() {
    if (organisations == null) {
      organisations =
          administration.organisations(user.viewer()).stream()
              .filter(OrganisationRow::active)
              .toList();
    }
    return organisations;
  }

  /**
   * @return every role, for the filter
   */
  public PortalRole[] getRoles() {
    return PortalRole.values();
  }

  /**
   * The roles the new user may have: those of the chosen organisation's kind ({@link
   * rs.astra.nrm.organisation.OrganisationType#roles()}, issue 15), every role before one is
   * chosen.
   *
   * @return the roles for the new user's menu, in declaration order
   */
  public List<PortalRole> getNewUserRoles() {
    return rolesOf(organisationId);
  }

  /**
   * @return the roles the user chosen for a role change may have (her organisation's kind)
   */
  public List<PortalRole> getRolesForChosenUser() {
    return rolesOf(roleUserOrganisationId);
  }

  private List<PortalRole> rolesOf(Long organisation) {
    if (organisation != null) {
      for (OrganisationRow o : getOrganisations()) {
        if (o.id() == organisation) {
          return java.util.Arrays.stream(PortalRole.values()).filter(o.type()::allows).toList();
        }
      }
    }
    return List.of(PortalRole.values());
  }

  /** Drops a chosen role that the newly chosen organisation's kind may not have. */
  public void organisationChosen() {
    if (role != null && !getNewUserRoles().contains(role)) {
      role = null;
    }
  }

  /** Creates the user entered in the form; on success the form is emptied. */
  public void create() {
    String initial = password;
    forgetPasswords();
    NewUserForm form = new NewUserForm(username, displayName, email, organisationId, role, initial);
    boolean created =
        feedback.run(
            () -> {
              administration.createUser(user.viewer(), form);
              return messages.get(
                  form.role().grantNeedsSecondAdministrator()
                      ? "admin.userCreatedPending"
                      : "admin.userCreated");
            });
    grants.refresh();
    if (created) {
      username = null;
      displayName = null;
      email = null;
      organisationId = null;
      role = null;
    }
  }

  /**
   * Whether a listed user is the signed-in administrator herself: her own row offers no action (the
   * service refuses every change of oneself, {@code admin.error.self}).
   *
   * @param row the user as listed
   * @return {@code true} for her own row
   */
  public boolean isSelf(UserRow row) {
    return row.id() == user.viewer().userId();
  }

  /**
   * Chooses the user whose role is to be changed.
   *
   * @param row the user as listed
   */
  public void chooseForRole(UserRow row) {
    forgetPasswords();
    passwordUserId = null;
    roleUserId = row.id();
    roleUserVersion = row.version();
    roleUserOrganisationId = row.organisationId();
    newRole = row.role();
  }

  /** Gives the chosen user the new role. */
  public void changeRole() {
    forgetPasswords();
    if (roleUserId == null) {
      return;
    }
    long id = roleUserId;
    feedback.run(
        () ->
            done(
                administration.changeRole(user.viewer(), id, roleUserVersion, newRole),
                "admin.roleChanged",
                "admin.roleChangePending"));
    grants.refresh();
    roleUserId = null;
  }

  /**
   * Lifts the login lock of a user (after repeated wrong passwords), recorded as the
   * administrator's act.
   *
   * @param id the user
   */
  public void unlockLogin(long id) {
    feedback.run(() -> loginGuard.unlock(user.viewer(), id), "admin.loginUnlocked");
  }

  /**
   * Deactivates a user.
   *
   * @param id the user
   * @param version the version shown
   */
  public void deactivate(long id, long version) {
    forgetPasswords();
    feedback.run(
        () -> administration.deactivateUser(user.viewer(), id, version), "admin.userDeactivated");
  }

  /**
   * Reactivates a deactivated user.
   *
   * @param id the user
   * @param version the version listed
   */
  public void reactivate(long id, long version) {
    forgetPasswords();
    feedback.run(
        () -> administration.reactivateUser(user.viewer(), id, version), "admin.userReactivated");
  }

  /**
   * Chooses the user who gets a new password.
   *
   * @param row the user as listed
   */
  public void chooseForPassword(UserRow row) {
    forgetPasswords();
    passwordUserId = row.id();
    passwordUserVersion = row.version();
    passwordUsername = row.username();
    roleUserId = null;
  }

  /**
   * Sets the password entered for the chosen user; the password is forgotten whatever the outcome.
   * The panel stays open only when the password broke the length rule; after any other refusal
   * (someone changed the user meanwhile) it closes, and the list shows the user as she is now.
   */
  public void savePassword() {
    String entered = newPassword;
    forgetPasswords();
    if (passwordUserId == null) {
      return;
    }
    long id = passwordUserId;
    boolean set =
        feedback.run(
            () ->
                done(
                    administration.setPassword(user.viewer(), id, passwordUserVersion, entered),
                    "admin.passwordSet",
                    "admin.passwordPending"));
    grants.refresh();
    if (set || AdministrationService.isAcceptablePassword(entered)) {
      passwordUserId = null;
    }
  }

  /**
   * The message for what became of a change: carried out, or waiting for a second administrator.
   */
  private String done(AdministrationService.Outcome outcome, String doneKey, String pendingKey) {
    return messages.get(
        outcome == AdministrationService.Outcome.AWAITING_APPROVAL ? pendingKey : doneKey);
  }

  private void forgetPasswords() {
    password = null;
    newPassword = null;
  }

  /**
   * @return whether a user is chosen for a new password
   */
  public boolean isSettingPassword() {
    return passwordUserId != null;
  }

  /**
   * @return the login name of the user chosen for a new password, for the panel's heading
   */
  public String getPasswordUsername() {
    return passwordUsername;
  }

  /**
   * @return always {@code null}: a password is never shown back
   */
  public String getNewPassword() {
    return null;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  private final class UserTable extends LazyDataModel<UserRow> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) administration.countUsers(user.viewer(), query(0, 1));
    }

    @Override
    public List<UserRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return administration.users(user.viewer(), query(first, pageSize));
    }

    @Override
    public String getRowKey(UserRow row) {
      return String.valueOf(row.id());
    }

    @Override
    public UserRow getRowData(String rowKey) {
      List<UserRow> page = getWrappedData();
      return page == null
          ? null
          : page.stream()
              .filter(r -> String.valueOf(r.id()).equals(rowKey))
              .findFirst()
              .orElse(null);
    }
  }

  private UserQuery query(int first, int pageSize) {
    return new UserQuery(
        first,
        Math.max(1, Math.min(pageSize, 500)),
        filterText,
        filterOrganisation,
        filterRole,
        activeOnly);
  }

  public String getFilterText() {
    return filterText;
  }

  public void setFilterText(String filterText) {
    this.filterText = filterText;
  }

  public Long getFilterOrganisation() {
    return filterOrganisation;
  }

  public void setFilterOrganisation(Long filterOrganisation) {
    this.filterOrganisation = filterOrganisation;
  }

  public PortalRole getFilterRole() {
    return filterRole;
  }

  public void setFilterRole(PortalRole filterRole) {
    this.filterRole = filterRole;
  }

  public boolean isActiveOnly() {
    return activeOnly;
  }

  public void setActiveOnly(boolean activeOnly) {
    this.activeOnly = activeOnly;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public Long getOrganisationId() {
    return organisationId;
  }

  public void setOrganisationId(Long organisationId) {
    this.organisationId = organisationId;
  }

  public PortalRole getRole() {
    return role;
  }

  public void setRole(PortalRole role) {
    this.role = role;
  }

  /**
   * @return always {@code null}: a password is never shown back
   */
  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  /**
   * @return whether a user is chosen for a role change
   */
  public boolean isChangingRole() {
    return roleUserId != null;
  }

  public PortalRole getNewRole() {
    return newRole;
  }

  public void setNewRole(PortalRole newRole) {
    this.newRole = newRole;
  }
}
