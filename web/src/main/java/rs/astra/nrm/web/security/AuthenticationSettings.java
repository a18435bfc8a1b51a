package rs.astra.nrm.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How users sign in, from MicroProfile Config (environment variables in production). The OpenID
 * Connect mechanism reads its settings from this bean through expressions ({@code
 * #{oidcConfig...}}).
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>property</th><th>environment</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>nrm.auth</td><td>NRM_AUTH</td><td>{@code local} (form login, users in the database) or {@code oidc} (Keycloak)</td><td>local</td></tr>
 *   <tr><td>nrm.oidc.issuer</td><td>NRM_OIDC_ISSUER</td><td>issuer URL, e.g. {@code https://sso.example/realms/nrm}</td><td>http://localhost:8180/realms/nrm</td></tr>
 *   <tr><td>nrm.oidc.client-id</td><td>NRM_OIDC_CLIENT_ID</td><td>client id</td><td>nrm-portal</td></tr>
 *   <tr><td>nrm.oidc.client-secret</td><td>NRM_OIDC_CLIENT_SECRET</td><td>client secret</td><td>(none)</td></tr>
 *   <tr><td>nrm.oidc.redirect-uri</td><td>NRM_OIDC_REDIRECT_URI</td><td>the portal's callback</td><td>http://localhost:8080/callback</td></tr>
 * </table>
 */
@Named("oidcConfig")
@ApplicationScoped
public class AuthenticationSettings {

  /** The environment variables the portal reads for sign-in. */
  public static final List<String> ENVIRONMENT =
      List.of(
          "NRM_AUTH",
          "NRM_OIDC_ISSUER",
          "NRM_OIDC_CLIENT_ID",
          "NRM_OIDC_CLIENT_SECRET",
          "NRM_OIDC_REDIRECT_URI");

  @Inject
  @ConfigProperty(name = "nrm.auth", defaultValue = "local")
  String mode;

  @Inject
  @ConfigProperty(name = "nrm.oidc.issuer", defaultValue = "http://localhost:8180/realms/nrm")
  String issuer;

  @Inject
  @ConfigProperty(name = "nrm.oidc.client-id", defaultValue = "nrm-portal")
  String clientId;

  @Inject
  @ConfigProperty(name = "nrm.oidc.client-secret")
  java.util.Optional<String> clientSecret;

  @Inject
  @ConfigProperty(name = "nrm.oidc.redirect-uri", defaultValue = "http://localhost:8080/callback")
  String redirectUri;

  /**
   * @return whether single sign-on (OpenID Connect) is configured instead of the local login
   */
  public boolean isSingleSignOn() {
    return "oidc".equalsIgnoreCase(mode == null ? "" : mode.strip());
  }

  /**
   * @return the issuer URL (the provider's metadata is at {@code
   *     <issuer>/.well-known/openid-configuration})
   */
  public String getIssuer() {
    return issuer;
  }

  /**
   * @return the client id
   */
  public String getClientId() {
    return clientId;
  }

  /**
   * @return the client secret; never logged
   */
  public String getClientSecret() {
    return clientSecret.orElse("");
  }

  /**
   * @return the callback address registered at the provider
   */
  public String getRedirectUri() {
    return redirectUri;
  }

  /**
   * @return where the provider sends the browser after logout: the portal's root
   */
  public String getPostLogoutRedirectUri() {
    String r = redirectUri == null ? "" : redirectUri;
    int cut = r.indexOf('/', r.indexOf("//") + 2);
    return cut > 0 ? r.substring(0, cut) + "/" : r;
  }
}
