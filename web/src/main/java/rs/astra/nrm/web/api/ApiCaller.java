package rs.astra.nrm.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import rs.astra.nrm.audit.RequestId;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.web.security.TokenIdentity;

/**
 * The portal user a verified bearer token describes, resolved once per API call through the same
 * mapping as the pages' single sign-on ({@link TokenIdentity}); the call is marked so that its
 * audit records carry the channel {@code API} and the token's client id ({@code azp}).
 */
@RequestScoped
public class ApiCaller {

  @Inject SecurityContext securityContext;
  @Inject JsonWebToken token;
  @Inject UserDirectory directory;
  @Inject RequestId requestId;

  private Viewer viewer;

  /**
   * Resolves the caller from the token: exactly one organisation the portal knows and exactly one
   * portal role fitting its kind, else nobody; never a user who signs in with a local password (a
   * token may not take over a local account).
   *
   * @return the viewer, or empty (the call is answered 403 and reads nothing)
   */
  public Optional<Viewer> resolve() {
    if (viewer != null) {
      return Optional.of(viewer);
    }
    if (securityContext.getCallerPrincipal() == null || token == null || token.getName() == null) {
      return Optional.empty();
    }
    String client = clientId();
    requestId.markApiCall(client);
    String given = claim("given_name");
    String family = claim("family_name");
    String name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
    Optional<Viewer> found =
        TokenIdentity.viewer(
            directory,
            token.getName(),
            name.isEmpty() ? client : name,
            claim("email"),
            TokenIdentity.organisations(token.getClaim(TokenIdentity.ORGANISATION_CLAIM)),
            TokenIdentity.roles(securityContext),
            false);
    found.ifPresent(v -> viewer = v);
    return found;
  }

  /**
   * @return the viewer of a call that passed {@link ApiGate}
   * @throws IllegalStateException outside such a call
   */
  public Viewer viewer() {
    return resolve().orElseThrow(() -> new IllegalStateException("no API caller"));
  }

  /**
   * @return the calling system's client id: the token's {@code azp} (Keycloak), else {@code
   *     client_id}; {@code null} when neither is present
   */
  public String clientId() {
    String azp = claim("azp");
    return azp != null ? azp : claim("client_id");
  }

  private String claim(String name) {
    Object value = token.getClaim(name);
    if (value instanceof jakarta.json.JsonString s) {
      return s.getString();
    }
    return value instanceof String s ? s : null;
  }
}
