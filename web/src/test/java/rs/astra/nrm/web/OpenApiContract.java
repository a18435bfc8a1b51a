package rs.astra.nrm.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The API's OpenAPI document as a client reads it (issue 22, "the OpenAPI document validates and
 * every path in it is exercised by a test"): validated by swagger-parser, and its operations
 * compared with the calls the tests made. Runs on the test client only; never deployed.
 */
final class OpenApiContract {

  private OpenApiContract() {}

  /**
   * @param document the document as served at {@code /openapi}, JSON or YAML
   * @return what the validator finds wrong with it; empty when it is valid
   */
  static List<String> problems(String document) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
    List<String> problems = new ArrayList<>();
    if (result.getMessages() != null) {
      problems.addAll(result.getMessages());
    }
    if (result.getOpenAPI() == null) {
      problems.add("not an OpenAPI document");
    }
    return problems;
  }

  /**
   * @param document the document as served
   * @return every operation it names, as {@code METHOD /path/{param}}
   */
  static TreeSet<String> operations(String document) {
    OpenAPI api =
        new OpenAPIV3Parser().readContents(document, null, new ParseOptions()).getOpenAPI();
    TreeSet<String> operations = new TreeSet<>();
    if (api == null || api.getPaths() == null) {
      return operations;
    }
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      path.getValue()
          .readOperationsMap()
          .keySet()
          .forEach(method -> operations.add(method.name() + " " + path.getKey()));
    }
    return operations;
  }

  /** The answers every operation documents: ApiGate's and the exception mapper's. */
  static final List<String> EVERY_OPERATION = List.of("401", "403", "406", "429", "500", "503");

  /** The problem details' media type (RFC 9457). */
  private static final String PROBLEM = "application/problem+json";

  /**
   * The error answers the document leaves out or describes without the problem-details schema:
   * every operation documents {@link #EVERY_OPERATION}; one with a body also 400, 413 and 415; one
   * whose path names a record also 404; and each error answer (4xx, 5xx), directly or through the
   * component response it refers to, is {@code application/problem+json} with a schema.
   *
   * @param document the document as served
   * @return {@code METHOD /path: what is missing}, one per defect; empty when complete
   */
  static List<String> missingErrors(String document) {
    OpenAPI api =
        new OpenAPIV3Parser().readContents(document, null, new ParseOptions()).getOpenAPI();
    List<String> missing = new ArrayList<>();
    if (api == null || api.getPaths() == null) {
      missing.add("no operations");
      return missing;
    }
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      for (var op : path.getValue().readOperationsMap().entrySet()) {
        String name = op.getKey().name() + " " + path.getKey();
        var responses = op.getValue().getResponses();
        List<String> expected = new ArrayList<>(EVERY_OPERATION);
        if (op.getValue().getRequestBody() != null) {
          expected.addAll(List.of("400", "413", "415"));
        }
        if (path.getKey().contains("{")) {
          expected.add("404");
        }
        for (String code : expected) {
          if (responses == null || !responses.containsKey(code)) {
            missing.add(name + ": no " + code);
          }
        }
        if (responses == null) {
          continue;
        }
        for (var answer : responses.entrySet()) {
          if (!answer.getKey().matches("[45]\\d\\d")) {
            continue;
          }
          var response = answer.getValue();
          if (response.get$ref() != null) {
            String component = response.get$ref().replaceFirst(".*/", "");
            response =
                api.getComponents() == null || api.getComponents().getResponses() == null
                    ? null
                    : api.getComponents().getResponses().get(component);
          }
          if (response == null
              || response.getContent() == null
              || response.getContent().get(PROBLEM) == null
              || response.getContent().get(PROBLEM).getSchema() == null) {
            missing.add(name + ": " + answer.getKey() + " without the problem schema");
          }
        }
      }
    }
    return missing;
  }

  /**
   * The schemas' defects a client's validator or code generator trips on: a negative or absurd
   * constraint ({@code maxItems} below 0, {@code minItems} or {@code maxLength} of 2147483647, any
   * negative count), {@code maxProperties: 0} (no object would validate), a property whose Java
   * type is an enum or a date but whose schema is not a string (an enum without its values, a date
   * without its format), an {@code int64} typed as a number, an array without item type, an example
   * whose JSON type differs from its schema's; and a documented 2xx JSON answer or a request body
   * without a schema, or with an example that is text instead of the JSON value.
   *
   * @param document the document as served, JSON
   * @param enums the Java enums and dates the bodies and answers hold, by {@code Schema.property};
   *     each value {@code enum}, {@code date} or {@code date-time}
   * @return one line per defect; empty when none
   */
  static List<String> schemaDefects(String document, Map<String, String> enums) {
    JsonNode api = read(document);
    List<String> defects = new ArrayList<>();
    walk(api, "#", defects);
    JsonNode schemas = api.path("components").path("schemas");
    for (var expected : enums.entrySet()) {
      String[] at = expected.getKey().split("\\.");
      JsonNode p = schemas.path(at[0]).path("properties").path(at[1]);
      if (!p.isObject()) {
        defects.add(expected.getKey() + ": missing");
        continue;
      }
      JsonNode typed = p.has("items") ? p.get("items") : p;
      if (!types(typed).contains("string")) {
        defects.add(expected.getKey() + ": not a string but " + p);
      } else if (expected.getValue().equals("enum") && !typed.has("enum")) {
        defects.add(expected.getKey() + ": no enumeration");
      } else if (!expected.getValue().equals("enum")
          && !expected.getValue().equals(typed.path("format").asText())) {
        defects.add(expected.getKey() + ": not of format " + expected.getValue());
      }
    }
    JsonNode paths = api.path("paths");
    for (var path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
      for (var op : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
        JsonNode operation = op.getValue();
        if (!operation.has("responses")) {
          continue;
        }
        String name = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
        for (var answer :
            (Iterable<Map.Entry<String, JsonNode>>) operation.get("responses")::fields) {
          JsonNode json = answer.getValue().path("content").path("application/json");
          if (answer.getKey().startsWith("2") && json.isObject() && !json.has("schema")) {
            defects.add(name + ": " + answer.getKey() + " JSON answer without a schema");
          }
        }
        if (operation.has("requestBody")
            && !operation
                .path("requestBody")
                .path("content")
                .path("application/json")
                .has("schema")) {
          defects.add(name + ": JSON body without a schema");
        }
      }
    }
    return defects;
  }

  private static JsonNode read(String document) {
    try {
      return new ObjectMapper().readTree(document);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final java.util.Set<String> COUNTS =
      java.util.Set.of(
          "maxItems",
          "minItems",
          "maxLength",
          "minLength",
          "maxProperties",
          "minProperties",
          "maxContains",
          "minContains");

  /** Checks every schema-like object below {@code at}. */
  private static void walk(JsonNode value, String at, List<String> defects) {
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        walk(value.get(i), at + "/" + i, defects);
      }
      return;
    }
    if (!value.isObject()) {
      return;
    }
    for (String count : COUNTS) {
      if (value.path(count).isNumber()
          && (value.get(count).asLong() < 0 || value.get(count).asLong() >= Integer.MAX_VALUE)) {
        defects.add(at + ": " + count + " " + value.get(count));
      }
    }
    if (value.path("maxProperties").isNumber() && value.get("maxProperties").asLong() == 0) {
      defects.add(at + ": maxProperties 0");
    }
    if ("int64".equals(value.path("format").asText()) && !types(value).contains("integer")) {
      defects.add(at + ": int64 not an integer");
    }
    if ("array".equals(value.path("type").asText())
        && "array".equals(value.path("items").path("type").asText())
        && !value.get("items").has("items")) {
      defects.add(at + ": array of untyped arrays");
    }
    String type = value.path("type").isTextual() ? value.get("type").asText() : null;
    if (type != null && !at.endsWith("/properties")) {
      for (String key : List.of("example", "default")) {
        if (value.has(key) && !fits(type, value.get(key))) {
          defects.add(at + ": " + key + " " + value.get(key) + " is no " + type);
        }
      }
      if (value.path("examples").isArray()) {
        for (JsonNode e : value.get("examples")) {
          if (!fits(type, e)) {
            defects.add(at + ": example " + e + " is no " + type);
          }
        }
      }
    }
    if (at.contains("/content/") && value.path("value").isTextual()) {
      String v = value.get("value").asText().strip();
      if (v.startsWith("{") || v.startsWith("[")) {
        defects.add(at + ": example value is JSON as text");
      }
    }
    value.fields().forEachRemaining(e -> walk(e.getValue(), at + "/" + e.getKey(), defects));
  }

  /** The names of a schema's {@code type}: one, or the list of OpenAPI 3.1. */
  private static List<String> types(JsonNode schema) {
    List<String> types = new ArrayList<>();
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      types.add(type.asText());
    }
    type.forEach(t -> types.add(t.asText()));
    return types;
  }

  private static boolean fits(String type, JsonNode value) {
    return switch (type) {
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "array" -> value.isArray();
      case "object" -> value.isObject();
      default -> true;
    };
  }

  /**
   * @param document the document as served
   * @param method e.g. {@code POST}
   * @param path the operation's path in the document, or its end (below the context root)
   * @return the {@code $ref}s of the operation's parameters (empty when none refers to a component)
   */
  static List<String> parameterRefs(String document, String method, String path) {
    OpenAPI api =
        new OpenAPIV3Parser().readContents(document, null, new ParseOptions()).getOpenAPI();
    PathItem item =
        api.getPaths().entrySet().stream()
            .filter(e -> e.getKey().endsWith(path))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    var operation =
        item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
    List<String> refs = new ArrayList<>();
    if (operation != null && operation.getParameters() != null) {
      operation.getParameters().stream()
          .map(p -> p.get$ref())
          .filter(java.util.Objects::nonNull)
          .forEach(refs::add);
    }
    return refs;
  }

  /**
   * @param operation {@code METHOD /path/{param}} from the document
   * @param calls the calls made, each {@code METHOD /context/path} without the query
   * @return whether one of the calls is that operation (a parameter matches one path segment; the
   *     document's paths may lie below a context root)
   */
  static boolean exercised(String operation, Iterable<String> calls) {
    int space = operation.indexOf(' ');
    String method = operation.substring(0, space);
    String template = operation.substring(space + 1);
    StringBuilder regex = new StringBuilder(".*");
    for (String part : template.split("(?=\\{)|(?<=\\})")) {
      regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    Pattern pattern = Pattern.compile(regex.toString());
    for (String call : calls) {
      int s = call.indexOf(' ');
      if (call.substring(0, s).equals(method) && pattern.matcher(call.substring(s + 1)).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param document the document as served, JSON
   * @param method e.g. {@code get}
   * @param path the operation's path, or its end
   * @return the operation, or {@code null}
   */
  static JsonNode operation(String document, String method, String path) {
    JsonNode paths = read(document).path("paths");
    for (var p : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
      if (p.getKey().endsWith(path)) {
        return p.getValue().get(method.toLowerCase(java.util.Locale.ROOT));
      }
    }
    return null;
  }

  /**
   * @param document the document as served, JSON
   * @param method e.g. {@code POST}
   * @param path the operation's path, or its end
   * @param code the status
   * @return the answer as the operation declares it (a {@code $ref} not followed), or {@code null}
   */
  static JsonNode answer(String document, String method, String path, String code) {
    JsonNode operation = operation(document, method, path);
    return operation == null ? null : operation.path("responses").get(code);
  }

  /**
   * Validates the JSON bodies of successful calls against the document's schemas (JSON Schema
   * 2020-12, the dialect of OpenAPI 3.1), by networknt's validator: the request body against the
   * operation's request body schema, the answer against its status's {@code application/json}
   * schema.
   *
   * @param document the document as served, JSON
   * @param exchanged one JSON object a line: {@code call} ({@code METHOD /context/path}), {@code
   *     status}, {@code request} (empty when none) and {@code response}
   * @return {@code call status: what is wrong}, one per defect; empty when every body validates
   */
  static List<String> invalidBodies(String document, List<String> exchanged) {
    JsonNode api = read(document);
    var factory =
        com.networknt.schema.JsonSchemaFactory.getInstance(
            com.networknt.schema.SpecVersion.VersionFlag.V202012);
    List<String> invalid = new ArrayList<>();
    for (String line : exchanged) {
      JsonNode noted = read(line);
      String call = noted.get("call").asText();
      String status = noted.get("status").asText();
      String operation =
          operations(document).stream()
              .filter(o -> exercised(o, List.of(call)))
              .findFirst()
              .orElse(null);
      if (operation == null) {
        invalid.add(call + ": no operation in the document");
        continue;
      }
      int space = operation.indexOf(' ');
      JsonNode op =
          api.path("paths")
              .path(operation.substring(space + 1))
              .path(operation.substring(0, space).toLowerCase(java.util.Locale.ROOT));
      List<Map.Entry<String, JsonNode>> checks = new ArrayList<>();
      if (!noted.get("request").asText().isEmpty()) {
        checks.add(
            Map.entry(
                "request",
                op.path("requestBody").path("content").path("application/json").path("schema")));
      }
      checks.add(
          Map.entry(
              "response",
              op.path("responses")
                  .path(status)
                  .path("content")
                  .path("application/json")
                  .path("schema")));
      for (var check : checks) {
        if (check.getValue().isMissingNode()) {
          invalid.add(call + " " + status + ": no schema for the " + check.getKey());
          continue;
        }
        var schema = check.getValue().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) schema)
            .set("components", api.path("components"));
        var messages = factory.getSchema(schema).validate(read(noted.get(check.getKey()).asText()));
        messages.forEach(m -> invalid.add(call + " " + status + " " + check.getKey() + ": " + m));
      }
    }
    return invalid;
  }
}
