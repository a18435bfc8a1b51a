package rs.astra.nrm.web.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
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

/**
 * Chooses the one authentication mechanism in force, by configuration ({@code nrm.auth}): the local
 * form login or single sign-on through Keycloak. Both are defined, each with its qualifier; this
 * handler (Jakarta Security 4) sends every request to the selected one only.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class MechanismSelector implements HttpAuthenticationMechanismHandler {

  @Inject AuthenticationSettings settings;
  @Inject @LocalLogin Instance<HttpAuthenticationMechanism> local;
  @Inject @SingleSignOn Instance<HttpAuthenticationMechanism> singleSignOn;

  private HttpAuthenticationMechanism selected() {
    return settings.isSingleSignOn() ? singleSignOn.get() : local.get();
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return selected().validateRequest(request, response, context);
  }

  @Override
  public AuthenticationStatus secureResponse(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return selected().secureResponse(request, response, context);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    selected().cleanSubject(request, response, context);
  }
}
