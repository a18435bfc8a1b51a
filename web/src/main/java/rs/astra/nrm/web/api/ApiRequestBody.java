package rs.astra.nrm.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  private byte[] bytes;
  private Class<?> type;

  /**
   * @param bytes the body's bytes, at most {@link ApiGate#BODY_LIMIT}
   * @param type the class of the operation's body parameter, {@code null} when it takes none
   */
  void remember(byte[] bytes, Class<?> type) {
    this.bytes = bytes;
    this.type = type;
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
    JsonValue value;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
      value = reader.readValue();
    } catch (JsonException | IllegalStateException e) {
      return List.of(WHOLE_BODY);
    }
    if (!(value instanceof JsonObject object)) {
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
