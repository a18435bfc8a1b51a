package rs.astra.nrm.web.organisation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import rs.astra.nrm.demo.DemoDataSeeder;
import rs.astra.nrm.organisation.LoginGuard;
import rs.astra.nrm.web.i18n.Messages;
import rs.astra.nrm.web.security.AuthenticationSettings;

/**
 * The login form: hands the typed credentials to Jakarta Security and reports a failure without
 * saying whether the user name or the password was wrong. Every attempt goes through the {@link
 * LoginGuard} first: after repeated failures for a name or from an address the password is not even
 * checked until the delay or lock has passed (the message is the same for names that belong to no
 * account). The client address is the connection's; the portal does not trust {@code
 * X-Forwarded-For}, so behind a proxy the proxy's address counts for everybody (README). The page
 * bean of the organisation's users (with {@link LoginGuard}), above the security mechanisms and the
 * messages it uses, so that {@code rs.astra.nrm.web.security} depends on no other web package
 * (issue 16).
 */
@Named
@RequestScoped
public class Login {

  @Inject private SecurityContext securityContext;
  @Inject private FacesContext faces;
  @Inject private DemoDataSeeder demo;
  @Inject private Messages messages;
  @Inject private AuthenticationSettings authentication;
  @Inject private LoginGuard guard;

  private String username;
  private String password;

  /**
   * Signs in.
   *
   * @return {@code null}: the authentication mechanism redirects on success
   * @throws IOException if the redirect fails
   */
  public String login() throws IOException {
    ExternalContext ext = faces.getExternalContext();
    String name = username == null ? "" : username.strip();
    String client = ((HttpServletRequest) ext.getRequest()).getRemoteAddr();
    LoginGuard.Verdict verdict = guard.check(name, client);
    if (!verdict.allowed()) {
      long minutes = Math.max(1, (verdict.retryAfter().toSeconds() + 59) / 60);
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              messages.get("login.tooMany", verdict.retryAfter().toSeconds(), minutes),
              null));
      return null;
    }
    AuthenticationStatus status =
        securityContext.authenticate(
            (HttpServletRequest) ext.getRequest(),
            (HttpServletResponse) ext.getResponse(),
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(
                    new UsernamePasswordCredential(
                        username == null ? "" : username.strip(),
                        new Password(password == null ? "" : password))));
    switch (status) {
      case SEND_CONTINUE -> {
        // The mechanism redirects to the page first asked for: a success when a caller is set.
        if (securityContext.getCallerPrincipal() != null) {
          guard.recordSuccess(name, client);
        }
        faces.responseComplete();
      }
      case SEND_FAILURE, NOT_DONE -> {
        guard.recordFailure(name, client, password);
        forgetFailedAttempt((HttpServletRequest) ext.getRequest());
        faces.addMessage(
            null,
            new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.get("login.failed"), null));
      }
      case SUCCESS -> {
        guard.recordSuccess(name, client);
        ext.redirect(ext.getRequestContextPath() + "/app/home.xhtml");
        faces.responseComplete();
      }
    }
    return null;
  }

  /**
   * The session attribute with which Soteria (Jakarta Security in Payara) marks a login the user
   * started herself. Soteria removes it only when a login succeeds; left after a wrong password, it
   * makes Soteria treat her next request to any page as the same login, which answers with an empty
   * page instead of the login form (PortalIT signs in wrongly, opens a page, then signs in).
   */
  static final String SOTERIA_CALLER_INITIATED =
      "org.glassfish.soteria.caller_initiated_authentication";

  private static void forgetFailedAttempt(HttpServletRequest request) {
    jakarta.servlet.http.HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SOTERIA_CALLER_INITIATED);
    }
  }

  /**
   * Signs out and ends the session.
   *
   * @throws IOException if the redirect fails
   */
  public void logout() throws IOException {
    ExternalContext ext = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) ext.getRequest();
    try {
      // With single sign-on this also sends the browser to Keycloak to end its session there
      // (RP-initiated logout), which then returns to the portal's address.
      request.logout();
    } catch (jakarta.servlet.ServletException e) {
      // The session is invalidated below either way.
    }
    ext.invalidateSession();
    if (!ext.isResponseCommitted()) {
      ext.redirect(ext.getRequestContextPath() + "/login.xhtml?loggedOut=true");
    }
    faces.responseComplete();
  }

  /**
   * @return whether users sign in through single sign-on (Keycloak) instead of this form
   */
  public boolean isSingleSignOn() {
    return authentication.isSingleSignOn();
  }

  /**
   * @return whether the demo logins are to be shown (demo mode only)
   */
  public boolean isDemo() {
    return demo.isDemo() && !authentication.isSingleSignOn();
  }

  /**
   * @return the demo users for the login page; empty outside demo mode
   */
  public List<DemoDataSeeder.DemoUser> getDemoUsers() {
    return isDemo() ? DemoDataSeeder.USERS : List.of();
  }

  /**
   * @return the demo password; {@code null} outside demo mode
   */
  public String getDemoPassword() {
    return isDemo() ? DemoDataSeeder.DEMO_PASSWORD : null;
  }

  /**
   * @return the typed user name
   */
  public String getUsername() {
    return username;
  }

  /**
   * @param username the typed user name
   */
  public void setUsername(String username) {
    this.username = username;
  }

  /**
   * @return always {@code null}: the password is never echoed back
   */
  public String getPassword() {
    return null;
  }

  /**
   * @param password the typed password
   */
  public void setPassword(String password) {
    this.password = password;
  }
}
