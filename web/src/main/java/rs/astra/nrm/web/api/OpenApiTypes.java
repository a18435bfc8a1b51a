package rs.astra.nrm.web.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The JSON Schema of the Java types the API reads and answers, taken from the classes themselves by
 * reflection, as JSON-B (Yasson) writes them: an enum is a string of its constants' names, a {@link
 * LocalDate} a string of format {@code date} (ISO 8601), an {@link Instant} one of format {@code
 * date-time}, a {@code long} an integer of format {@code int64}, a collection an array, a record or
 * a class of the portal an object of its components (public fields for a form), named among the
 * document's component schemas by its simple name. {@link OpenApiCleanup} uses it where Payara's
 * annotation scanner cannot see a type (the EJB module's enums and records) and writes {@code
 * "type":"object"} or nothing.
 */
final class OpenApiTypes {

  /** The resources whose operations the document describes. */
  static final List<Class<?>> RESOURCES =
      List.of(
          CasesResource.class,
          ReferralsResource.class,
          HotlineResource.class,
          StatisticsResource.class,
          ExportResource.class);

  private final Map<String, Schema> components;
  private final Map<Class<?>, String> names = new HashMap<>();

  /**
   * @param components the document's component schemas, to which the object types found are added
   */
  OpenApiTypes(Map<String, Schema> components) {
    this.components = components;
  }

  /**
   * @param type a Java type
   * @return its schema; a reference to a component for an object type (the component added when the
   *     document has none of the name)
   */
  Schema schemaOf(Type type) {
    return schemaOf(type, Map.of());
  }

  private Schema schemaOf(Type type, Map<TypeVariable<?>, Type> bound) {
    if (type instanceof TypeVariable<?> variable) {
      return schemaOf(bound.getOrDefault(variable, Object.class), bound);
    }
    if (type instanceof WildcardType wildcard) {
      return schemaOf(wildcard.getUpperBounds()[0], bound);
    }
    if (type instanceof GenericArrayType array) {
      return typed(SchemaType.ARRAY).items(schemaOf(array.getGenericComponentType(), bound));
    }
    Class<?> raw = raw(type);
    if (raw.isEnum()) {
      Schema schema = typed(SchemaType.STRING);
      Arrays.stream(raw.getEnumConstants())
          .forEach(c -> schema.addEnumeration(((Enum<?>) c).name()));
      return schema;
    }
    if (raw == LocalDate.class) {
      return typed(SchemaType.STRING).format("date");
    }
    if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
      return typed(SchemaType.STRING).format("date-time");
    }
    if (raw == String.class || raw == char.class || raw == Character.class) {
      return typed(SchemaType.STRING);
    }
    if (raw == long.class || raw == Long.class || raw == BigInteger.class) {
      return typed(SchemaType.INTEGER).format("int64");
    }
    if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
      return typed(SchemaType.INTEGER).format("int32");
    }
    if (raw == BigDecimal.class || raw == double.class || raw == Double.class) {
      return typed(SchemaType.NUMBER);
    }
    if (raw == float.class || raw == Float.class) {
      return typed(SchemaType.NUMBER);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return typed(SchemaType.BOOLEAN);
    }
    if (raw.isArray()) {
      return typed(SchemaType.ARRAY).items(schemaOf(raw.getComponentType(), bound));
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return typed(SchemaType.ARRAY).items(schemaOf(argument(type, 0, bound), bound));
    }
    if (Map.class.isAssignableFrom(raw)) {
      return typed(SchemaType.OBJECT)
          .additionalPropertiesSchema(schemaOf(argument(type, 1, bound), bound));
    }
    if (!raw.getName().startsWith("rs.astra.nrm.")) {
      return OASFactory.createSchema();
    }
    if (type instanceof ParameterizedType parameterized) {
      // A generic record (PageView<CaseRow>): inline, its variables bound.
      Map<TypeVariable<?>, Type> inner = new HashMap<>(bound);
      TypeVariable<?>[] variables = raw.getTypeParameters();
      for (int i = 0; i < variables.length; i++) {
        inner.put(variables[i], parameterized.getActualTypeArguments()[i]);
      }
      return objectOf(raw, inner);
    }
    return OASFactory.createSchema().ref(component(raw));
  }

  /**
   * @param raw an object type of the portal
   * @return the name of its component schema, added to the document if missing
   */
  String component(Class<?> raw) {
    String known = names.get(raw);
    if (known != null) {
      return known;
    }
    String name = raw.getSimpleName();
    if (names.containsValue(name)) {
      name =
          raw.getEnclosingClass() == null
              ? raw.getName()
              : raw.getEnclosingClass().getSimpleName() + name;
    }
    names.put(raw, name);
    if (!components.containsKey(name)) {
      components.put(name, OASFactory.createSchema());
      components.put(name, objectOf(raw, Map.of()));
    } else {
      mend(components.get(name), raw);
    }
    return name;
  }

  /**
   * Types each property of a schema the scanner made for a class by the class's own field: the
   * type, format, enumeration, items or reference; constraints, descriptions and examples stay.
   *
   * @param schema the component schema
   * @param raw the class it was made from
   */
  void mend(Schema schema, Class<?> raw) {
    names.putIfAbsent(raw, raw.getSimpleName());
    if (schema.getProperties() == null) {
      return;
    }
    Map<String, Type> fields = properties(raw);
    for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
      Type type = fields.get(property.getKey());
      if (type == null) {
        continue;
      }
      Schema right = schemaOf(type);
      Schema left = property.getValue();
      if (right.getRef() != null) {
        left.setType(null);
        left.setRef(right.getRef());
      } else if (right.getType() != null) {
        left.setType(nillable(raw, type, right).getType());
        left.setFormat(right.getFormat());
        left.setEnumeration(right.getEnumeration());
        left.setItems(right.getItems());
        if (right.getAdditionalPropertiesSchema() != null) {
          left.setAdditionalPropertiesSchema(right.getAdditionalPropertiesSchema());
        }
      }
    }
  }

  private Schema objectOf(Class<?> raw, Map<TypeVariable<?>, Type> bound) {
    Schema schema = typed(SchemaType.OBJECT);
    properties(raw)
        .forEach(
            (name, type) -> schema.addProperty(name, nillable(raw, type, schemaOf(type, bound))));
    return schema;
  }

  /**
   * @return the schema, also admitting {@code null} where JSON-B writes nulls: in a class marked
   *     {@link JsonbNillable}, for a property that is not primitive (elsewhere it leaves them out)
   */
  private static Schema nillable(Class<?> raw, Type type, Schema schema) {
    if (raw.isAnnotationPresent(JsonbNillable.class)
        && !(type instanceof Class<?> c && c.isPrimitive())
        && schema.getType() != null) {
      schema.addType(SchemaType.NULL);
    }
    return schema;
  }

  /**
   * @param raw a record or a form
   * @return its JSON properties by name: a record's components, otherwise the public fields
   */
  static Map<String, Type> properties(Class<?> raw) {
    Map<String, Type> properties = new LinkedHashMap<>();
    if (raw.isRecord()) {
      for (RecordComponent c : raw.getRecordComponents()) {
        properties.put(c.getName(), c.getGenericType());
      }
      return properties;
    }
    for (Field f : raw.getFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        properties.put(f.getName(), f.getGenericType());
      }
    }
    return properties;
  }

  /**
   * @return every resource method by {@code METHOD /api/path}, as the document names operations
   */
  static Map<String, Method> operations() {
    Map<String, Method> operations = new LinkedHashMap<>();
    String root =
        "/"
            + strip(
                ApiApplication.class.getAnnotation(jakarta.ws.rs.ApplicationPath.class).value());
    for (Class<?> resource : RESOURCES) {
      String base = root + "/" + strip(resource.getAnnotation(Path.class).value());
      for (Method m : resource.getMethods()) {
        String verb =
            m.isAnnotationPresent(GET.class)
                ? "GET"
                : m.isAnnotationPresent(POST.class)
                    ? "POST"
                    : m.isAnnotationPresent(PUT.class)
                        ? "PUT"
                        : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
        if (verb == null) {
          continue;
        }
        Path path = m.getAnnotation(Path.class);
        operations.put(verb + " " + (path == null ? base : base + "/" + strip(path.value())), m);
      }
    }
    return operations;
  }

  private static String strip(String path) {
    return path.replaceAll("^/+|/+$", "");
  }

  private static Schema typed(SchemaType type) {
    return OASFactory.createSchema().addType(type);
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  private static Type argument(Type type, int index, Map<TypeVariable<?>, Type> bound) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      Type argument = p.getActualTypeArguments()[index];
      return argument instanceof TypeVariable<?> v ? bound.getOrDefault(v, Object.class) : argument;
    }
    return Object.class;
  }
}
