package rs.astra.nrm.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.casefile.CaseListQuery;
import rs.astra.nrm.casefile.CaseRow;
import rs.astra.nrm.casefile.CaseStatus;

/**
 * The caller's cases: the same list and case page as the portal's, through {@link CaseFileService}
 * — filtered, sorted and paged in the database under the policy's predicate, each name and each
 * category shown an audited read (channel {@code API}).
 */
@Path("/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases")
public class CasesResource {

  @Inject CaseFileService cases;
  @Inject ApiCaller caller;

  /**
   * @param params page, order and filters
   * @return one page of the cases the caller may see
   */
  @GET
  @Operation(
      summary = "The caller's case list",
      description =
          "The cases whose summary the caller may read; the person's name only where she may read"
              + " IDENTITY (each name returned is an audited read).")
  @APIResponse(
      responseCode = "200",
      description = "one page",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "page",
                      value =
                          "{\"page\":0,\"size\":20,\"total\":1,\"items\":[{\"id\":51,\"code\":"
                              + "\"NRM-2026-0051\",\"openedOn\":\"2026-11-30\",\"status\":"
                              + "\"Active\",\"typeOfExploitation\":[\"Labour\"],"
                              + "\"ownerOrganisation\":\"ASTRA\",\"personName\":null,"
                              + "\"owned\":false,\"documents\":null}]}")))
  @APIResponse(responseCode = "400", description = "invalid paging, order or filter")
  @Parameter(
      name = "page",
      in = ParameterIn.QUERY,
      description = "page, from 0",
      example = "0",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
  @Parameter(
      name = "size",
      in = ParameterIn.QUERY,
      description = "rows, 1 to 100",
      example = "20",
      schema =
          @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
  @Parameter(
      name = "sort",
      in = ParameterIn.QUERY,
      description = "code, openedOn, status or personName",
      example = "openedOn",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"code", "openedOn", "status", "personName"},
              defaultValue = "openedOn"))
  @Parameter(
      name = "order",
      in = ParameterIn.QUERY,
      description = "asc or desc",
      example = "desc",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"asc", "desc"},
              defaultValue = "desc"))
  @Parameter(
      name = "code",
      in = ParameterIn.QUERY,
      description = "part of the case code",
      schema = @Schema(type = SchemaType.STRING, maxLength = 40))
  @Parameter(
      name = "name",
      in = ParameterIn.QUERY,
      description = "part of the person's name; only cases the caller's organisation owns",
      schema = @Schema(type = SchemaType.STRING, maxLength = 100))
  @Parameter(
      name = "status",
      in = ParameterIn.QUERY,
      description = "Active, FollowUp, Closed or ClosedReferred",
      example = "Active",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"Active", "FollowUp", "Closed", "ClosedReferred"}))
  public PageView<CaseRow> list(@Valid @BeanParam CaseListParams params) {
    CaseListQuery query =
        new CaseListQuery(
            Math.multiplyExact(params.page, params.size),
            params.size,
            switch (params.sort) {
              case "code" -> CaseListQuery.SortColumn.CODE;
              case "status" -> CaseListQuery.SortColumn.STATUS;
              case "personName" -> CaseListQuery.SortColumn.PERSON_NAME;
              default -> CaseListQuery.SortColumn.OPENED_ON;
            },
            "asc".equals(params.order),
            params.code,
            params.name,
            params.status == null ? null : CaseStatus.valueOf(params.status));
    var viewer = caller.viewer();
    return new PageView<>(
        params.page, params.size, cases.count(viewer, query), cases.list(viewer, query));
  }

  /**
   * @param code the case code
   * @return the case with each category the caller may read, and why the others are hidden
   * @throws NotFoundException when there is no such case or the caller may not see it (the same
   *     answer for both; a refusal of an existing case is recorded)
   */
  @GET
  @Path("{code}")
  @Operation(
      summary = "A case by its code",
      description =
          "Each personal category the caller may read, with its basis, and for each hidden one"
              + " the reason. Every category returned is an audited read.")
  @APIResponse(
      responseCode = "200",
      description = "the case",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "recipient",
                      value =
                          "{\"code\":\"NRM-2026-0051\",\"status\":\"Active\",\"stage\":"
                              + "\"REFERRED\",\"openedOn\":\"2026-11-30\",\"ownerOrganisation\":"
                              + "\"ASTRA\",\"owned\":false,\"readable\":[],\"hidden\":[{"
                              + "\"category\":\"HEALTH\",\"reason\":\"NO_CONSENT\","
                              + "\"emergencyAccessPossible\":true}],\"identity\":null}")))
  @APIResponse(
      responseCode = "404",
      description = "no such case, or one the caller may not see",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "not found",
                      value =
                          "{\"type\":\"urn:nrm:problem:not-found\",\"title\":\"Not found\","
                              + "\"status\":404,\"detail\":\"There is no such record, or it is"
                              + " not shared with your organisation.\"}")))
  public CaseDetailView byCode(
      @PathParam("code")
          @Size(max = 40, message = "api.field.code")
          @Parameter(required = true, example = "NRM-2026-0051")
          String code) {
    return cases
        .findByCode(caller.viewer(), code)
        .map(CaseDetailView::of)
        .orElseThrow(NotFoundException::new);
  }
}
