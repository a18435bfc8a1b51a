package rs.astra.nrm.organisation;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Looks up users and organisations for the rest of the portal.
 */
@Stateless
public class UserDirectory {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * Builds the {@link Viewer} for an authenticated user.
   *
   * @param username the authenticated principal's name
   * @return the viewer, or empty when no active user has that name
   */
  public Optional<Viewer> viewerFor(String username) {
    return findUser(username)
        .filter(PortalUser::isActive)
        .map(
            u ->
                new Viewer(
                    u.getId(),
                    u.getUsername(),
                    u.getDisplayName(),
                    u.getOrganisation().getId(),
                    u.getOrganisation().getName(),
                    u.getOrganisation().getType(),
                    u.getRole()));
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
   * Lists all organisations.
   *
   * @return organisations ordered by name
   */
  public List<Organisation> organisations() {
    return em.createNamedQuery(Organisation.FIND_ALL, Organisation.class).getResultList();
  }
}
