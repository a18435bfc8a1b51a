package rs.astra.nrm.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * The local login of the embedded mode: a PrimeFaces form ({@code /login.xhtml}) checked against the
 * {@code portal_user} table, passwords hashed with Jakarta Security's {@link Pbkdf2PasswordHash}
 * (PBKDF2 with HMAC-SHA256). The caller's single group is her role name, which is also the security
 * role ({@code payara-web.xml} maps each role to the group of the same name).
 *
 * <p>Everything else in the portal reads the caller only through Jakarta Security's
 * {@code SecurityContext} and {@link rs.astra.nrm.organisation.UserDirectory}, so an OpenID Connect
 * mechanism can replace this one by configuration without touching the views or services.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = "java:app/jdbc/nrm",
    callerQuery = "select password_hash from portal_user where username = ? and active = true",
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
  "admin"
})
@ApplicationScoped
public class SecurityConfiguration {}
