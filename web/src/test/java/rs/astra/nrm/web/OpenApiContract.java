package rs.astra.nrm.web;

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
}
