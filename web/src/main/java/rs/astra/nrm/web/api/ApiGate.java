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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import rs.astra.nrm.web.security.ApiSettings;

/**
 * Lets a call into the API only with a verified token that maps to a portal user: the API off →
 * {@code api-not-configured} (503); no token → {@code unauthenticated} (401); a token without
 * exactly one known organisation and one fitting portal role → {@code not-authorised} (403); a
 * calling system beyond its allowance of calls ({@link ApiRateLimit}) → {@code too-many-requests}
 * (429, with {@code Retry-After} in seconds); a body larger than {@value #BODY_LIMIT} bytes →
 * {@code too-large} (413), whether its length is announced or it comes in chunks (at most that many
 * bytes and one are read). Runs before any resource, so a refused call reads no data.
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
    } else if (tooLarge(request)) {
      request.abortWith(problems.response(ApiProblem.TOO_LARGE, headers));
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

  /**
   * Whether the body is over {@link #BODY_LIMIT}; a body of unknown length is read up to one byte
   * over it and, when within, handed on to the resource as read.
   */
  private static boolean tooLarge(ContainerRequestContext request) {
    if (request.getLength() > BODY_LIMIT) {
      return true;
    }
    if (request.getLength() >= 0 || !request.hasEntity()) {
      return false;
    }
    try {
      byte[] head = request.getEntityStream().readNBytes(BODY_LIMIT + 1);
      request.setEntityStream(new ByteArrayInputStream(head));
      return head.length > BODY_LIMIT;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
