package rs.astra.nrm.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rs.astra.nrm.web.shared.TextInputGuard;

/**
 * Refuses a request body larger than {@link ApiGate#BODY_LIMIT} bytes with {@code too-large} (413),
 * whether its length is announced or it comes in chunks (at most that many bytes and one are read),
 * and keeps a body within it in memory ({@link ApiRequestBody}) for the resource and for naming the
 * failing members of one JSON-B cannot read. Runs after the JAX-RS runtime matched the request to
 * an operation — so an address that exists but does not take the method answers {@code 405}, one
 * that does not exist {@code 404} and a body of another media type {@code 415}, whatever the size —
 * and before any other filter of the operation and before the body is read into its class.
 *
 * <p>It then refuses, as {@code invalid-input} naming each member, what no field of the API takes
 * though JSON-B would read it ({@link ApiRequestBody#textProblems()}): a number or a list where
 * text belongs, text with control characters (NUL) or characters that reverse its direction, which
 * the pages refuse too ({@link rs.astra.nrm.web.shared.TextInputGuard}), an object that names a
 * member twice (JSON-B would keep the last), and a body that is not JSON.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiBodyLimit implements ContainerRequestFilter {

  @Inject Problems problems;
  @Inject ApiRequestBody body;
  @Context HttpHeaders headers;
  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (request.getLength() > ApiGate.BODY_LIMIT) {
      request.abortWith(problems.response(ApiProblem.TOO_LARGE, headers));
      return;
    }
    if (!request.hasEntity() || request.getEntityStream() == null) {
      return;
    }
    byte[] head = request.getEntityStream().readNBytes(ApiGate.BODY_LIMIT + 1);
    if (head.length > ApiGate.BODY_LIMIT) {
      request.abortWith(problems.response(ApiProblem.TOO_LARGE, headers));
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(head));
    body.remember(head, entityType(resource == null ? null : resource.getResourceMethod()));
    List<ApiRequestBody.TextProblem> text = body.textProblems();
    if (!text.isEmpty()) {
      // Refused before anything is read or stored: a number or a list where text belongs, or text
      // with characters the pages refuse as well (trial of 2026-12-06).
      Locale locale = problems.locale(headers);
      List<Problems.FieldError> errors = new ArrayList<>();
      for (ApiRequestBody.TextProblem p : text) {
        String message =
            switch (p) {
              case ApiRequestBody.UnreadableBody u -> problems.text(locale, u.messageKey());
              case ApiRequestBody.WrongType w ->
                  problems.firstOf(locale, Problems.fieldKeys(w.member(), w.expected()));
              case ApiRequestBody.RefusedCharacters r ->
                  problems.text(
                      locale,
                      r.problem() == TextInputGuard.Problem.BIDI_CONTROL
                          ? "input.bidiControl"
                          : "input.controlCharacter",
                      r.member());
            };
        errors.add(new Problems.FieldError(p.member(), message));
      }
      request.abortWith(
          problems.response(
              ApiProblem.INVALID_INPUT,
              locale,
              problems.text(locale, ApiProblem.INVALID_INPUT.detailKey()),
              errors));
    }
  }

  /**
   * @param method the matched resource method, or {@code null}
   * @return the class of its body parameter (the one without a JAX-RS annotation), or {@code null}
   */
  static Class<?> entityType(Method method) {
    if (method == null) {
      return null;
    }
    Annotation[][] annotations = method.getParameterAnnotations();
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      boolean jaxrs = false;
      for (Annotation a : annotations[i]) {
        jaxrs |= a.annotationType().getPackageName().startsWith("jakarta.ws.rs");
      }
      if (!jaxrs) {
        return types[i];
      }
    }
    return null;
  }
}
