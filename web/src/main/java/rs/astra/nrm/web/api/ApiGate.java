package rs.astra.nrm.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import rs.astra.nrm.web.security.ApiSettings;

/**
 * Lets a call into the API only with a verified token that maps to a portal user: the API off →
 * {@code api-not-configured} (503); no token → {@code unauthenticated} (401); a token without
 * exactly one known organisation and one fitting portal role → {@code not-authorised} (403); a
 * calling system beyond its allowance of calls ({@link ApiRateLimit}) → {@code too-many-requests}
 * (429, with {@code Retry-After} in seconds). Runs before any resource, so a refused call reads no
 * data. A body larger than {@value #BODY_LIMIT} bytes is refused by {@link ApiBodyLimit} once the
 * request is matched to an operation (so that a method the address does not take answers 405
 * first).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ApiGate implements ContainerRequestFilter {

  /** The largest request body the API takes, in bytes: its JSON bodies are a few hundred. */
  public static final int BODY_LIMIT = 64 * 1024;

  @Inject ApiSettings settings;
  @Inject ApiCaller caller;
  @Inject Problems problems;
  @Inject ApiRateLimit rateLimit;
  @Context HttpHeaders headers;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!settings.isEnabled()) {
      request.abortWith(problems.response(ApiProblem.API_NOT_CONFIGURED, headers));
    } else if (request.getSecurityContext().getUserPrincipal() == null) {
      request.abortWith(problems.response(ApiProblem.UNAUTHENTICATED, headers));
    } else if (caller.resolve().isEmpty()) {
      request.abortWith(problems.response(ApiProblem.NOT_AUTHORISED, headers));
    } else {
      rateLimit
          .take(caller.clientId())
          .ifPresent(
              seconds ->
                  request.abortWith(
                      Response.fromResponse(
                              problems.response(ApiProblem.TOO_MANY_REQUESTS, headers))
                          .header(HttpHeaders.RETRY_AFTER, seconds)
                          .build()));
    }
  }
}
