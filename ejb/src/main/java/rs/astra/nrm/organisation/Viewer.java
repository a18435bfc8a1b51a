package rs.astra.nrm.organisation;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who is asking: the signed-in user as the services see her. Built only by {@link UserDirectory}
 * from the authenticated principal's name, never from request parameters.
 *
 * @param userId the user's database id
 * @param username the login name
 * @param displayName the name shown in the header and in audit records
 * @param organisationId the id of her organisation (tenant)
 * @param organisationName the organisation's name
 * @param organisationType the kind of institution
 * @param role her single role
 */
public record Viewer(
    long userId,
    String username,
    String displayName,
    long organisationId,
    String organisationName,
    OrganisationType organisationType,
    PortalRole role)
    implements Serializable {

  /**
   * @throws NullPointerException if a name, the type or the role is {@code null}
   */
  public Viewer {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(organisationName, "organisationName");
    Objects.requireNonNull(organisationType, "organisationType");
    Objects.requireNonNull(role, "role");
  }

  /**
   * @return who this user is as the case's records name her (display name and organisation)
   */
  public Actor actor() {
    return new Actor(displayName, organisationId, organisationName);
  }
}
