package rs.astra.nrm.web.security;

import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.security.Principal;
import rs.astra.nrm.notification.NotificationService;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;

/**
 * The signed-in user for the header and for every backing bean: a small, serializable {@link
 * Viewer} resolved once per session from the authenticated principal.
 */
@Named
@SessionScoped
public class SignedInUser implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * The request attribute (a {@link Long}) holding the user's unread notifications as counted by
   * {@link #revalidate()} when the request began.
   */
  public static final String UNREAD_AT_START = "rs.astra.nrm.unreadAtStart";

  @Inject private transient SecurityContext securityContext;
  @Inject private transient UserDirectory directory;
  @Inject private transient AuthenticationSettings authentication;
  @Inject private transient NotificationService notifications;

  @Inject
  private transient jakarta.enterprise.inject.Instance<
          jakarta.security.enterprise.identitystore.openid.OpenIdContext>
      openId;

  private Viewer viewer;

  // The injected helpers are not part of the session's state: after the session moved to another
  // instance (issue 20, a distributable session deserialised there) they are null and are looked
  // up again on that instance.
  private SecurityContext securityContext() {
    if (securityContext == null) {
      securityContext = CDI.current().select(SecurityContext.class).get();
    }
    return securityContext;
  }

  private UserDirectory directory() {
    if (directory == null) {
      directory = CDI.current().select(UserDirectory.class).get();
    }
    return directory;
  }

  private NotificationService notifications() {
    if (notifications == null) {
      notifications = CDI.current().select(NotificationService.class).get();
    }
    return notifications;
  }

  private AuthenticationSettings authentication() {
    if (authentication == null) {
      authentication = CDI.current().select(AuthenticationSettings.class).get();
    }
    return authentication;
  }

  private jakarta.security.enterprise.identitystore.openid.OpenIdContext openId() {
    if (openId == null) {
      openId =
          CDI.current()
              .select(jakarta.security.enterprise.identitystore.openid.OpenIdContext.class);
    }
    return openId.get();
  }

  /**
   * The viewer for the current caller.
   *
   * @return the viewer
   * @throws NotAuthorisedException when nobody is signed in or the user is unknown or inactive
   */
  public Viewer viewer() {
    Principal principal = securityContext().getCallerPrincipal();
    if (principal == null) {
      throw new NotAuthorisedException();
    }
    if (viewer == null || !viewer.username().equals(principal.getName())) {
      viewer =
          (authentication().isSingleSignOn()
                  ? fromToken(principal.getName())
                  : directory().viewerFor(principal.getName()))
              .orElseThrow(NotAuthorisedException::new);
    }
    return viewer;
  }

  /**
   * Checks, once per request, that the session's user is still an active user of an active
   * organisation, and takes up a changed role or organisation at once: a user the administrator
   * deactivates loses access on her next click, not at her next sign-in.
   *
   * <p>The same query counts her unread notifications, for the header (issue 16: one statement less
   * on every page).
   *
   * @return her unread count as the request began, or empty when it was not counted (the first
   *     request of a session)
   * @throws NotAuthorisedException when she is no longer active (the caller ends the session)
   */
  public java.util.OptionalLong revalidate() {
    if (viewer == null) {
      viewer();
      return java.util.OptionalLong.empty();
    }
    NotificationService.SignedInCheck check =
        notifications().signedIn(viewer.username()).orElseThrow(NotAuthorisedException::new);
    viewer = check.viewer();
    return java.util.OptionalLong.of(check.unread());
  }

  /**
   * With single sign-on, the user as the token describes her, created or updated in the portal's
   * user table once per session so that audit records name real people.
   */
  private java.util.Optional<Viewer> fromToken(String username) {
    var claims = openId().getClaims();
    String name =
        ((claims.getGivenName().orElse("") + " " + claims.getFamilyName().orElse("")).strip());
    String organisation = claims.getStringClaim(TokenIdentity.ORGANISATION_CLAIM).orElse(null);
    return TokenIdentity.viewer(
        directory(),
        username,
        name.isEmpty() ? claims.getName().orElse(null) : name,
        claims.getEmail().orElse(null),
        TokenIdentity.organisations(organisation),
        TokenIdentity.roles(securityContext()),
        true);
  }

  /**
   * @return the display name, for the header
   */
  public String getDisplayName() {
    return viewer().displayName();
  }

  /**
   * @return the organisation's name, for the header
   */
  public String getOrganisationName() {
    return viewer().organisationName();
  }

  /**
   * @return the organisation's id, for telling sender from recipient on a page
   */
  public long getOrganisationId() {
    return viewer().organisationId();
  }

  /**
   * @return whether the user's organisation owns cases (an NGO) and the user is not an
   *     administrator
   */
  public boolean isCaseOwnerRole() {
    return viewer().role().ownsCases();
  }

  /**
   * @return the role name, e.g. {@code ngo-caseworker}
   */
  public String getRoleName() {
    return viewer().role().roleName();
  }

  /**
   * @return whether the user's organisation decides formal identification (the CPTV, a centre for
   *     social work), so that she has an identification queue
   */
  public boolean isIdentificationDecider() {
    return rs.astra.nrm.casefile.IdentificationQueueService.hasQueue(viewer());
  }

  /**
   * @return whether the user may import spreadsheets (NGO coordinators and administrators)
   */
  public boolean isMayImport() {
    return viewer().role().importsCaseloads();
  }

  // --- SOS hotline (issue 7)

  /**
   * @return whether the user uses the SOS hotline (NGO caseworkers, coordinators, hotline
   *     operators)
   */
  public boolean isHotlineUser() {
    return rs.astra.nrm.hotline.HotlineUsers.isHotlineUser(viewer());
  }

  /**
   * @return whether the user reads case data at all (not administrators, DPOs or hotline operators)
   */
  public boolean isReadsCaseData() {
    return !viewer().role().readsNoCaseData();
  }
  // --- end SOS hotline
}
