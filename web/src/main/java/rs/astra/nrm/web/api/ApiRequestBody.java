package rs.astra.nrm.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import rs.astra.nrm.web.shared.TextInputGuard;

/**
 * The body of the current API call as {@link ApiBodyLimit} read it (at most {@link
 * ApiGate#BODY_LIMIT} bytes, in memory only, never stored or logged) and the class the operation
 * reads it into, so that an answer to a body JSON-B could not read names the failing members
 * ({@link #failingMembers()}) instead of a bare {@code invalid-input}.
 */
@RequestScoped
public class ApiRequestBody {

  /** The name {@code errors} gives the whole body when it is not a JSON object at all. */
  public static final String WHOLE_BODY = "body";

  /** The default JSON-B, as the JAX-RS runtime reads the API's bodies (no custom configuration). */
  private static final Jsonb JSONB = JsonbBuilder.create();

  /**
   * JSON-P's reader that refuses an object naming a member twice ({@link
   * JsonConfig.KeyStrategy#NONE}); JSON-B would silently take the last of them.
   */
  private static final JsonReaderFactory STRICT =
      Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

  /** JSON-P's default reader, which takes a member named twice: tells that case from bad JSON. */
  private static final JsonReaderFactory LENIENT = Json.createReaderFactory(Map.of());

  /** JSON-P's parser, which tells whether anything follows the body's value. */
  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  private byte[] bytes;
  private Class<?> type;
  private boolean parsedOnce;
  private JsonValue json;
  private boolean namesAMemberTwice;

  /**
   * @param bytes the body's bytes, at most {@link ApiGate#BODY_LIMIT}
   * @param type the class of the operation's body parameter, {@code null} when it takes none
   */
  void remember(byte[] bytes, Class<?> type) {
    this.bytes = bytes;
    this.type = type;
    this.parsedOnce = false;
    this.json = null;
    this.namesAMemberTwice = false;
  }

  /**
   * The members of the body that JSON-B cannot read into the operation's class: each top-level
   * member tried alone (a nested object's members with a dotted name, e.g. {@code check.redFlags});
   * {@value #WHOLE_BODY} when the body is not a JSON object.
   *
   * @return the failing members' names as the caller wrote them; empty when no body was read
   */
  public List<String> failingMembers() {
    if (bytes == null || type == null) {
      return List.of();
    }
    if (!(parsed() instanceof JsonObject object)) {
      return List.of(WHOLE_BODY);
    }
    List<String> failing = new ArrayList<>();
    collect(object, type, "", failing);
    return failing.isEmpty() ? List.of(WHOLE_BODY) : failing;
  }

  /**
   * The Java type of a member of the operation's body class, to tell what a member JSON-B could not
   * read should have been.
   *
   * @param name a member as {@link #failingMembers()} names it, dotted for a nested one
   * @return its field's class; {@code null} when no body class is known or it has no such field
   */
  public Class<?> memberType(String name) {
    Class<?> current = type;
    for (String part : name.split("\\.")) {
      if (current == null) {
        return null;
      }
      current = fieldType(current, part);
    }
    return current;
  }

  /**
   * What no field of the API takes though JSON-B would read it: a member the operation's class
   * holds as one value (a text, a code, a day, a number, a yes/no) sent as a JSON array or object
   * (JSON-B reads {@code ["x"]} as {@code "x"}, the last of several), a text that is not a JSON
   * string (JSON-B reads {@code 42} as {@code "42"}), a whole number that is not a JSON number
   * without a fraction (JSON-B cuts {@code 1.9} to 1 and reads {@code "5"} as 5), any other number
   * that is not a JSON number ({@code "2500"}), a yes/no that is not {@code true} or {@code false},
   * a code or day that is not a JSON string, a nested object sent as anything else (JSON-B reads a
   * list of objects as its last), a body that is a JSON array (JSON-B reads its first object), an
   * object that names a member twice (JSON-B reads the last; reported for the whole body), a body
   * that is not JSON or is nested deeper than the parser takes (the whole body), and text with
   * control characters or characters that reverse its direction, which the pages refuse too ({@link
   * TextInputGuard}; a recipient would be shown them). Line breaks and tabs pass.
   *
   * @return each failing member (dotted when nested; a list's element is its list; {@value
   *     #WHOLE_BODY} for an array body), with its problem; empty when none or when no body was read
   */
  public List<TextProblem> textProblems() {
    if (bytes == null || type == null) {
      return List.of();
    }
    List<TextProblem> found = new ArrayList<>();
    JsonValue body = parsed();
    if (namesAMemberTwice) {
      found.add(new UnreadableBody("api.field.memberTwice"));
    } else if (body == null) {
      // Not JSON at all, or nested deeper than the parser takes: refused here, as JSON-B would not
      // refuse the second with a message of its own.
      found.add(new UnreadableBody("api.field.body"));
    } else if (body instanceof JsonObject object) {
      text(object, type, "", found);
    } else if (body instanceof JsonArray && !takes(type, body)) {
      found.add(new WrongType(WHOLE_BODY, type));
    }
    return found;
  }

  /**
   * The body as JSON, parsed once per request for both checks.
   *
   * @return the value; {@code null} when the bytes are not one JSON value in UTF-8 (RFC 8259,
   *     section 8.1: bytes that are not UTF-8, which a decoder would turn into U+FFFD; anything but
   *     blanks after the value, which the reader would drop), or are JSON with an object that names
   *     a member twice (then {@link #namesAMemberTwice} is set)
   */
  private JsonValue parsed() {
    if (!parsedOnce) {
      parsedOnce = true;
      String text = utf8(bytes);
      if (text == null || !oneValue(text)) {
        json = null;
        return null;
      }
      json = read(STRICT, text);
      // Refused by the strict reader: JSON all the same (a member named twice), or not JSON.
      namesAMemberTwice = json == null && read(LENIENT, text) != null;
    }
    return json;
  }

  /**
   * @return the bytes as UTF-8 text; {@code null} when they are not UTF-8 (a stray byte, an
   *     overlong form, a surrogate written as bytes)
   */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Whether the text is one JSON value and nothing after it but blanks. JSON-P's reader (and JSON-B
   * with it) reads the first value and ignores the rest: {@code {"a":1} {"a":2}} would be read as
   * its first object (trial of session 20). Its parser tells, at the end of the value, whether
   * anything follows.
   */
  private static boolean oneValue(String text) {
    try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
      if (!parser.hasNext()) {
        return false;
      }
      parser.next();
      // Built, not skipped: Parsson's skipObject() never returned on a body that ends inside an
      // object (tried in session 20), and the body is at most ApiGate.BODY_LIMIT bytes.
      parser.getValue();
      return !parser.hasNext();
    } catch (RuntimeException e) {
      // JsonParsingException for what follows the value, or for text that is not JSON at all.
      return false;
    }
  }

  private static JsonValue read(JsonReaderFactory factory, String text) {
    try (JsonReader reader = factory.createReader(new StringReader(text))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      // JsonException, IllegalStateException, and the parser's plain exception for a body nested
      // deeper than it takes.
      return null;
    }
  }

  /**
   * A member of the body that no field takes as it is, or the whole body: one of three kinds, each
   * answered with its own message ({@link ApiBodyLimit}).
   */
  public sealed interface TextProblem {

    /**
     * @return the member's name, dotted when nested; {@value ApiRequestBody#WHOLE_BODY} for the
     *     whole body
     */
    String member();
  }

  /**
   * A member whose JSON type its field does not take (a list or object for one value, a number for
   * a text, a text or fraction for a whole number), or a body that is a JSON array.
   *
   * @param member its name, dotted when nested; {@value ApiRequestBody#WHOLE_BODY} for an array
   *     body
   * @param expected the Java type of the field (of the body class for an array body)
   */
  public record WrongType(String member, Class<?> expected) implements TextProblem {}

  /**
   * A member whose text holds characters no field stores ({@link TextInputGuard}).
   *
   * @param member its name, dotted when nested (a list's element is its list)
   * @param problem what is wrong with its text
   */
  public record RefusedCharacters(String member, TextInputGuard.Problem problem)
      implements TextProblem {}

  /**
   * A body refused as a whole: an object that names a member twice, or a body that is not JSON the
   * parser reads.
   *
   * @param messageKey the message that says which ({@code api.field.memberTwice} or {@code
   *     api.field.body})
   */
  public record UnreadableBody(String messageKey) implements TextProblem {

    @Override
    public String member() {
      return WHOLE_BODY;
    }
  }

  private static void text(JsonObject object, Class<?> into, String prefix, List<TextProblem> out) {
    for (Map.Entry<String, JsonValue> member : object.entrySet()) {
      String name = prefix + member.getKey();
      Class<?> field = into == null ? null : fieldType(into, member.getKey());
      JsonValue value = member.getValue();
      if (field != null && !takes(field, value)) {
        out.add(new WrongType(name, field));
        continue;
      }
      if (value instanceof JsonObject inner) {
        text(
            inner,
            field != null && field.getName().startsWith("rs.astra.") ? field : null,
            name + ".",
            out);
        continue;
      }
      // Any text anywhere below a list (codes, or objects a reader may take one of) is checked.
      TextInputGuard.Problem invisible = invisible(value);
      if (invisible != null) {
        out.add(new RefusedCharacters(name, invisible));
      }
    }
  }

  /** Whether a field of a single-value type takes a JSON value of this kind (null always). */
  private static boolean takes(Class<?> field, JsonValue value) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return true;
    }
    if (field == String.class) {
      return value instanceof JsonString;
    }
    if (Problems.WHOLE_NUMBERS.contains(field)) {
      // 1.0 and 1e2 are whole numbers too; 1.9 is not.
      return value instanceof JsonNumber number
          && number.bigDecimalValue().stripTrailingZeros().scale() <= 0;
    }
    if (field.isArray() || java.util.Collection.class.isAssignableFrom(field)) {
      // JSON-B itself refuses what is not a list, but reads a list inside the list as its items
      // (["IDENTITY", ["HEALTH"]] as both codes; trial of session 19).
      return !(value instanceof JsonArray array)
          || array.stream().noneMatch(item -> item instanceof JsonArray);
    }
    if (Map.class.isAssignableFrom(field)) {
      // JSON-B itself refuses what is not an object.
      return true;
    }
    if (field == boolean.class || field == Boolean.class) {
      return value == JsonValue.TRUE || value == JsonValue.FALSE;
    }
    if ((field.isPrimitive() && field != char.class) || Number.class.isAssignableFrom(field)) {
      // JSON-B reads "2500" as 2500 (trial of 2026-12-07: a wage sent as text).
      return value instanceof JsonNumber;
    }
    if (field.isEnum() || field == char.class || field.getName().startsWith("java.")) {
      // Codes, days and instants are texts.
      return value instanceof JsonString;
    }
    // A nested object (a hotline call's job-offer check): JSON-B reads a list of them as its last
    // (trial of 2026-12-07).
    return value instanceof JsonObject;
  }

  /** The first control or direction character in any text of a value, however deep. */
  private static TextInputGuard.Problem invisible(JsonValue value) {
    if (value instanceof JsonString string) {
      var problem = TextInputGuard.check(string.getString(), 0, true);
      return problem.isPresent() && problem.get() != TextInputGuard.Problem.TOO_LONG
          ? problem.get()
          : null;
    }
    Iterable<JsonValue> inner =
        value instanceof JsonArray array
            ? array
            : value instanceof JsonObject object ? object.values() : List.of();
    for (JsonValue element : inner) {
      TextInputGuard.Problem found = invisible(element);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static void collect(JsonObject object, Class<?> into, String prefix, List<String> out) {
    for (Map.Entry<String, JsonValue> member : object.entrySet()) {
      String name = member.getKey();
      if (reads(into, name, member.getValue())) {
        continue;
      }
      Class<?> nested = fieldType(into, name);
      if (member.getValue() instanceof JsonObject inner
          && nested != null
          && nested.getName().startsWith("rs.astra.")) {
        int before = out.size();
        collect(inner, nested, prefix + name + ".", out);
        if (out.size() > before) {
          continue;
        }
      }
      out.add(prefix + name);
    }
  }

  private static boolean reads(Class<?> into, String name, JsonValue value) {
    String alone = Json.createObjectBuilder().add(name, value).build().toString();
    try {
      JSONB.fromJson(alone, into);
      return true;
    } catch (JsonbException | IllegalArgumentException e) {
      return false;
    }
  }

  private static Class<?> fieldType(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) {
          return f.getType();
        }
      }
    }
    return null;
  }
}
