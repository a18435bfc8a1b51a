package rs.astra.nrm.web.api;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes and mends the generated OpenAPI document before it is served at {@code /openapi}
 * (MicroProfile OpenAPI's filter, {@code mp.openapi.filter}):
 *
 * <ul>
 *   <li>adds to every operation the error answers every call may get from {@link ApiGate} and
 *       {@link ApiExceptionMapper} (401, 403, 406, 429, 500, 503; 400 where it takes parameters or
 *       a body; 404 where its path names a record; 413 and 415 where it takes a body), each a
 *       reference to the component response of {@link ApiApplication} unless the operation
 *       describes that answer itself;
 *   <li>gives every error answer an operation describes without a body the problem-details schema
 *       ({@code application/problem+json}, {@link ApiApplication#PROBLEM});
 *   <li>drops the {@code multipleOf: 0} Payara writes into every schema declared by a {@code
 *       Schema} annotation (the annotation's default), which the OpenAPI specification forbids
 *       ({@code multipleOf} must be greater than 0) and validators refuse; likewise the other
 *       annotation defaults it copies as constraints: {@code maxProperties: 0} (no body would
 *       validate), {@code maxItems: -2147483648}, {@code minItems: 2147483647}, {@code maxLength}
 *       and {@code maxContains} of 2147483647, zero minimums, {@code false} flags and the empty
 *       example {@code [""]};
 *   <li>types each property of the bodies' and answers' schemas by its Java field ({@link
 *       OpenApiTypes}): Payara's scanner does not see the EJB module's enums, dates and records and
 *       writes {@code "type":"object"} or nothing;
 *   <li>gives each 200 JSON answer the schema of its method's return type, and each 201 of a
 *       creating POST the {@code Created} schema with the {@code Location} and {@code
 *       Idempotent-Replayed} headers, and its 409 {@code idempotency-key-in-use};
 *   <li>turns the examples the annotations can only give as text into JSON values: a JSON body's
 *       example an object, an integer's a number.
 * </ul>
 */
public class OpenApiCleanup implements OASFilter {

  /** The answers of every call, by status: the component response each refers to. */
  static final Map<String, String> EVERY_CALL = new LinkedHashMap<>();

  static {
    EVERY_CALL.put("401", "Unauthenticated");
    EVERY_CALL.put("403", "NotAuthorised");
    EVERY_CALL.put("406", "NotAcceptable");
    EVERY_CALL.put("429", "TooManyRequests");
    EVERY_CALL.put("500", "Internal");
    EVERY_CALL.put("503", "Unavailable");
  }

  /** The component schema of a creating POST's answer. */
  static final String CREATED = "Created";

  /** The component response of a creating POST whose key another request is using. */
  static final String KEY_IN_USE = "IdempotencyKeyInUse";

  @Override
  public Schema filterSchema(Schema schema) {
    mendConstraints(schema);
    return schema;
  }

  /**
   * Drops the annotation defaults Payara copies into a schema as constraints, and types its
   * example.
   *
   * @param schema a schema
   */
  static void mendConstraints(Schema schema) {
    BigDecimal multipleOf = schema.getMultipleOf();
    if (multipleOf != null && multipleOf.signum() <= 0) {
      schema.setMultipleOf(null);
    }
    if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
      schema.setMaxProperties(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinProperties())) {
      schema.setMinProperties(null);
    }
    if (schema.getMaxItems() != null && schema.getMaxItems() < 0) {
      schema.setMaxItems(null);
    }
    if (schema.getMinItems() != null
        && (schema.getMinItems() == Integer.MAX_VALUE || schema.getMinItems() <= 0)) {
      schema.setMinItems(null);
    }
    if (schema.getMaxLength() != null && schema.getMaxLength() == Integer.MAX_VALUE) {
      schema.setMaxLength(null);
    }
    if (schema.getMinLength() != null && schema.getMinLength() <= 0) {
      schema.setMinLength(null);
    }
    if (schema.getMaxContains() != null && schema.getMaxContains() == Integer.MAX_VALUE) {
      schema.setMaxContains(null);
    }
    if (schema.getMinContains() != null && schema.getMinContains() <= 0) {
      schema.setMinContains(null);
    }
    if (Boolean.FALSE.equals(schema.getUniqueItems())) {
      schema.setUniqueItems(null);
    }
    if (Boolean.FALSE.equals(schema.getReadOnly())) {
      schema.setReadOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getWriteOnly())) {
      schema.setWriteOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getDeprecated())) {
      schema.setDeprecated(null);
    }
    if (schema.getExamples() != null) {
      List<Object> examples = new ArrayList<>();
      for (Object example : schema.getExamples()) {
        if (!"".equals(example)) {
          examples.add(typed(schema, example));
        }
      }
      schema.setExamples(examples.isEmpty() ? null : examples);
    }
    if (schema.getExample() != null) {
      schema.setExample(typed(schema, schema.getExample()));
    }
    if (schema.getDefaultValue() != null) {
      schema.setDefaultValue(typed(schema, schema.getDefaultValue()));
    }
  }

  /**
   * @param schema a schema
   * @param example an example of it, perhaps JSON as text
   * @return the example as a JSON value where the schema is not a string's and it parses
   */
  static Object typed(Schema schema, Object example) {
    if (!(example instanceof String text)
        || schema.getType() == null
        || schema.getType().contains(Schema.SchemaType.STRING)) {
      return example;
    }
    Object parsed = json(text);
    return parsed == null ? example : parsed;
  }

  /**
   * @param text JSON, perhaps
   * @return its value as Java maps, lists, numbers, strings and booleans; {@code null} when it is
   *     not JSON (or is {@code null})
   */
  static Object json(String text) {
    String t = text.strip();
    if (!(t.startsWith("{")
        || t.startsWith("[")
        || t.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?|true|false"))) {
      return null;
    }
    try (var reader = Json.createReader(new StringReader(t))) {
      return java(reader.readValue());
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static Object java(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        value.asJsonObject().forEach((k, v) -> map.put(k, java(v)));
        yield map;
      }
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        value.asJsonArray().forEach(v -> list.add(java(v)));
        yield list;
      }
      case NUMBER -> {
        JsonNumber number = (JsonNumber) value;
        yield number.isIntegral() ? (Object) number.longValue() : number.bigDecimalValue();
      }
      case STRING -> ((JsonString) value).getString();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    var components = openAPI.getComponents();
    if (components.getSchemas() == null) {
      components.setSchemas(new LinkedHashMap<>());
    }
    Map<String, Schema> schemas = new LinkedHashMap<>(components.getSchemas());
    OpenApiTypes types = new OpenApiTypes(schemas);
    Map<String, Method> methods = OpenApiTypes.operations();
    Map<String, Class<?>> classes = new LinkedHashMap<>();
    methods.values().forEach(m -> reachable(m, classes));
    classes.forEach(
        (name, raw) -> {
          if (schemas.containsKey(name)) {
            types.mend(schemas.get(name), raw);
          }
        });
    Schema problem = schemas.get(ApiApplication.PROBLEM);
    if (problem != null
        && problem.getProperties() != null
        && problem.getProperties().get("errors") != null) {
      problem.getProperties().get("errors").setItems(types.schemaOf(Problems.FieldError.class));
    }
    schemas.putIfAbsent(
        CREATED,
        OASFactory.createSchema()
            .addType(Schema.SchemaType.OBJECT)
            .description("the id of the record created; its Location names its GET")
            .addRequired("id")
            .addProperty(
                "id",
                OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64")));
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .forEach(
                        (verb, operation) -> {
                          completeErrors(path, operation);
                          completeAnswers(operation, methods.get(verb.name() + " " + path), types);
                          typeExamples(operation);
                        }));
    components.setSchemas(schemas);
    schemas.values().forEach(OpenApiCleanup::mendDeep);
    if (components.getResponses() != null) {
      components.getResponses().values().forEach(OpenApiCleanup::typeExamples);
    }
    if (components.getParameters() != null) {
      components.getParameters().values().forEach(OpenApiCleanup::typeExample);
    }
  }

  /**
   * Notes the portal's classes a resource method reads or answers, by simple name, with those of
   * their properties.
   */
  private static void reachable(Method method, Map<String, Class<?>> classes) {
    List<java.lang.reflect.Type> roots = new ArrayList<>();
    roots.add(method.getGenericReturnType());
    roots.addAll(List.of(method.getGenericParameterTypes()));
    roots.forEach(t -> reachable(t, classes));
  }

  private static void reachable(java.lang.reflect.Type type, Map<String, Class<?>> classes) {
    if (type instanceof java.lang.reflect.ParameterizedType p) {
      reachable(p.getRawType(), classes);
      for (var argument : p.getActualTypeArguments()) {
        reachable(argument, classes);
      }
      return;
    }
    if (!(type instanceof Class<?> raw)
        || raw.isEnum()
        || !raw.getName().startsWith("rs.astra.nrm.")
        || classes.containsValue(raw)) {
      return;
    }
    classes.putIfAbsent(raw.getSimpleName(), raw);
    OpenApiTypes.properties(raw).values().forEach(t -> reachable(t, classes));
  }

  /** Mends the constraints of a schema and every schema inside it. */
  private static void mendDeep(Schema schema) {
    if (schema == null) {
      return;
    }
    mendConstraints(schema);
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(OpenApiCleanup::mendDeep);
    }
    mendDeep(schema.getItems());
    mendDeep(schema.getAdditionalPropertiesSchema());
  }

  /**
   * Gives a 200 JSON answer without a schema its method's return type's, and a 201 the {@link
   * #CREATED} schema; a creating POST (one with the {@code Idempotency-Key} parameter) its 201's
   * headers and its 409.
   */
  private static void completeAnswers(Operation operation, Method method, OpenApiTypes types) {
    APIResponses responses = operation.getResponses();
    if (responses == null || responses.getAPIResponses() == null) {
      return;
    }
    boolean creating =
        operation.getParameters() != null
            && operation.getParameters().stream()
                .anyMatch(p -> p.getRef() != null && p.getRef().endsWith(IdempotencyFilter.HEADER));
    for (Map.Entry<String, APIResponse> answer : responses.getAPIResponses().entrySet()) {
      var content = answer.getValue().getContent();
      var json = content == null ? null : content.getMediaType(MediaType.APPLICATION_JSON);
      if (json == null || json.getSchema() != null) {
        continue;
      }
      if (answer.getKey().equals("201")) {
        json.setSchema(OASFactory.createSchema().ref(CREATED));
      } else if (answer.getKey().equals("200")
          && method != null
          && method.getReturnType() != Response.class
          && method.getReturnType() != void.class) {
        json.setSchema(types.schemaOf(method.getGenericReturnType()));
      }
    }
    if (creating) {
      APIResponse created = responses.getAPIResponse("201");
      if (created != null) {
        created.addHeader(
            "Location",
            OASFactory.createHeader()
                .description("the created record's GET (also on a replayed answer)")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")));
        created.addHeader(
            ApiIdempotency.REPLAYED,
            OASFactory.createHeader()
                .description(
                    "true when this is the first answer to the same key and body, replayed;"
                        + " absent on the first answer")
                .schema(
                    OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .addEnumeration("true")));
      }
      if (!responses.hasAPIResponse("409")) {
        responses.addAPIResponse("409", OASFactory.createAPIResponse().ref(KEY_IN_USE));
      }
    }
  }

  /** Turns an operation's JSON examples given as text into JSON values. */
  private static void typeExamples(Operation operation) {
    if (operation.getRequestBody() != null) {
      typeExamples(operation.getRequestBody().getContent());
    }
    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
      operation.getResponses().getAPIResponses().values().forEach(OpenApiCleanup::typeExamples);
    }
    if (operation.getParameters() != null) {
      operation.getParameters().forEach(OpenApiCleanup::typeExample);
    }
  }

  private static void typeExamples(APIResponse response) {
    typeExamples(response.getContent());
    if (response.getHeaders() != null) {
      response.getHeaders().values().forEach(h -> mendDeep(h.getSchema()));
    }
  }

  private static void typeExamples(Content content) {
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    content
        .getMediaTypes()
        .forEach(
            (type, media) -> {
              mendDeep(media.getSchema());
              if (!type.contains("json") || media.getExamples() == null) {
                return;
              }
              media
                  .getExamples()
                  .values()
                  .forEach(
                      example -> {
                        if (example.getValue() instanceof String text) {
                          Object parsed = json(text);
                          if (parsed != null) {
                            example.setValue(parsed);
                          }
                        }
                      });
            });
  }

  private static void typeExample(Parameter parameter) {
    pagingAsIntegers(parameter);
    if (parameter.getSchema() != null) {
      mendDeep(parameter.getSchema());
      if (parameter.getExample() != null) {
        parameter.setExample(typed(parameter.getSchema(), parameter.getExample()));
      }
    }
  }

  /**
   * The paging parameters ({@link CaseListParams}) are bound as text, checked by a pattern, so that
   * {@code page=abc} is a clean 400 (binding them to an {@code int} logged the runtime's stack
   * traces); the contract still says what they are: whole numbers in their ranges.
   */
  private static void pagingAsIntegers(Parameter parameter) {
    if (parameter.getIn() != Parameter.In.QUERY
        || parameter.getSchema() == null
        || !(("page".equals(parameter.getName())) || "size".equals(parameter.getName()))) {
      return;
    }
    boolean page = "page".equals(parameter.getName());
    parameter.setSchema(
        OASFactory.createSchema()
            .addType(Schema.SchemaType.INTEGER)
            .format("int32")
            .minimum(BigDecimal.valueOf(page ? 0 : 1))
            .maximum(BigDecimal.valueOf(page ? 100_000 : CaseListParams.MAX_SIZE))
            .defaultValue(page ? 0 : 20));
  }

  /**
   * Adds the error answers the operation may give and the problem schema to those it describes.
   *
   * @param path the operation's path, e.g. {@code /v1/cases/{code}}
   * @param operation the operation
   */
  static void completeErrors(String path, Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    Map<String, String> answers = new LinkedHashMap<>(EVERY_CALL);
    boolean body = operation.getRequestBody() != null;
    boolean parameters =
        body || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    if (parameters || path.contains("{")) {
      answers.put("400", "BadRequest");
    }
    if (path.contains("{")) {
      answers.put("404", "NotFound");
    }
    if (body) {
      answers.put("413", "TooLarge");
      answers.put("415", "UnsupportedMediaType");
    }
    for (Map.Entry<String, String> answer : answers.entrySet()) {
      if (!responses.hasAPIResponse(answer.getKey())) {
        responses.addAPIResponse(
            answer.getKey(), OASFactory.createAPIResponse().ref(answer.getValue()));
      }
    }
    for (Map.Entry<String, APIResponse> described : responses.getAPIResponses().entrySet()) {
      APIResponse response = described.getValue();
      if (described.getKey().matches("[45]\\d\\d") && response.getRef() == null) {
        Content content = response.getContent();
        if (content == null) {
          content = OASFactory.createContent();
          response.setContent(content);
        }
        var problem = content.getMediaType(Problems.MEDIA_TYPE);
        if (problem == null) {
          problem = OASFactory.createMediaType();
          content.addMediaType(Problems.MEDIA_TYPE, problem);
        }
        if (problem.getSchema() == null) {
          problem.setSchema(OASFactory.createSchema().ref(ApiApplication.PROBLEM));
        }
      }
    }
  }
}
