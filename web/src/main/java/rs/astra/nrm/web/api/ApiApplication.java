package rs.astra.nrm.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API's root, {@code /api}. {@link LoginConfig} installs Payara's MicroProfile JWT
 * mechanism; {@link rs.astra.nrm.web.security.MechanismSelector} hands it the requests under {@code
 * /api/} only, so the pages keep their form or OpenID Connect login unchanged.
 */
// A CDI bean, so that Payara's JWT extension finds @LoginConfig on it (it looks at beans only).
@ApplicationScoped
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(
    info =
        @Info(
            title = "NRM Portal API",
            version = "1",
            description =
                "The cases, referrals and their answers, proceedings steps and hotline calls of NRM"
                    + " Portal for the institutions' own systems: the same access policy, audit and"
                    + " errors as the portal's pages. POSTs that create a record need an"
                    + " Idempotency-Key header."
                    + " Errors are RFC 9457 problem details (application/problem+json) in the"
                    + " language of Accept-Language (sr-Latn, sr-Cyrl, en)."),
    security = @SecurityRequirement(name = "keycloak"))
@SecurityScheme(
    securitySchemeName = "keycloak",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "An access token of the NRM realm (client-credentials grant of the institution system's"
            + " client) carrying the claims 'organisation' and 'groups' (one portal role).")
public class ApiApplication extends Application {}
