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
