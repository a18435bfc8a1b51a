package rs.astra.nrm.organisation;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * What the portal's administrators do: organisations (create, rename, change type, deactivate) and
 * users (create with organisation, role, e-mail and an initial password; change role; deactivate).
 * Only the {@link PortalRole#ADMIN} role may call it; every change is written, in the same
 * transaction, to the append-only activity record ({@link AdministrationLog}), naming organisations
 * and users by id only. Nothing here reads case data.
 *
 * <p>Four eyes (issue 15, "administration that cannot escalate"): a role that reads case data or
 * controls access ({@link PortalRole#grantNeedsSecondAdministrator()}), and a new password for a
 * user who has one, are only asked for here ({@link RoleGrant}); a second administrator gives them
 * with {@link RoleGrantService}. A user created with such a role waits, deactivated, until then.
 */
@Stateless
@StoredBeforeReturn
public class AdministrationService {

  /** Fewest characters of an initial password. */
  public static final int MIN_PASSWORD_LENGTH = 12;

  /** The longest password accepted, in characters. */
  public static final int MAX_PASSWORD_LENGTH = 200;

  /**
   * PBKDF2-HMAC-SHA256 iterations for the passwords administrators set: OWASP's Password Storage
   * Cheat Sheet asks for 600,000 (Jakarta Security's default is 2,048, which a leaked hash does not
   * withstand). The count is stored with each hash, so hashes made with another count still verify.
   * About a quarter of a second of one core per password set or login on the machines here.
   */
  public static final int PASSWORD_HASH_ITERATIONS = 600_000;

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private Pbkdf2PasswordHash passwordHash;

  @PostConstruct
  void configureHashing() {
    passwordHash.initialize(
        Map.of("Pbkdf2PasswordHash.Iterations", String.valueOf(PASSWORD_HASH_ITERATIONS)));
  }

  @Inject private AdministrationLog audit;

  /** Tells the menus' list of organisations that it changed ({@link ActiveOrganisationChoices}). */
  @Inject
  private jakarta.enterprise.event.Event<ActiveOrganisationChoices.OrganisationsChanged>
      organisationsChanged;

  /** What became of an administrator's change. */
  public enum Outcome {
    /** It was carried out (or there was nothing to change). */
    DONE,
    /** It waits for a second administrator's approval ({@link RoleGrant}); nothing changed yet. */
    AWAITING_APPROVAL
  }

  /**
   * An organisation as the administrator sees it.
   *
   * @param id its id
   * @param version its optimistic-lock version
   * @param name its name
   * @param type its kind
   * @param city its seat, or {@code null}
   * @param active whether it takes part in the portal
   * @param activeUsers how many of its users may sign in
   */
  public record OrganisationRow(
      long id,
      long version,
      String name,
      OrganisationType type,
      String city,
      boolean active,
      long activeUsers)
      implements Serializable {}

  /**
   * A user as the administrator sees it (no password hash).
   *
   * @param id her id
   * @param version the optimistic-lock version
   * @param username her login name
   * @param displayName her name
   * @param email her e-mail, or {@code null}
   * @param organisationId her organisation's id
   * @param organisation her organisation's name
   * @param role her role
   * @param active whether she may sign in
   * @param awaitingApproval whether she was created with a role a second administrator has not
   *     approved yet (she is deactivated and cannot be reactivated until then)
   */
  public record UserRow(
      long id,
      long version,
      String username,
      String displayName,
      String email,
      long organisationId,
      String organisation,
      PortalRole role,
      boolean active,
      boolean awaitingApproval)
      implements Serializable {}

  /**
   * What the administrator fills in to create a local user.
   *
   * @param username login name, 2–80 characters of {@code a-z 0-9 . _ -}
   * @param displayName the person's name, 1–200 characters
   * @param email her e-mail, or blank
   * @param organisationId her organisation (active)
   * @param role her one role
   * @param initialPassword at least {@link #MIN_PASSWORD_LENGTH} characters; stored only as a
   *     PBKDF2 hash (Jakarta Security's {@link Pbkdf2PasswordHash}, as for every local user)
   */
  public record NewUserForm(
      String username,
      String displayName,
      String email,
      Long organisationId,
      PortalRole role,
      String initialPassword)
      implements Serializable {

    @Override
    public String toString() {
      // Never the password, not even in a debugger's or a log's view of the form.
      return "NewUserForm[" + username + "]";
    }
  }

  /**
   * Which users to list.
   *
   * @param first index of the first row, 0-based
   * @param pageSize rows per page, 1 to 500
   * @param textContains fragment of the login name, name or e-mail, ignoring case; {@code null} =
   *     any
   * @param organisationId only users of this organisation; {@code null} = any
   * @param role only users with this role; {@code null} = any
   * @param activeOnly only users who may sign in
   */
  public record UserQuery(
      int first,
      int pageSize,
      String textContains,
      Long organisationId,
      PortalRole role,
      boolean activeOnly)
      implements Serializable {

    /**
     * @throws IllegalArgumentException if {@code first} is negative or {@code pageSize} not 1–500
     */
    public UserQuery {
      if (first < 0 || pageSize < 1 || pageSize > 500) {
        throw new IllegalArgumentException("first must be >= 0 and pageSize 1 to 500");
      }
    }
  }

  /**
   * Every organisation, active or not, by name, with its number of active users.
   *
   * @param viewer an administrator
   * @return the organisations
   * @throws NotPermittedException for any other role
   */
  public List<OrganisationRow> organisations(Viewer viewer) {
    requireAdmin(viewer);
    Map<Long, Long> users = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select u.organisation.id, count(u) from PortalUser u where u.active = true group by u.organisation.id",
                Object[].class)
            .getResultList()) {
      users.put((Long) row[0], (Long) row[1]);
    }
    return em.createNamedQuery(Organisation.FIND_ALL, Organisation.class).getResultList().stream()
        .map(
            o ->
                new OrganisationRow(
                    o.getId(),
                    o.getVersion(),
                    o.getName(),
                    o.getType(),
                    o.getCity(),
                    o.isActive(),
                    users.getOrDefault(o.getId(), 0L)))
        .toList();
  }

  /**
   * Creates an organisation.
   *
   * @param viewer an administrator
   * @param name unique name (ignoring case), 1–200 characters
   * @param type its kind
   * @param city its seat, up to 100 characters, or blank
   * @return the new organisation's id
   * @throws InvalidRequestException {@code admin.error.organisationName}, {@code
   *     admin.error.nameTaken}, {@code admin.error.incomplete} or {@code admin.error.tooLong}
   * @throws NotPermittedException for any other role
   */
  public long createOrganisation(Viewer viewer, String name, OrganisationType type, String city) {
    requireAdmin(viewer);
    if (type == null) {
      throw new InvalidRequestException("admin.error.incomplete");
    }
    String checked = organisationName(name, null);
    String seat = blank(city);
    if (seat != null && seat.length() > 100) {
      throw new InvalidRequestException("admin.error.tooLong");
    }
    Organisation o = new Organisation(checked, type, seat);
    em.persist(o);
    em.flush();
    audit.record(
        viewer, Instant.now(), AdministrativeAct.ORGANISATION_CREATED, o.getId(), type.name());
    organisationsChanged.fire(new ActiveOrganisationChoices.OrganisationsChanged());
    return o.getId();
  }

  /**
   * Renames an organisation and/or changes its type; each change is recorded.
   *
   * @param viewer an administrator
   * @param organisationId the organisation
   * @param version the version the administrator saw
   * @param newName the name, unique ignoring case, 1–200 characters
   * @param newType the kind
   * @throws InvalidRequestException {@code admin.error.organisationName}, {@code
   *     admin.error.nameTaken}, {@code admin.error.incomplete}, {@code admin.error.notFound}, or
   *     {@code admin.error.typeNotForRoles} when a user of it has a role the new kind may not have
   * @throws ConcurrentUpdateException when someone changed it meanwhile
   * @throws NotPermittedException for any other role
   */
  public void changeOrganisation(
      Viewer viewer, long organisationId, long version, String newName, OrganisationType newType) {
    requireAdmin(viewer);
    if (newType == null) {
      throw new InvalidRequestException("admin.error.incomplete");
    }
    Organisation o = organisation(organisationId, version);
    String checked = organisationName(newName, o.getId());
    Instant now = Instant.now();
    if (!checked.equals(o.getName())) {
      o.rename(checked);
      audit.record(viewer, now, AdministrativeAct.ORGANISATION_RENAMED, o.getId(), null);
      organisationsChanged.fire(new ActiveOrganisationChoices.OrganisationsChanged());
    }
    if (newType != o.getType()) {
      // The kind decides which roles its users may have: a change that would leave a user with a
      // role the new kind may not have (an NGO coordinator in a police unit) is refused.
      long misfits =
          em.createQuery(
                  "select count(u) from PortalUser u where u.organisation.id = :org and u.role not in :roles",
                  Long.class)
              .setParameter("org", o.getId())
              .setParameter("roles", newType.roles())
              .getSingleResult();
      if (misfits > 0) {
        throw new InvalidRequestException("admin.error.typeNotForRoles");
      }
      String detail = o.getType() + " -> " + newType;
      o.changeType(newType);
      audit.record(viewer, now, AdministrativeAct.ORGANISATION_TYPE_CHANGED, o.getId(), detail);
    }
    em.flush();
  }

  /**
   * Deactivates an organisation: its users can no longer sign in, and it is no longer offered as a
   * recipient. Its cases and records stay.
   *
   * @param viewer an administrator, not of this organisation (she would lock herself out)
   * @param organisationId the organisation
   * @param version the version the administrator saw
   * @throws InvalidRequestException {@code admin.error.ownOrganisation}, {@code
   *     admin.error.notFound}
   * @throws ConcurrentUpdateException when someone changed it meanwhile
   * @throws NotPermittedException for any other role
   */
  public void deactivateOrganisation(Viewer viewer, long organisationId, long version) {
    requireAdmin(viewer);
    if (organisationId == viewer.organisationId()) {
      throw new InvalidRequestException("admin.error.ownOrganisation");
    }
    Organisation o = organisation(organisationId, version);
    if (o.isActive()) {
      o.deactivate();
      organisationsChanged.fire(new ActiveOrganisationChoices.OrganisationsChanged());
      audit.record(
          viewer, Instant.now(), AdministrativeAct.ORGANISATION_DEACTIVATED, o.getId(), null);
      em.flush();
    }
  }

  /**
   * Reactivates a deactivated organisation: it is offered as a recipient again, and its users who
   * are themselves active can sign in again. Nothing changes for an active one.
   *
   * @param viewer an administrator
   * @param organisationId the organisation
   * @param version the version the administrator saw
   * @throws InvalidRequestException {@code admin.error.notFound}
   * @throws ConcurrentUpdateException when someone changed it meanwhile
   * @throws NotPermittedException for any other role
   */
  public void reactivateOrganisation(Viewer viewer, long organisationId, long version) {
    requireAdmin(viewer);
    Organisation o = organisation(organisationId, version);
    if (!o.isActive()) {
      o.reactivate();
      organisationsChanged.fire(new ActiveOrganisationChoices.OrganisationsChanged());
      audit.record(
          viewer, Instant.now(), AdministrativeAct.ORGANISATION_REACTIVATED, o.getId(), null);
      em.flush();
    }
  }

  /**
   * One page of users, by organisation then login name.
   *
   * @param viewer an administrator
   * @param query page and filters
   * @return at most {@code query.pageSize()} users
   * @throws NotPermittedException for any other role
   */
  public List<UserRow> users(Viewer viewer, UserQuery query) {
    requireAdmin(viewer);
    return usersQuery(
            query, "u", PortalUser.class, " order by u.organisation.name, u.username, u.id")
        .setFirstResult(query.first())
        .setMaxResults(query.pageSize())
        .getResultList()
        .stream()
        .map(
            u ->
                new UserRow(
                    u.getId(),
                    u.getVersion(),
                    u.getUsername(),
                    u.getDisplayName(),
                    u.getEmail(),
                    u.getOrganisation().getId(),
                    u.getOrganisation().getName(),
                    u.getRole(),
                    u.isActive(),
                    u.isAwaitingApproval()))
        .toList();
  }

  /**
   * How many users {@link #users} pages through.
   *
   * @param viewer an administrator
   * @param query the filters (paging ignored)
   * @return the number of users
   * @throws NotPermittedException for any other role
   */
  public long countUsers(Viewer viewer, UserQuery query) {
    requireAdmin(viewer);
    return usersQuery(query, "count(u)", Long.class, "").getSingleResult();
  }

  /**
   * Creates a local user who signs in with the initial password (form login); with single sign-on
   * users come from the directory instead. With a role that needs a second administrator ({@link
   * PortalRole#grantNeedsSecondAdministrator()}, every role but the hotline operator's) she is
   * created deactivated, and a pending {@link RoleGrant} lets her in once another administrator
   * approves it; a hotline operator may sign in at once.
   *
   * @param viewer an administrator
   * @param form the new user
   * @return her id
   * @throws InvalidRequestException {@code admin.error.*}: incomplete, bad or taken login name, bad
   *     name or e-mail, password too short, inactive organisation
   * @throws NotPermittedException for any other role
   */
  public long createUser(Viewer viewer, NewUserForm form) {
    requireAdmin(viewer);
    if (form == null
        || form.organisationId() == null
        || form.role() == null
        || form.username() == null
        || form.initialPassword() == null) {
      throw new InvalidRequestException("admin.error.incomplete");
    }
    String username = form.username().strip().toLowerCase(Locale.ROOT);
    if (!em.createNamedQuery(PortalUser.FIND_BY_USERNAME, PortalUser.class)
        .setParameter("username", username)
        .getResultList()
        .isEmpty()) {
      throw new InvalidRequestException("admin.error.usernameTaken");
    }
    passwordProblem(form.initialPassword(), username)
        .ifPresent(
            key -> {
              throw new InvalidRequestException(key, String.valueOf(MIN_PASSWORD_LENGTH));
            });
    Organisation organisation = em.find(Organisation.class, form.organisationId());
    if (organisation == null || !organisation.isActive()) {
      throw new InvalidRequestException("admin.error.organisationInactive");
    }
    requireRoleFits(organisation, form.role());
    if (form.displayName() == null
        || form.displayName().isBlank()
        || form.displayName().strip().length() > 200) {
      throw new InvalidRequestException("admin.error.displayName");
    }
    PortalUser user;
    try {
      user =
          new PortalUser(
              username,
              form.displayName(),
              organisation,
              form.role(),
              passwordHash.generate(form.initialPassword().toCharArray()));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("admin.error.username");
    }
    try {
      user.changeEmail(form.email());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("admin.error.email");
    }
    boolean fourEyes = form.role().grantNeedsSecondAdministrator();
    if (fourEyes) {
      user.holdForApproval();
    }
    em.persist(user);
    em.flush();
    Instant now = Instant.now();
    audit.record(
        viewer,
        now,
        AdministrativeAct.USER_CREATED,
        user.getId(),
        form.role().roleName() + " @ " + organisation.getId());
    if (fourEyes) {
      request(viewer, RoleGrant.forNewUser(user, requester(viewer), now));
    }
    return user.getId();
  }

  /**
   * Gives a user another role; it takes effect at her next sign-in. A role that needs a second
   * administrator ({@link PortalRole#grantNeedsSecondAdministrator()}) is only asked for: she keeps
   * her role until another administrator approves the pending {@link RoleGrant}. A newer request
   * for her replaces (cancels) one still pending, and so does a role that takes effect at once.
   *
   * @param viewer an administrator, not changing her own role
   * @param userId the user
   * @param version the version the administrator saw
   * @param role the new role
   * @return {@link Outcome#DONE} when the role was changed (or was hers already), {@link
   *     Outcome#AWAITING_APPROVAL} when it waits for a second administrator
   * @throws InvalidRequestException {@code admin.error.self}, {@code admin.error.incomplete},
   *     {@code admin.error.notFound} or {@code admin.error.roleNotForType}
   * @throws ConcurrentUpdateException when someone changed her meanwhile
   * @throws NotPermittedException for any other role
   */
  public Outcome changeRole(Viewer viewer, long userId, long version, PortalRole role) {
    requireAdmin(viewer);
    if (role == null) {
      throw new InvalidRequestException("admin.error.incomplete");
    }
    PortalUser u = user(viewer, userId, version);
    requireRoleFits(u.getOrganisation(), role);
    if (u.getRole() == role && !u.isAwaitingApproval()) {
      return Outcome.DONE;
    }
    Instant now = Instant.now();
    if (role.grantNeedsSecondAdministrator()) {
      request(viewer, RoleGrant.forRoleChange(u, role, requester(viewer), now));
      return Outcome.AWAITING_APPROVAL;
    }
    cancelPending(viewer, u, now, EnumSet.of(RoleGrant.Kind.NEW_USER, RoleGrant.Kind.ROLE_CHANGE));
    String detail = u.getRole().roleName() + " -> " + role.roleName();
    u.changeRole(role);
    audit.record(viewer, now, AdministrativeAct.USER_ROLE_CHANGED, u.getId(), detail);
    em.flush();
    return Outcome.DONE;
  }

  /**
   * Deactivates a user: she can no longer sign in (form login and single sign-on).
   *
   * @param viewer an administrator, not deactivating herself
   * @param userId the user
   * @param version the version the administrator saw
   * @throws InvalidRequestException {@code admin.error.self} or {@code admin.error.notFound}
   * @throws ConcurrentUpdateException when someone changed her meanwhile
   * @throws NotPermittedException for any other role
   */
  public void deactivateUser(Viewer viewer, long userId, long version) {
    requireAdmin(viewer);
    PortalUser u = user(viewer, userId, version);
    if (u.isActive()) {
      u.deactivate();
      audit.record(viewer, Instant.now(), AdministrativeAct.USER_DEACTIVATED, u.getId(), null);
      em.flush();
    }
  }

  /**
   * Reactivates a deactivated user: she can sign in again, with her role and password as they were.
   * Nothing changes for an active one.
   *
   * @param viewer an administrator, not reactivating herself
   * @param userId the user
   * @param version the version the administrator saw
   * @throws InvalidRequestException {@code admin.error.self}, {@code admin.error.notFound}, {@code
   *     admin.error.organisationDeactivated} when her organisation is deactivated (reactivate it
   *     first), or {@code admin.error.awaitingApproval} when she was created with a role a second
   *     administrator has not approved yet (the approval lets her in)
   * @throws ConcurrentUpdateException when someone changed her meanwhile
   * @throws NotPermittedException for any other role
   */
  public void reactivateUser(Viewer viewer, long userId, long version) {
    requireAdmin(viewer);
    PortalUser u = user(viewer, userId, version);
    if (u.isAwaitingApproval()) {
      throw new InvalidRequestException("admin.error.awaitingApproval");
    }
    if (!u.isActive() && !u.getOrganisation().isActive()) {
      throw new InvalidRequestException("admin.error.organisationDeactivated");
    }
    if (!u.isActive()) {
      u.reactivate();
      audit.record(viewer, Instant.now(), AdministrativeAct.USER_REACTIVATED, u.getId(), null);
      em.flush();
    }
  }

  /**
   * Sets a new password for a user's form login (a forgotten password, or one that may be known to
   * others). Only its hash is stored, and the activity record names the user, never the password.
   * Sessions she has open stay signed in: to lock someone out at once, deactivate her first, set
   * the password, then reactivate her. With single sign-on, passwords are kept by Keycloak, not
   * here.
   *
   * <p>For a user whose role needs a second administrator ({@link
   * PortalRole#grantNeedsSecondAdministrator()}) the password is only asked for: one administrator
   * could otherwise set a caseworker's password and sign in as her. The hash waits in a pending
   * {@link RoleGrant} until another administrator approves it; her password stays until then.
   *
   * @param viewer an administrator, not setting her own password here
   * @param userId the user
   * @param version the version the administrator saw
   * @param newPassword {@link #MIN_PASSWORD_LENGTH} to {@link #MAX_PASSWORD_LENGTH} characters
   * @return {@link Outcome#DONE} when the password was set, {@link Outcome#AWAITING_APPROVAL} when
   *     it waits for a second administrator
   * @throws InvalidRequestException {@code admin.error.password}, {@code admin.error.self} or
   *     {@code admin.error.notFound}
   * @throws ConcurrentUpdateException when someone changed her meanwhile
   * @throws NotPermittedException for any other role
   */
  public Outcome setPassword(Viewer viewer, long userId, long version, String newPassword) {
    requireAdmin(viewer);
    if (!isAcceptablePassword(newPassword)) {
      throw new InvalidRequestException(
          "admin.error.password", String.valueOf(MIN_PASSWORD_LENGTH));
    }
    PortalUser u = user(viewer, userId, version);
    passwordProblem(newPassword, u.getUsername())
        .ifPresent(
            key -> {
              throw new InvalidRequestException(key, String.valueOf(MIN_PASSWORD_LENGTH));
            });
    String hash = passwordHash.generate(newPassword.toCharArray());
    Instant now = Instant.now();
    if (u.getRole().grantNeedsSecondAdministrator()) {
      request(viewer, RoleGrant.forPassword(u, hash, requester(viewer), now));
      return Outcome.AWAITING_APPROVAL;
    }
    u.changePasswordHash(hash);
    audit.record(viewer, now, AdministrativeAct.USER_PASSWORD_SET, u.getId(), null);
    em.flush();
    return Outcome.DONE;
  }

  /**
   * Stores a request for a second administrator, after cancelling the requests of the same kind
   * still pending for the user (a newer one replaces them), and records it.
   */
  private void request(Viewer viewer, RoleGrant grant) {
    PortalUser u = grant.getUser();
    cancelPending(
        viewer,
        u,
        grant.getRequestedAt(),
        grant.getKind().givesRole()
            ? EnumSet.of(RoleGrant.Kind.NEW_USER, RoleGrant.Kind.ROLE_CHANGE)
            : EnumSet.of(RoleGrant.Kind.PASSWORD));
    em.persist(grant);
    audit.record(
        viewer,
        grant.getRequestedAt(),
        AdministrativeAct.ROLE_GRANT_REQUESTED,
        u.getId(),
        grant.activityDetail());
    em.flush();
  }

  private void cancelPending(Viewer viewer, PortalUser u, Instant now, Set<RoleGrant.Kind> kinds) {
    for (RoleGrant earlier :
        em.createNamedQuery(RoleGrant.FIND_PENDING_FOR_USER, RoleGrant.class)
            .setParameter("userId", u.getId())
            .setParameter("kinds", kinds)
            .setParameter("pending", RoleGrant.Status.PENDING)
            .getResultList()) {
      earlier.cancel(requester(viewer), now);
      audit.record(
          viewer, now, AdministrativeAct.ROLE_GRANT_CANCELLED, u.getId(), earlier.activityDetail());
    }
  }

  private PortalUser requester(Viewer viewer) {
    return em.find(PortalUser.class, viewer.userId());
  }

  /**
   * The length rule of every password an administrator sets.
   *
   * @param password the typed password, or {@code null}
   * @return whether it has {@link #MIN_PASSWORD_LENGTH} to {@link #MAX_PASSWORD_LENGTH} characters
   */
  public static boolean isAcceptablePassword(String password) {
    return password != null
        && password.length() >= MIN_PASSWORD_LENGTH
        && password.length() <= MAX_PASSWORD_LENGTH;
  }

  /**
   * Refuses a role that the organisation's kind may not have ({@link OrganisationType#roles()}).
   *
   * @throws InvalidRequestException {@code admin.error.roleNotForType}
   */
  static void requireRoleFits(Organisation organisation, PortalRole role) {
    if (!organisation.getType().allows(role)) {
      throw new InvalidRequestException("admin.error.roleNotForType");
    }
  }

  /**
   * The password rules for the local store (OWASP Authentication Cheat Sheet; issue 15): {@link
   * #MIN_PASSWORD_LENGTH} to {@link #MAX_PASSWORD_LENGTH} characters, not the login name (nor
   * containing it, in any capitals), and not one of the common passwords shipped with the portal
   * ({@code common-passwords.txt}), also with digits or punctuation added at its end.
   *
   * @param password the typed password, may be {@code null}
   * @param username the login name it is for
   * @return the message key of the first rule broken ({@code admin.error.password}, {@code
   *     admin.error.passwordIsName} or {@code admin.error.passwordCommon}), or empty
   */
  public static Optional<String> passwordProblem(String password, String username) {
    if (!isAcceptablePassword(password)) {
      return Optional.of("admin.error.password");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (username != null
        && !username.isBlank()
        && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
      return Optional.of("admin.error.passwordIsName");
    }
    String stem = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "");
    if (CommonPasswords.LIST.contains(lower) || CommonPasswords.LIST.contains(stem)) {
      return Optional.of("admin.error.passwordCommon");
    }
    return Optional.empty();
  }

  /** The common passwords shipped with the portal, loaded once. */
  private static final class CommonPasswords {
    static final java.util.Set<String> LIST = load();

    private static java.util.Set<String> load() {
      try (java.io.InputStream in =
          AdministrationService.class.getResourceAsStream("common-passwords.txt")) {
        if (in == null) {
          throw new IllegalStateException("common-passwords.txt is missing");
        }
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .map(l -> l.toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /**
   * @throws NotPermittedException unless the viewer is an administrator
   */
  static void requireAdmin(Viewer viewer) {
    if (viewer == null || viewer.role() != PortalRole.ADMIN) {
      throw new NotPermittedException("administration");
    }
  }

  private Organisation organisation(long id, long version) {
    Organisation o = em.find(Organisation.class, id);
    if (o == null) {
      throw new InvalidRequestException("admin.error.notFound");
    }
    if (o.getVersion() != version) {
      throw new ConcurrentUpdateException("organisation");
    }
    return o;
  }

  private PortalUser user(Viewer viewer, long id, long version) {
    if (id == viewer.userId()) {
      throw new InvalidRequestException("admin.error.self");
    }
    PortalUser u = em.find(PortalUser.class, id);
    if (u == null) {
      throw new InvalidRequestException("admin.error.notFound");
    }
    if (u.getVersion() != version) {
      throw new ConcurrentUpdateException("user");
    }
    return u;
  }

  /** The name, stripped, if it is acceptable and no other organisation has it (ignoring case). */
  private String organisationName(String name, Long except) {
    String n = blank(name);
    if (n == null || n.length() > 200) {
      throw new InvalidRequestException("admin.error.organisationName");
    }
    boolean taken =
        em
            .createNamedQuery(Organisation.FIND_BY_NAME, Organisation.class)
            .setParameter("name", n)
            .getResultList()
            .stream()
            .anyMatch(o -> !o.getId().equals(except));
    if (taken) {
      throw new InvalidRequestException("admin.error.nameTaken");
    }
    return n;
  }

  private <T> TypedQuery<T> usersQuery(
      UserQuery query, String select, Class<T> type, String order) {
    boolean byText = query.textContains() != null && !query.textContains().isBlank();
    String jpql =
        "select "
            + select
            + " from PortalUser u"
            + (type == PortalUser.class ? " join fetch u.organisation" : "")
            + " where 1 = 1"
            + (byText
                ? " and (lower(u.username) like :text escape '\\' or lower(u.displayName) like :text escape '\\' or lower(u.email) like :text escape '\\')"
                : "")
            + (query.organisationId() != null ? " and u.organisation.id = :org" : "")
            + (query.role() != null ? " and u.role = :role" : "")
            + (query.activeOnly() ? " and u.active = true" : "")
            + order;
    TypedQuery<T> q = em.createQuery(jpql, type);
    if (byText) {
      String escaped =
          query
              .textContains()
              .strip()
              .toLowerCase(Locale.ROOT)
              .replace("\\", "\\\\")
              .replace("%", "\\%")
              .replace("_", "\\_");
      q.setParameter("text", "%" + escaped + "%");
    }
    if (query.organisationId() != null) {
      q.setParameter("org", query.organisationId());
    }
    if (query.role() != null) {
      q.setParameter("role", query.role());
    }
    return q;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
