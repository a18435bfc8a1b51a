package rs.astra.nrm.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import rs.astra.nrm.web.i18n.Messages;

/**
 * Builds RFC 9457 problem details ({@code application/problem+json}) in the caller's language: the
 * first of her {@code Accept-Language} ranges that is Serbian Cyrillic ({@code sr-Cyrl}), Serbian
 * ({@code sr}, {@code sr-Latn}) or English ({@code en}); Serbian Latin when she names none of them.
 * Only message texts and field names go into an answer — never an exception's text, SQL or a stack.
 */
@ApplicationScoped
public class Problems {

  /**
   * The field types that take a whole number: a fraction is refused ({@link ApiRequestBody}) and
   * they get {@code api.type.number}'s message.
   */
  static final java.util.Set<Class<?>> WHOLE_NUMBERS =
      java.util.Set.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class);

  /** The media type of every error answer. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * One field that failed validation.
   *
   * @param field the parameter or property, e.g. {@code reason}
   * @param message what is wrong, in the caller's language
   */
  public record FieldError(String field, String message) {}

  /**
   * @param headers the request's headers, for {@code Accept-Language}; {@code null} = default
   * @return the locale of the answer
   */
  public Locale locale(HttpHeaders headers) {
    return locale(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }

  /**
   * @param header the request's {@code Accept-Language} header; {@code null} = default
   * @return the locale of the answer
   */
  public Locale locale(String header) {
    if (header != null && !header.isBlank()) {
      try {
        // Parsed here, not by the JAX-RS runtime, which reads "sr-Cyrl" as a country.
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
          String tag = range.getRange().toLowerCase(Locale.ROOT);
          if (tag.startsWith("sr-cyrl")) {
            return Locale.forLanguageTag("sr-Cyrl");
          }
          if (tag.equals("sr") || tag.startsWith("sr-")) {
            return Locale.forLanguageTag("sr-Latn");
          }
          if (tag.equals("en") || tag.startsWith("en-")) {
            return Locale.ENGLISH;
          }
        }
      } catch (IllegalArgumentException e) {
        // A malformed header: the default language.
      }
    }
    return Locale.forLanguageTag("sr-Latn");
  }

  /**
   * @param locale the answer's locale
   * @param key a key of the message bundles
   * @param args values for its placeholders, never personal data
   * @return the text; the key itself when a bundle lacks it
   */
  public String text(Locale locale, String key, Object... args) {
    try {
      String pattern = ResourceBundle.getBundle(Messages.BUNDLE, locale).getString(key);
      return Messages.format(pattern, locale, args);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  /**
   * The text of the first of the keys the bundles hold.
   *
   * @param locale the answer's locale
   * @param keys keys of the message bundles, the most specific first
   * @return its text; the last key itself when the bundles hold none of them
   */
  public String firstOf(Locale locale, List<String> keys) {
    for (String key : keys) {
      try {
        return Messages.format(
            ResourceBundle.getBundle(Messages.BUNDLE, locale).getString(key), locale);
      } catch (MissingResourceException e) {
        // the next key
      }
    }
    return keys.get(keys.size() - 1);
  }

  /**
   * The keys of the message for a member of a body that is not what its field takes, the most
   * specific first: the member's own type message ({@code api.type.<member>}, a nested member's
   * name joined, e.g. {@code api.type.checkOutcome} for {@code check.outcome}, then its last part),
   * its kind's ({@code api.type.text} for a text, {@code api.type.codes} for a list), then the
   * member's field message ({@code api.field.<member>}, joined, then its last part), for a whole
   * number {@code api.type.number}, and {@code api.field.invalid}.
   *
   * @param member the member's name, dotted when nested; {@code body} for the whole body
   * @param type the Java type of its field, or {@code null} when unknown
   * @return the keys, the last one {@code api.field.invalid}
   */
  public static List<String> fieldKeys(String member, Class<?> type) {
    List<String> keys = new java.util.ArrayList<>();
    for (String name : names(member)) {
      keys.add("api.type." + name);
    }
    if (type == String.class) {
      keys.add("api.type.text");
    } else if (type != null && java.util.Collection.class.isAssignableFrom(type)) {
      keys.add("api.type.codes");
    }
    for (String name : names(member)) {
      keys.add("api.field." + name);
    }
    if (type != null && WHOLE_NUMBERS.contains(type)) {
      // After the member's own message, which names its range ("a number from 0 to 600").
      keys.add("api.type.number");
    }
    keys.add("api.field.invalid");
    return keys;
  }

  /**
   * The keys of a member's own field message only ({@code api.field.<member>}, joined, then its
   * last part), then {@code api.field.invalid}: for a parameter or the whole body, whose type has
   * no message of its own.
   *
   * @param member the parameter's or member's name, dotted when nested
   * @return the keys, the last one {@code api.field.invalid}
   */
  public static List<String> fieldOnlyKeys(String member) {
    List<String> keys = new java.util.ArrayList<>();
    for (String name : names(member)) {
      keys.add("api.field." + name);
    }
    keys.add("api.field.invalid");
    return keys;
  }

  /** A member's names for keys: a nested one joined ({@code checkOutcome}), then its last part. */
  private static List<String> names(String member) {
    String last = member.substring(member.lastIndexOf('.') + 1);
    if (!member.contains(".")) {
      return List.of(member);
    }
    StringBuilder joined = new StringBuilder();
    for (String part : member.split("\\.")) {
      joined.append(
          joined.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return List.of(joined.toString(), last);
  }

  /**
   * @param problem which error
   * @param headers the request's headers (language)
   * @return the answer with the problem's generic detail
   */
  public Response response(ApiProblem problem, HttpHeaders headers) {
    Locale locale = locale(headers);
    return response(problem, locale, text(locale, problem.detailKey()), List.of());
  }

  /**
   * @param problem which error
   * @param locale the answer's language
   * @param detail the detail, already in that language
   * @param errors the fields that failed validation, possibly empty
   * @return the answer
   */
  public Response response(
      ApiProblem problem, Locale locale, String detail, List<FieldError> errors) {
    Response.ResponseBuilder answer =
        Response.status(problem.status())
            .type(MEDIA_TYPE)
            .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
            .entity(body(problem, locale, detail, errors));
    if (problem == ApiProblem.UNAUTHENTICATED) {
      answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return answer.build();
  }

  /**
   * @param problem which error
   * @param locale the answer's language
   * @param detail the detail, already in that language
   * @param errors the fields that failed validation, possibly empty
   * @return the problem detail as JSON text, for answers written outside JAX-RS
   */
  public String body(ApiProblem problem, Locale locale, String detail, List<FieldError> errors) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", problem.type())
            .add("title", text(locale, problem.titleKey()))
            .add("status", problem.status())
            .add("detail", detail);
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      errors.forEach(
          e ->
              list.add(
                  Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
      body.add("errors", list);
    }
    return body.build().toString();
  }
}
