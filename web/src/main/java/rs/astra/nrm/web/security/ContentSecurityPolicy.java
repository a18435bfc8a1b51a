package rs.astra.nrm.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;

/**
 * Hands the policy of Faces pages to PrimeFaces ({@code primefaces.CSP_POLICY} in {@code web.xml}
 * reads it through EL), so the policy is written once ({@link SecurityHeaders#FACES_POLICY}). With
 * single sign-on, a form may also lead to the identity provider (logout ends the Keycloak session
 * there), so its origin joins {@code form-action}.
 */
@Named
@ApplicationScoped
public class ContentSecurityPolicy {

  @Inject private AuthenticationSettings authentication;

  /**
   * @return the policy of Faces pages, without its nonce
   */
  public String getFacesPolicy() {
    if (!authentication.isSingleSignOn()) {
      return SecurityHeaders.FACES_POLICY;
    }
    return SecurityHeaders.FACES_POLICY.replace(
        "form-action 'self'", "form-action 'self' " + origin(authentication.getIssuer()));
  }

  /**
   * The origin of a URL, as a CSP source.
   *
   * @param url e.g. {@code http://localhost:8180/realms/nrm}
   * @return e.g. {@code http://localhost:8180}
   */
  static String origin(String url) {
    URI u = URI.create(url);
    return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
  }
}
