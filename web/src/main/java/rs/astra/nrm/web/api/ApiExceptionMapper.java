package rs.astra.nrm.web.api;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import rs.astra.nrm.api.IdempotencyKeyReusedException;
import rs.astra.nrm.consent.AccessDeniedException;
import rs.astra.nrm.organisation.NotPermittedException;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;

/**
 * Every exception of the REST API becomes a problem detail ({@link ApiProblem}): the domain's
 * refusals with their message in the caller's language, validation failures with the fields,
 * optimistic-lock conflicts as 409, JAX-RS's own errors (unknown path, method, media type) by their
 * status, and anything else as a bare 500 — the log gets the exception's class, the answer neither
 * its text nor SQL nor a stack.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  @Inject Problems problems;

  @Inject ApiRequestBody body;

  @Context HttpHeaders headers;

  @Override
  public Response toResponse(Throwable thrown) {
    return map(thrown, headers, problems, body);
  }

  /**
   * The problem detail for any exception of an API call.
   *
   * @param thrown what a resource or the JAX-RS runtime threw
   * @param headers the request's headers (language)
   * @param problems the problem writer
   * @param body the call's body as read, to name the members JSON-B could not read; {@code null} =
   *     none
   * @return the answer
   */
  static Response map(
      Throwable thrown, HttpHeaders headers, Problems problems, ApiRequestBody body) {
    Locale locale = problems.locale(headers);
    Throwable t = unwrap(thrown);
    if (t instanceof ConstraintViolationException v) {
      return problems.response(
          ApiProblem.INVALID_INPUT,
          locale,
          problems.text(locale, ApiProblem.INVALID_INPUT.detailKey()),
          fields(v, locale, problems));
    }
    if (t instanceof ApiInputException e) {
      String message = problems.text(locale, e.messageKey());
      return problems.response(
          ApiProblem.INVALID_INPUT,
          locale,
          problems.text(locale, ApiProblem.INVALID_INPUT.detailKey()),
          e.fields().stream().map(f -> new Problems.FieldError(f, message)).toList());
    }
    if (t instanceof InvalidRequestException e) {
      ApiProblem p =
          e.messageKey().endsWith(".notFound") ? ApiProblem.NOT_FOUND : ApiProblem.REQUEST_REFUSED;
      return problems.response(
          p,
          locale,
          problems.text(locale, e.messageKey(), labelled(e, locale, problems).toArray()),
          List.of());
    }
    if (t instanceof ApiIdempotency.KeyInUseException) {
      return problems.response(ApiProblem.IDEMPOTENCY_KEY_IN_USE, headers);
    }
    if (t instanceof IdempotencyKeyReusedException) {
      return problems.response(ApiProblem.IDEMPOTENCY_KEY_REUSED, headers);
    }
    if (t instanceof ProcessingException
        && causedBy(t, JsonException.class, JsonbException.class)) {
      // A body that is not the JSON the operation reads (not JSON at all, a word for a number, an
      // unknown code): the failing members by name, found by reading each alone.
      List<String> failing = body == null ? List.of() : body.failingMembers();
      return invalid(
          locale, problems, failing.isEmpty() ? List.of(ApiRequestBody.WHOLE_BODY) : failing, body);
    }
    if (t instanceof AccessDeniedException e) {
      return problems.response(
          ApiProblem.NOT_PERMITTED,
          locale,
          problems.text(locale, "deny." + e.reason().name()),
          List.of());
    }
    if (t instanceof NotPermittedException) {
      return problems.response(ApiProblem.NOT_PERMITTED, headers);
    }
    if (t instanceof ConcurrentUpdateException || causedBy(thrown, OptimisticLockException.class)) {
      return problems.response(ApiProblem.CONCURRENT_UPDATE, headers);
    }
    if (t instanceof WebApplicationException w
        && w.getResponse() != null
        && w.getResponse().getStatus() == 404
        && w.getCause() != null) {
      // A query or path parameter that is not of its type (page=abc, referrals/abc): JAX-RS
      // answers 404 for it, yet the caller sent bad input — a path that names nothing has no cause.
      return invalid(locale, problems, parameterName(w).map(List::of).orElse(List.of()), null);
    }
    if (t instanceof WebApplicationException w
        && w.getResponse() != null
        && w.getResponse().getStatus() == 400
        && w.getCause() != null) {
      // A header or cookie parameter that is not of its type.
      java.util.Optional<String> parameter = parameterName(w);
      if (parameter.isPresent()) {
        return invalid(locale, problems, List.of(parameter.get()), null);
      }
      if (causedBy(w, NoContentException.class)) {
        // An operation that reads a body got none at all (the JSON binding's NoContentException).
        return invalid(locale, problems, List.of(ApiRequestBody.WHOLE_BODY), null);
      }
    }
    if (t instanceof WebApplicationException w) {
      int status = w.getResponse() == null ? 500 : w.getResponse().getStatus();
      if (status >= 500) {
        LOG.log(Level.WARNING, "API call failed: {0}", w.getClass().getName());
      }
      Response answer = problems.response(ApiProblem.forStatus(status), headers);
      String allow = w.getResponse() == null ? null : w.getResponse().getHeaderString("Allow");
      return allow == null ? answer : Response.fromResponse(answer).header("Allow", allow).build();
    }
    LOG.log(Level.WARNING, "API call failed: {0}", t.getClass().getName());
    return problems.response(ApiProblem.INTERNAL, headers);
  }

  /**
   * The refusal's arguments, a list of codes replaced by the labels the pages show in the caller's
   * language ({@link rs.astra.nrm.web.i18n.CodeListLabels}).
   */
  private static List<String> labelled(
      InvalidRequestException e, Locale locale, Problems problems) {
    return rs.astra.nrm.web.i18n.CodeListLabels.labelled(
        e.messageKey(), e.arguments(), key -> problems.text(locale, key));
  }

  /**
   * An {@code invalid-input} answer naming the given fields, each with the first message the
   * bundles have: for a body member JSON-B could not read, the keys of {@link Problems#fieldKeys}
   * (what its type is before a text's or a list's length limit); for a parameter or the whole body,
   * those of {@link Problems#fieldOnlyKeys}. A nested member's keys are by its joined name first,
   * then by its last dotted part.
   *
   * @param body the call's body, to tell a member's type; {@code null} for parameters
   */
  private static Response invalid(
      Locale locale, Problems problems, List<String> names, ApiRequestBody body) {
    List<Problems.FieldError> errors = new ArrayList<>();
    for (String name : names) {
      List<String> keys =
          body != null && !ApiRequestBody.WHOLE_BODY.equals(name)
              ? Problems.fieldKeys(name, body.memberType(name))
              : Problems.fieldOnlyKeys(name);
      errors.add(new Problems.FieldError(name, problems.firstOf(locale, keys)));
    }
    return problems.response(
        ApiProblem.INVALID_INPUT,
        locale,
        problems.text(locale, ApiProblem.INVALID_INPUT.detailKey()),
        errors);
  }

  /**
   * The name of the parameter a JAX-RS runtime's parameter exception names (Jersey's {@code
   * ParamException.getParameterName()}, read by reflection: the portal compiles against the Jakarta
   * EE API only).
   */
  private static java.util.Optional<String> parameterName(WebApplicationException w) {
    try {
      Object name = w.getClass().getMethod("getParameterName").invoke(w);
      return name instanceof String s && !s.isBlank()
          ? java.util.Optional.of(s)
          : java.util.Optional.empty();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  private static List<Problems.FieldError> fields(
      ConstraintViolationException v, Locale locale, Problems problems) {
    List<Problems.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> c : v.getConstraintViolations()) {
      String template = c.getMessageTemplate();
      String field = fieldName(c.getPropertyPath(), template);
      // Our constraints name a bundle key; Bean Validation's own ({jakarta...}) get a generic text.
      String message =
          template != null && template.startsWith("api.")
              ? problems.text(locale, template)
              : problems.text(locale, "api.field.invalid");
      errors.add(new Problems.FieldError(field, message));
    }
    return errors;
  }

  /**
   * The name a violation's path gives the caller: the properties from the body or bean parameter
   * down, dotted ({@code check.redFlags} — an element of a list is its list), else the parameter's
   * name ({@code from}); a missing body, whose constraint says {@code api.field.body}, is {@value
   * ApiRequestBody#WHOLE_BODY}.
   *
   * @param path the violation's property path
   * @param template its message template
   * @return the field's name
   */
  static String fieldName(Path path, String template) {
    String last = "";
    StringBuilder properties = new StringBuilder();
    for (Path.Node n : path) {
      if (n.getKind() == ElementKind.PROPERTY && n.getName() != null) {
        properties.append(properties.isEmpty() ? "" : ".").append(n.getName());
      } else if (n.getKind() != ElementKind.CONTAINER_ELEMENT && n.getName() != null) {
        last = n.getName();
        properties.setLength(0);
      }
    }
    if (!properties.isEmpty()) {
      return properties.toString();
    }
    return "api.field.body".equals(template) ? ApiRequestBody.WHOLE_BODY : last;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while (current instanceof EJBException e && e.getCause() != null) {
      current = e.getCause();
    }
    return current;
  }

  @SafeVarargs
  private static boolean causedBy(Throwable t, Class<? extends Throwable>... types) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(c)) {
          return true;
        }
      }
    }
    return false;
  }
}
