package rs.astra.nrm.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
                    + " language of Accept-Language (sr-Latn, sr-Cyrl, en). Case codes are drawn at"
                    + " random per installation (NRM-yyyy-XXXX-XXXX): take them from GET"
                    + " /v1/cases. This document is served whether or not the API is on; while it"
                    + " is off (no token verification key configured) every call answers 503"
                    + " api-not-configured, and the document says so in this description."),
    security = @SecurityRequirement(name = "keycloak"),
    components =
        @Components(
            schemas =
                @Schema(
                    name = ApiApplication.PROBLEM,
                    type = SchemaType.OBJECT,
                    description =
                        "RFC 9457 problem details: a stable type per error (urn:nrm:problem:…),"
                            + " title and detail in the language of Accept-Language; never an"
                            + " exception's text, SQL or a stack trace.",
                    requiredProperties = {"type", "title", "status"},
                    properties = {
                      @SchemaProperty(
                          name = "type",
                          type = SchemaType.STRING,
                          example = "urn:nrm:problem:not-found"),
                      @SchemaProperty(name = "title", type = SchemaType.STRING),
                      @SchemaProperty(name = "status", type = SchemaType.INTEGER, example = "404"),
                      @SchemaProperty(name = "detail", type = SchemaType.STRING),
                      @SchemaProperty(
                          name = "errors",
                          type = SchemaType.ARRAY,
                          description = "for invalid-input: each failing field and what is wrong",
                          implementation = Problems.FieldError.class)
                    }),
            parameters =
                @Parameter(
                    name = IdempotencyFilter.HEADER,
                    in = ParameterIn.HEADER,
                    required = true,
                    description = ApiText.IDEMPOTENCY_KEY,
                    example = "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255)),
            responses = {
              @APIResponse(
                  name = "BadRequest",
                  responseCode = "400",
                  description = "invalid-input (the failing fields in errors)",
                  content =
                      @Content(
                          mediaType = Problems.MEDIA_TYPE,
                          schema = @Schema(ref = ApiApplication.PROBLEM))),
              @APIResponse(
                  name = "Unauthenticated",
                  responseCode = "401",
                  description =
                      "unauthenticated: no bearer token, or one that failed verification"
                          + " (signature, expiry, issuer; the answer never says which)",
                  content =
                      @Content(
                          mediaType = Problems.MEDIA_TYPE,
                          schema = @Schema(ref = ApiApplication.PROBLEM))),
              @APIResponse(
                  name = "NotAuthorised",
                  responseCode = "403",
                  description =
                      "not-authorised: the token names no organisation the portal knows, two"
                          + " organisations, or no portal role fitting it; or not-permitted: the"
                          + " caller's role may not do this",
                  content =
                      @Content(
                          mediaType = Problems.MEDIA_TYPE,
                          schema = @Schema(ref = ApiApplication.PROBLEM))),
              @APIResponse(
                  name = "NotFound",
                  responseCode = "404",
                  description =
                      "not-found: no such record, or one the caller may not see (the same"
                          + " answer)",
                  content =
                      @Content(
                          mediaType = Problems.MEDIA_TYPE,
                          schema = @Schema(ref = ApiApplication.PROBLEM))),
              @APIResponse(
                  name = "NotAcceptable",
                  responseCode = "406",
                  description = "not-acceptable: the Accept header names no type this call answers",
                  content =
                      @Content(
                          mediaType = Problems.MEDIA_TYPE,
                          schema = @Schema(ref = ApiApplication.PROBLEM))),
              @APIResponse(
                  name = OpenApiCleanup.KEY_IN_USE,
                  responseCode = "409",
                  description =
                      "idempotency-key-in-use: another request with the same Idempotency-Key is"
                          + " being processed; this one changed nothing. Retry it with the same"
                          + " key once that one is answered.",
                  content =
                      @Content(
                          mediaType = Problems.MEDIA_TYPE,
                          schema = @Schema(ref = ApiApplication.PROBLEM))),
              @APIResponse(
                  name = "TooLarge",
                  responseCode = "413",
                  description = "too-large: a body over 64 KiB (announced or chunked)",
                  content =
                      @Content(
                          mediaType = Problems.MEDIA_TYPE,
                          schema = @Schema(ref = ApiApplication.PROBLEM))),
              @APIResponse(
                  name = "UnsupportedMediaType",
                  responseCode = "415",
                  description = "unsupported-media-type: the body is not application/json",
                  content =
                      @Content(
                          mediaType = Problems.MEDIA_TYPE,
                          schema = @Schema(ref = ApiApplication.PROBLEM))),
              @APIResponse(
                  name = "TooManyRequests",
                  responseCode = "429",
                  description =
                      "too-many-requests: the calling system (token client id) is beyond its"
                          + " allowance (nrm.api.requests.per.minute); Retry-After says in how"
                          + " many seconds to try again",
                  headers =
                      @Header(
                          name = "Retry-After",
                          description = "seconds",
                          schema = @Schema(type = SchemaType.INTEGER)),
                  content =
                      @Content(
                          mediaType = Problems.MEDIA_TYPE,
                          schema = @Schema(ref = ApiApplication.PROBLEM))),
              @APIResponse(
                  name = "Internal",
                  responseCode = "500",
                  description = "internal: an unexpected failure; nothing of it is in the answer",
                  content =
                      @Content(
                          mediaType = Problems.MEDIA_TYPE,
                          schema = @Schema(ref = ApiApplication.PROBLEM))),
              @APIResponse(
                  name = "Unavailable",
                  responseCode = "503",
                  description =
                      "api-not-configured: the API is off on this server (no token verification"
                          + " key); or unavailable: the database cannot be reached, retry later",
                  content =
                      @Content(
                          mediaType = Problems.MEDIA_TYPE,
                          schema = @Schema(ref = ApiApplication.PROBLEM)))
            }))
@SecurityScheme(
    securitySchemeName = "keycloak",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "An access token of the NRM realm (client-credentials grant of the institution system's"
            + " client) carrying the claims 'organisation' and 'groups' (one portal role).")
public class ApiApplication extends Application {

  /** The name of the problem-details schema among the document's components. */
  public static final String PROBLEM = "Problem";
}
