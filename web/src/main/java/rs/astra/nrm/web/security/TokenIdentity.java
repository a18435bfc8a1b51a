package rs.astra.nrm.web.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.SecurityContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;

/**
 * The one mapping from a Keycloak token to a portal user, shared by the pages' single sign-on
 * ({@link SignedInUser}) and the REST API's bearer tokens (issue 22): the portal role is the one
 * realm role in the {@code groups} claim that names a {@link PortalRole}, the organisation the
 * {@value #ORGANISATION_CLAIM} claim. A token with no or two roles, no organisation the portal
 * knows or two organisations, or a role that does not fit the organisation's kind, maps to nobody.
 */
public final class TokenIdentity {

  /** The claim holding the organisation's name exactly as the portal knows it. */
  public static final String ORGANISATION_CLAIM = "organisation";

  private TokenIdentity() {}

  /**
   * @param caller the authenticated caller (her groups are the token's {@code groups} claim)
   * @return the portal roles she is in; more than one makes her nobody
   */
  public static Set<PortalRole> roles(SecurityContext caller) {
    Set<PortalRole> roles = EnumSet.noneOf(PortalRole.class);
    for (PortalRole r : PortalRole.values()) {
      if (caller.isCallerInRole(r.roleName())) {
        roles.add(r);
      }
    }
    return roles;
  }

  /**
   * The organisation names a claim value holds: a JSON string or a plain string gives one, a JSON
   * array or a collection each of its strings, anything else none.
   *
   * @param claim the claim's value as the token library returns it, or {@code null}
   * @return the names, possibly empty
   */
  public static List<String> organisations(Object claim) {
    List<String> names = new ArrayList<>();
    if (claim instanceof String s) {
      names.add(s);
    } else if (claim instanceof JsonString s) {
      names.add(s.getString());
    } else if (claim instanceof JsonArray a) {
      for (JsonValue v : a) {
        if (v instanceof JsonString s) {
          names.add(s.getString());
        }
      }
    } else if (claim instanceof Collection<?> c) {
      for (Object o : c) {
        names.addAll(organisations(o));
      }
    }
    return names;
  }

  /**
   * Creates or updates the portal user the token describes and returns her as a viewer.
   *
   * @param directory the user directory
   * @param username the token's user name ({@code preferred_username})
   * @param displayName her full name, or {@code null}
   * @param email her e-mail, or {@code null}
   * @param organisations the organisation names of the token; exactly one is accepted — two are
   *     refused, never merged
   * @param roles her portal roles; exactly one is accepted
   * @param localAccountsToo whether the token may name a user with a local password: {@code true}
   *     for the pages' single sign-on (the realm is then the directory of record), {@code false}
   *     for the REST API, whose tokens never take over a local account
   * @return the viewer, or empty when the token does not describe a portal user
   */
  public static Optional<Viewer> viewer(
      UserDirectory directory,
      String username,
      String displayName,
      String email,
      List<String> organisations,
      Set<PortalRole> roles,
      boolean localAccountsToo) {
    if (organisations == null || organisations.size() != 1) {
      return Optional.empty();
    }
    return directory.synchroniseFromToken(
        username, displayName, email, organisations.get(0), roles, localAccountsToo);
  }
}
