package rs.astra.nrm.web.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
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
 *       ({@code multipleOf} must be greater than 0) and validators refuse.
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

  @Override
  public Schema filterSchema(Schema schema) {
    BigDecimal multipleOf = schema.getMultipleOf();
    if (multipleOf != null && multipleOf.signum() <= 0) {
      schema.setMultipleOf(null);
    }
    return schema;
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .values()
                    .forEach(operation -> completeErrors(path, operation)));
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
