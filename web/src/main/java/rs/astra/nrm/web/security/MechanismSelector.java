package rs.astra.nrm.web.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Chooses the one authentication mechanism in force, by configuration ({@code nrm.auth}): the local
 * form login or single sign-on through Keycloak. Both are defined, each with its qualifier; this
 * handler (Jakarta Security 4) sends every request to the selected one only. Calls of the REST API
 * ({@code /api/}, issue 22) go to Payara's MicroProfile JWT mechanism instead (bearer tokens, the
 * only unqualified mechanism, installed by {@code rs.astra.nrm.web.api.ApiApplication}) when the
 * API is configured, and to no mechanism otherwise — never to a login page.
 *
 * <p>Single sign-on across a failover (issue 20): the HTTP session, with the signed-in caller,
 * replicates to the other instances, but the OpenID Connect tokens of Jakarta Security's session
 * scoped {@link OpenIdContext} do not (measured on Payara Micro 7.2026.11: after {@code kill -9} of
 * the instance that signed her in, the survivor's context has no access token, and the mechanism
 * fails with a {@link NullPointerException}, an error page, on her next request). The portal
 * neither refreshes tokens nor ends the session when they expire (the session's own lifetime,
 * {@code SessionLifetimeFilter}, governs), so for a session that already has its caller and lost
 * only its tokens this handler does what the mechanism does for a signed-in caller: it confirms the
 * caller and lets the request through. Signing out of such a session ends the portal's session
 * without Keycloak's (there is no identity token to name it by).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class MechanismSelector implements HttpAuthenticationMechanismHandler {

  @Inject AuthenticationSettings settings;
  @Inject @LocalLogin Instance<HttpAuthenticationMechanism> local;
  @Inject @SingleSignOn Instance<HttpAuthenticationMechanism> singleSignOn;
  @Inject @Default Instance<HttpAuthenticationMechanism> bearer;
  @Inject ApiSettings api;
  @Inject Instance<OpenIdContext> openId;

  private static final Logger LOG = Logger.getLogger(MechanismSelector.class.getName());

  /** For API calls while the API is off: nobody is authenticated, the API answers the problem. */
  private static final HttpAuthenticationMechanism NONE =
      (request, response, context) -> context.doNothing();

  private HttpAuthenticationMechanism selected(HttpServletRequest request) {
    if (ApiSettings.isApiCall(request)) {
      return api.isEnabled() && bearer.isResolvable() ? bearer.get() : NONE;
    }
    return settings.isSingleSignOn() ? singleSignOn.get() : local.get();
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    if (isSingleSignOnSessionWithoutTokens(request)) {
      try {
        context
            .getHandler()
            .handle(
                new Callback[] {
                  new CallerPrincipalCallback(
                      context.getClientSubject(), request.getUserPrincipal())
                });
      } catch (IOException | UnsupportedCallbackException e) {
        throw new AuthenticationException("the caller of a moved session was not confirmed", e);
      }
      return AuthenticationStatus.SUCCESS;
    }
    return selected(request).validateRequest(request, response, context);
  }

  /**
   * Whether the request belongs to a single sign-on session that has its caller but whose OpenID
   * Connect tokens stayed on another instance (the session moved in a failover).
   *
   * @param request the request (not an API call)
   * @return {@code true} only with single sign-on, a caller in the session, and no access token
   */
  private boolean isSingleSignOnSessionWithoutTokens(HttpServletRequest request) {
    if (ApiSettings.isApiCall(request)
        || !settings.isSingleSignOn()
        || request.getUserPrincipal() == null
        || !openId.isResolvable()
        || openId.get().getAccessToken() != null) {
      return false;
    }
    LOG.fine("a single sign-on session without its tokens (moved from another instance)");
    return true;
  }

  @Override
  public AuthenticationStatus secureResponse(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return selected(request).secureResponse(request, response, context);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (isSingleSignOnSessionWithoutTokens(request)) {
      // No identity token to end Keycloak's session with: the caller leaves the portal only.
      return;
    }
    selected(request).cleanSubject(request, response, context);
  }
}
