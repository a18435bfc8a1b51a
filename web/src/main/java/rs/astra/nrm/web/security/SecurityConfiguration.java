package rs.astra.nrm.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * The two ways to sign in; {@link MechanismSelector} puts exactly one in force by configuration.
 *
 * <ul>
 *   <li>{@link LocalLogin} (the embedded default): a PrimeFaces form ({@code /login.xhtml}) checked
 *       against the {@code portal_user} table, passwords hashed with Jakarta Security's {@link
 *       Pbkdf2PasswordHash} (PBKDF2 with HMAC-SHA256). The caller's group is her role name.
 *   <li>{@link SingleSignOn} ({@code NRM_AUTH=oidc}): OpenID Connect with the NRM's Keycloak; the
 *       caller is the token's {@code preferred_username}, her groups the {@code groups} claim
 *       (realm roles), and her organisation the {@code organisation} claim; logout ends the
 *       Keycloak session too (RP-initiated logout).
 * </ul>
 *
 * Each security role maps to the group of the same name ({@code payara-web.xml}).
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false),
    qualifiers = LocalLogin.class)
@OpenIdAuthenticationMechanismDefinition(
    providerURI = "${oidcConfig.issuer}",
    clientId = "${oidcConfig.clientId}",
    clientSecret = "${oidcConfig.clientSecret}",
    redirectURI = "${oidcConfig.redirectUri}",
    redirectToOriginalResource = false,
    scope = {"openid", "profile", "email"},
    claimsDefinition =
        @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"),
    logout =
        @LogoutDefinition(
            notifyProvider = true,
            redirectURI = "${oidcConfig.postLogoutRedirectUri}"),
    qualifiers = SingleSignOn.class)
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = "java:app/jdbc/nrm",
    // Only an active user of an active organisation signs in (administrators deactivate either).
    callerQuery =
        "select u.password_hash from portal_user u join organisation o on o.id = u.organisation_id"
            + " where u.username = ? and u.active = true and o.active = true",
    groupsQuery = "select role_name from portal_user where username = ?",
    hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({
  "ngo-caseworker",
  "ngo-coordinator",
  "csw-officer",
  "police-officer",
  "prosecutor",
  "health-worker",
  "cptv-officer",
  "admin",
  "dpo",
  "hotline-operator"
})
@ApplicationScoped
public class SecurityConfiguration {}
