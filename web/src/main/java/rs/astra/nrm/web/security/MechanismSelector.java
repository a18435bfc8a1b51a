package rs.astra.nrm.web.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import rs.astra.nrm.web.api.ApiSettings;

/**
 * Chooses the one authentication mechanism in force, by configuration ({@code nrm.auth}): the local
 * form login or single sign-on through Keycloak. Both are defined, each with its qualifier; this
 * handler (Jakarta Security 4) sends every request to the selected one only. Calls of the REST API
 * ({@code /api/}, issue 22) go to Payara's MicroProfile JWT mechanism instead (bearer tokens, the
 * only unqualified mechanism, installed by {@code rs.astra.nrm.web.api.ApiApplication}) when the
 * API is configured, and to no mechanism otherwise — never to a login page.
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
    return selected(request).validateRequest(request, response, context);
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
    selected(request).cleanSubject(request, response, context);
  }
}
