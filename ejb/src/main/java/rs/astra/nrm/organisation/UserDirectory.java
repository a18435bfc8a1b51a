package rs.astra.nrm.organisation;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import rs.astra.nrm.shared.StoredBeforeReturn;

/** Looks up users and organisations for the rest of the portal. */
@Stateless
@StoredBeforeReturn
public class UserDirectory {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * Builds the {@link Viewer} for an authenticated user.
   *
   * @param username the authenticated principal's name
   * @return the viewer, or empty when no active user of an active organisation has that name, or
   *     when her role is not one her organisation's kind may have ({@link
   *     OrganisationType#roles()})
   */
  public Optional<Viewer> viewerFor(String username) {
    return findUser(username).flatMap(UserDirectory::activeViewerOf);
  }

  /**
   * The viewer of a user who may use the portal now: she and her organisation are active, and her
   * role is one her organisation's kind may have ({@link OrganisationType#roles()}). The one rule
   * of {@link #viewerFor} for callers that read the user in a query of their own.
   *
   * @param u the user, with her organisation loaded
   * @return her viewer, or empty when she may not use the portal now
   */
  public static Optional<Viewer> activeViewerOf(PortalUser u) {
    return u.isActive()
            && u.getOrganisation().isActive()
            && u.getOrganisation().getType().allows(u.getRole())
        ? Optional.of(viewerOf(u))
        : Optional.empty();
  }

  /**
   * The viewer of a user, as she is now (for work done on her behalf, e.g. deciding what she may be
   * told); the caller checks that she and her organisation are active.
   *
   * @param u the user, with her organisation loaded
   * @return her viewer
   */
  public static Viewer viewerOf(PortalUser u) {
    return new Viewer(
        u.getId(),
        u.getUsername(),
        u.getDisplayName(),
        u.getOrganisation().getId(),
        u.getOrganisation().getName(),
        u.getOrganisation().getType(),
        u.getRole());
  }

  /**
   * Creates or updates the user a single sign-on token describes, and returns her viewer. The token
   * must name an organisation the portal knows and exactly one portal role that the organisation's
   * kind may have ({@link OrganisationType#roles()}); otherwise nobody is created or changed and
   * the result is empty ("not authorised for NRM Portal").
   *
   * @param username the token's {@code preferred_username}
   * @param displayName the person's name from the token, or {@code null} to use the username
   * @param email the token's {@code email}, may be {@code null}
   * @param organisationName the token's organisation claim, may be {@code null}
   * @param roles the portal roles the token carries
   * @return the viewer, or empty when the token does not authorise use of the portal
   */
  public Optional<Viewer> synchroniseFromToken(
      String username,
      String displayName,
      String email,
      String organisationName,
      java.util.Set<PortalRole> roles) {
    return synchroniseFromToken(username, displayName, email, organisationName, roles, true);
  }

  /**
   * As {@link #synchroniseFromToken(String, String, String, String, java.util.Set)}, with a choice
   * for local accounts. A bearer token of the REST API must never take over a user who signs in
   * with a password kept by the portal: otherwise a realm user of the same name would move her to
   * another organisation or role without the four-eyes rule of the user administration (found by
   * the session-11 trial).
   *
   * @param username the token's {@code preferred_username}
   * @param displayName the person's name from the token, or {@code null} to use the username
   * @param email the token's {@code email}, may be {@code null}
   * @param organisationName the token's organisation claim, may be {@code null}
   * @param roles the portal roles the token carries
   * @param localAccountsToo {@code false}: a user with a local password is neither changed nor
   *     returned (the result is empty)
   * @return the viewer, or empty when the token does not authorise use of the portal (also when its
   *     name is longer than a user's name may be)
   */
  public Optional<Viewer> synchroniseFromToken(
      String username,
      String displayName,
      String email,
      String organisationName,
      java.util.Set<PortalRole> roles,
      boolean localAccountsToo) {
    if (username == null || roles == null || roles.size() != 1) {
      return Optional.empty();
    }
    Optional<Organisation> organisation = findOrganisationByName(organisationName);
    if (organisation.isEmpty()) {
      return Optional.empty();
    }
    PortalRole role = roles.iterator().next();
    if (!organisation.get().getType().allows(role)) {
      return Optional.empty();
    }
    String name = displayName == null || displayName.isBlank() ? username : displayName;
    Optional<PortalUser> existing = findUser(username);
    if (existing.isPresent()) {
      if (!localAccountsToo && existing.get().hasLocalPassword()) {
        return Optional.empty();
      }
      try {
        // Checks the name before it changes anything.
        existing.get().updateFromDirectory(name, email, organisation.get(), role);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    } else {
      try {
        PortalUser created = new PortalUser(username, name, organisation.get(), role, null);
        created.updateFromDirectory(name, email, organisation.get(), role);
        em.persist(created);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    em.flush();
    return viewerFor(username);
  }

  /**
   * Finds a user by login name, with her organisation loaded.
   *
   * @param username login name; {@code null} gives an empty result
   * @return the user, or empty
   */
  public Optional<PortalUser> findUser(String username) {
    if (username == null) {
      return Optional.empty();
    }
    return em.createNamedQuery(PortalUser.FIND_BY_USERNAME, PortalUser.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  /**
   * Finds an organisation by its exact name, ignoring case.
   *
   * @param name the name; {@code null} gives an empty result
   * @return the organisation, or empty
   */
  public Optional<Organisation> findOrganisationByName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return em.createNamedQuery(Organisation.FIND_BY_NAME, Organisation.class)
        .setParameter("name", name.strip())
        .getResultStream()
        .findFirst();
  }

  /**
   * The id of an organisation by its exact name ignoring case, active or not: an API call names a
   * recipient by name, and one deactivated since must be refused as such, not as unknown.
   *
   * @param name the name; {@code null} gives an empty result
   * @return its id, or empty when no organisation has the name
   */
  public java.util.OptionalLong organisationIdByName(String name) {
    return findOrganisationByName(name)
        .map(o -> java.util.OptionalLong.of(o.getId()))
        .orElse(java.util.OptionalLong.empty());
  }

  /**
   * An active organisation as a menu shows it.
   *
   * @param id its id
   * @param name its name
   */
  public record OrganisationChoice(long id, String name) implements java.io.Serializable {}

  /**
   * Lists the active organisations (those that can receive consents and referrals), for menus: ids
   * and names, never the entities (pages bind no entity; ArchitectureTest).
   *
   * @return active organisations ordered by name
   */
  public List<OrganisationChoice> organisations() {
    return em
        .createNamedQuery(Organisation.FIND_ACTIVE, Organisation.class)
        .getResultList()
        .stream()
        .map(o -> new OrganisationChoice(o.getId(), o.getName()))
        .toList();
  }
}
