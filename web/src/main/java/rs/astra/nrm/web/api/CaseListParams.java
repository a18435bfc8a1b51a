package rs.astra.nrm.web.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The query of {@code GET /api/v1/cases}: paging ({@code page} from 0, {@code size} 1–100), order
 * ({@code sort}: code, openedOn, status or personName; {@code order}: asc or desc) and filters
 * ({@code code}, {@code name} — matching only cases the caller's organisation owns — and {@code
 * status}: Active, FollowUp, Closed or ClosedReferred), checked before any read. No OpenAPI
 * {@code @Parameter} here: Payara's OpenAPI processor fails on it in a bean parameter.
 */
public class CaseListParams {

  /** The largest page the API answers. */
  public static final int MAX_SIZE = 100;

  // Page and size are read as text and checked by a pattern, not bound to an int by the JAX-RS
  // runtime: its failure to bind a bean parameter (page=abc) logged HK2's stack traces.

  @QueryParam("page")
  @DefaultValue("0")
  @Pattern(regexp = "0*(\\d{1,5}|100000)", message = "api.field.page")
  String page;

  @QueryParam("size")
  @DefaultValue("20")
  @Pattern(regexp = "0*([1-9]\\d?|100)", message = "api.field.size")
  String size;

  @QueryParam("sort")
  @DefaultValue("openedOn")
  @Pattern(regexp = "code|openedOn|status|personName", message = "api.field.sort")
  String sort;

  @QueryParam("order")
  @DefaultValue("desc")
  @Pattern(regexp = "asc|desc", message = "api.field.order")
  String order;

  @QueryParam("code")
  @Size(max = 40, message = "api.field.code")
  String code;

  @QueryParam("name")
  @Size(max = 100, message = "api.field.name")
  String name;

  @QueryParam("status")
  @Pattern(regexp = "Active|FollowUp|Closed|ClosedReferred", message = "api.field.status")
  String status;

  /**
   * @return the page, from 0 to 100 000 (valid once Bean Validation passed the query)
   */
  int page() {
    return Integer.parseInt(page);
  }

  /**
   * @return the page size, from 1 to {@value #MAX_SIZE}
   */
  int size() {
    return Integer.parseInt(size);
  }
}
