package rs.astra.nrm.web.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query of {@code GET /api/v1/cases}: paging, order and filters, checked before any read. */
public class CaseListParams {

  /** The largest page the API answers. */
  public static final int MAX_SIZE = 100;

  @QueryParam("page")
  @DefaultValue("0")
  @Min(value = 0, message = "api.field.page")
  @Max(value = 100_000, message = "api.field.page")
  @Parameter(description = "page number, 0-based", example = "0")
  int page;

  @QueryParam("size")
  @DefaultValue("20")
  @Min(value = 1, message = "api.field.size")
  @Max(value = MAX_SIZE, message = "api.field.size")
  @Parameter(description = "rows per page, 1 to 100", example = "20")
  int size;

  @QueryParam("sort")
  @DefaultValue("openedOn")
  @Pattern(regexp = "code|openedOn|status|personName", message = "api.field.sort")
  @Parameter(description = "code, openedOn, status or personName", example = "openedOn")
  String sort;

  @QueryParam("order")
  @DefaultValue("desc")
  @Pattern(regexp = "asc|desc", message = "api.field.order")
  @Parameter(description = "asc or desc", example = "desc")
  String order;

  @QueryParam("code")
  @Size(max = 40, message = "api.field.code")
  @Parameter(description = "part of the case code, ignoring case", example = "2026")
  String code;

  @QueryParam("name")
  @Size(max = 100, message = "api.field.name")
  @Parameter(
      description = "part of the person's name; matches only cases the caller's organisation owns")
  String name;

  @QueryParam("status")
  @Pattern(regexp = "Active|FollowUp|Closed|ClosedReferred", message = "api.field.status")
  @Parameter(
      description = "HTCDS case status: Active, FollowUp, Closed or ClosedReferred",
      example = "Active")
  String status;
}
