package rs.astra.nrm.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person who signs in to the portal: member of one {@link Organisation} with one {@link
 * PortalRole}. In the local (embedded) login mode the password hash lives here, produced by Jakarta
 * Security's {@code Pbkdf2PasswordHash}; with single sign-on it stays {@code null}.
 */
@Entity
@Table(name = "portal_user")
@NamedQuery(
    name = PortalUser.FIND_BY_USERNAME,
    query = "select u from PortalUser u join fetch u.organisation where u.username = :username")
public class PortalUser {

  /** Named query: the user with a given {@code username}, with the organisation fetched. */
  public static final String FIND_BY_USERNAME = "PortalUser.findByUsername";

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,79}");

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  @Id
  @SequenceGenerator(
      name = "portal_user_seq",
      sequenceName = "portal_user_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_user_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = 80, unique = true)
  private String username;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  @Column(name = "password_hash", length = 400)
  private String passwordHash;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "organisation_id", nullable = false)
  private Organisation organisation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private PortalRole role;

  @Column(name = "role_name", nullable = false, length = 40)
  private String roleName;

  @Column(nullable = false)
  private boolean active = true;

  @Column(length = 255)
  private String email;

  // The language tag her e-mails are written in (issue 18): the one she last chose in the portal.
  @Column(length = 20)
  private String language;

  // Four eyes (RoleGrant): a user created with a role that needs a second administrator's approval
  // waits, deactivated, until it is given; until then nobody can reactivate her.
  @Column(name = "awaiting_approval", nullable = false)
  private boolean awaitingApproval;

  /** For JPA only. */
  protected PortalUser() {}

  /**
   * Creates an active user.
   *
   * @param username lower-case login name, 2–80 characters of {@code a-z 0-9 . _ -}
   * @param displayName the name shown in the header and in audit records
   * @param organisation the organisation (tenant) the user works for
   * @param role the single role of the user
   * @param passwordHash a {@code Pbkdf2PasswordHash} hash, or {@code null} for single sign-on users
   * @throws IllegalArgumentException if the username or display name is not acceptable
   * @throws NullPointerException if organisation or role is {@code null}
   */
  public PortalUser(
      String username,
      String displayName,
      Organisation organisation,
      PortalRole role,
      String passwordHash) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException("username must be 2-80 characters of a-z 0-9 . _ -");
    }
    if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
      throw new IllegalArgumentException("display name must have 1 to 200 characters");
    }
    this.username = username;
    this.displayName = displayName.strip();
    this.organisation = Objects.requireNonNull(organisation, "organisation");
    this.role = Objects.requireNonNull(role, "role");
    // Kept beside the enum so that the identity store's groups query can return the role name.
    this.roleName = role.roleName();
    this.passwordHash = passwordHash;
  }

  /**
   * @return whether the user signs in with a password kept by the portal (a local account), as
   *     opposed to a user of the single sign-on directory
   */
  public boolean hasLocalPassword() {
    return passwordHash != null;
  }

  /**
   * Takes over what the single sign-on directory says of the user at login (OpenID Connect claims),
   * so that audit records and screens name the real person and her current organisation and role.
   *
   * @param displayName the person's name, 1–200 characters
   * @param email her e-mail, may be {@code null}
   * @param newOrganisation her organisation
   * @param newRole her role
   * @throws IllegalArgumentException if the name is blank or too long
   */
  public void updateFromDirectory(
      String displayName, String email, Organisation newOrganisation, PortalRole newRole) {
    if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
      throw new IllegalArgumentException("display name must have 1 to 200 characters");
    }
    this.displayName = displayName.strip();
    this.email = email == null || email.isBlank() ? null : email.strip();
    this.organisation = Objects.requireNonNull(newOrganisation, "organisation");
    this.role = Objects.requireNonNull(newRole, "role");
    this.roleName = newRole.roleName();
  }

  /**
   * Sets the e-mail address an administrator entered for a local user.
   *
   * @param email the address, at most 255 characters and of the form {@code local@domain}, or
   *     {@code null}
   * @throws IllegalArgumentException if the address is not acceptable
   */
  public void changeEmail(String email) {
    if (email == null || email.isBlank()) {
      this.email = null;
      return;
    }
    String e = email.strip();
    if (e.length() > 255 || !EMAIL.matcher(e).matches()) {
      throw new IllegalArgumentException("e-mail address not acceptable");
    }
    this.email = e;
  }

  /**
   * Gives the user another role (an administrator's act); it takes effect at her next sign-in. A
   * user held back since her creation ({@link #holdForApproval()}) who gets a role that needs no
   * approval ({@link PortalRole#grantNeedsSecondAdministrator()}) no longer waits and may be
   * reactivated.
   *
   * @param newRole the role
   * @throws NullPointerException if the role is {@code null}
   */
  public void changeRole(PortalRole newRole) {
    this.role = Objects.requireNonNull(newRole, "role");
    this.roleName = newRole.roleName();
    if (!newRole.grantNeedsSecondAdministrator()) {
      awaitingApproval = false;
    }
  }

  /**
   * Holds a newly created user back until a second administrator approves her role ({@link
   * RoleGrant}): she cannot sign in, and cannot be reactivated, until then.
   */
  public void holdForApproval() {
    this.active = false;
    this.awaitingApproval = true;
  }

  /**
   * Gives the user a role that a second administrator approved ({@link RoleGrant#approve}); a user
   * held back since her creation ({@link #holdForApproval()}) is let in from now on.
   *
   * @param approvedRole the role
   * @throws NullPointerException if the role is {@code null}
   */
  public void takeApprovedRole(PortalRole approvedRole) {
    changeRole(approvedRole);
    if (awaitingApproval) {
      awaitingApproval = false;
      active = true;
    }
  }

  /** Deactivates the user: she can no longer sign in. Her records and audit entries stay. */
  public void deactivate() {
    this.active = false;
  }

  /**
   * Reactivates a deactivated user: she can sign in again (if her organisation is active).
   *
   * @throws IllegalStateException while she waits for the approval of her role ({@link
   *     #isAwaitingApproval()})
   */
  public void reactivate() {
    if (awaitingApproval) {
      throw new IllegalStateException(
          "the user's role waits for a second administrator's approval");
    }
    this.active = true;
  }

  /**
   * Replaces the password of form login.
   *
   * @param newPasswordHash a {@code Pbkdf2PasswordHash} hash, never the password itself
   * @throws NullPointerException if the hash is {@code null}
   */
  public void changePasswordHash(String newPasswordHash) {
    this.passwordHash = Objects.requireNonNull(newPasswordHash, "passwordHash");
  }

  /**
   * @return the optimistic-lock version
   */
  public long getVersion() {
    return version;
  }

  /**
   * @return the e-mail address, may be {@code null}
   */
  public String getEmail() {
    return email;
  }

  /**
   * The language her e-mails are written in (issue 18).
   *
   * @return a language tag ({@code sr-Latn}, {@code sr-Cyrl}, {@code en}), or {@code null} for the
   *     portal's default, Serbian Latin
   */
  public String getLanguage() {
    return language;
  }

  /**
   * Remembers the language she chose in the portal, for her e-mails.
   *
   * @param language a language tag of at most 20 characters, or {@code null}
   */
  public void setLanguage(String language) {
    if (language != null && language.length() > 20) {
      throw new IllegalArgumentException("language tag too long");
    }
    this.language = language;
  }

  /**
   * @return the database id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the login name
   */
  public String getUsername() {
    return username;
  }

  /**
   * @return the name shown to people
   */
  public String getDisplayName() {
    return displayName;
  }

  /**
   * @return the organisation (tenant)
   */
  public Organisation getOrganisation() {
    return organisation;
  }

  /**
   * @return the role
   */
  public PortalRole getRole() {
    return role;
  }

  /**
   * @return whether she was created with a role that a second administrator has not approved yet
   *     (she is deactivated until then)
   */
  public boolean isAwaitingApproval() {
    return awaitingApproval;
  }

  /**
   * @return whether the user may sign in
   */
  public boolean isActive() {
    return active;
  }
}
