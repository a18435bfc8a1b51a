package rs.astra.nrm.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rs.astra.nrm.casefile.CaseCodes;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.casefile.CaseListQuery;
import rs.astra.nrm.casefile.CaseRestrictionService;
import rs.astra.nrm.casefile.CaseRow;
import rs.astra.nrm.casefile.CaseStatus;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessDeniedException;
import rs.astra.nrm.consent.DenyReason;
import rs.astra.nrm.proceedings.ProceedingsService;

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
  @Inject ProceedingsService proceedings;
  @Inject CaseCodes codes;
  @Inject CaseRestrictionService restrictions;
  @Inject ApiIdempotency idempotency;
  @Context UriInfo uri;

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
                              + "\"NRM-2026-K7QX-M4P2\",\"openedOn\":\"2026-11-30\",\"status\":"
                              + "\"Active\",\"typeOfExploitation\":[\"ForcedLabour\"],"
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
            Math.multiplyExact(params.page(), params.size()),
            params.size(),
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
        params.page(), params.size(), cases.count(viewer, query), cases.list(viewer, query));
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
                          "{\"code\":\"NRM-2026-K7QX-M4P2\",\"status\":\"Active\",\"stage\":"
                              + "\"REFERRED\",\"openedOn\":\"2026-11-30\",\"ownerOrganisation\":"
                              + "\"ASTRA\",\"owned\":false,\"readable\":[],\"hidden\":[{"
                              + "\"category\":\"HEALTH\",\"reason\":\"NO_CONSENT\","
                              + "\"emergencyAccessPossible\":true}],\"identity\":null}")))
  @APIResponse(
      responseCode = "403",
      description =
          "restricted (GDPR Art. 18): told to the owner's users and the recipients only, as on the"
              + " case page",
      content = @Content(mediaType = Problems.MEDIA_TYPE))
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
          @Parameter(required = true, example = "NRM-2026-K7QX-M4P2")
          String code) {
    var viewer = caller.viewer();
    return cases
        .findByCode(viewer, code)
        .map(CaseDetailView::of)
        .orElseThrow(
            () ->
                // As the case page: the owner's users and the recipients are told "restricted".
                codes.idOf(code).filter(id -> restrictions.isRestrictedFor(viewer, id)).isPresent()
                    ? new AccessDeniedException(
                        DataCategory.CASE_SUMMARY, AccessAction.READ, DenyReason.RESTRICTED)
                    : new NotFoundException());
  }

  /**
   * Records a step of the criminal proceedings, as the case page's proceedings form does: the same
   * service, the same permission (UPDATE of LEGAL_PROCEEDINGS — the police and prosecutors on a
   * case referred to them, the owner — audited with the channel {@code API}) and the same rules.
   *
   * @param code the case code
   * @param form the step
   * @return 201 with the new entry's id; the same for a retry with the same key and body
   */
  @POST
  @Path("{code}/proceedings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      summary = "Record a step of the criminal proceedings",
      description =
          "As the case page's proceedings form: the caller's institution records the kinds of"
              + " step that belong to it (police: complaint, investigation; prosecutors:"
              + " indictment, hearing, verdict…), only a hearing may lie ahead. Needs an"
              + " Idempotency-Key: a retry with the same key and body answers the first answer"
              + " and records nothing again.")
  @Parameter(ref = IdempotencyFilter.HEADER)
  @APIResponse(
      responseCode = "201",
      description = "recorded (or recorded before with this key: Idempotent-Replayed: true)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "created", value = "{\"id\":1051}")))
  @APIResponse(responseCode = "400", description = "invalid input, or no Idempotency-Key")
  @APIResponse(
      responseCode = "403",
      description = "the caller may not record the case's proceedings (the refusal is audited)")
  @APIResponse(responseCode = "404", description = "no such case")
  @APIResponse(
      responseCode = "422",
      description =
          "a step that is not the institution's, a date ahead, or the key used for another body",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "key reused",
                      value =
                          "{\"type\":\"urn:nrm:problem:idempotency-key-reused\",\"title\":"
                              + "\"Idempotency key used before\",\"status\":422,\"detail\":"
                              + "\"This Idempotency-Key was used for another request; nothing"
                              + " was changed.\"}")))
  public Response recordProceedings(
      @PathParam("code")
          @Size(max = 40, message = "api.field.code")
          @Parameter(required = true, example = "NRM-2026-K7QX-M4P2")
          String code,
      @Valid
          @NotNull(message = "api.field.body")
          @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples =
                          @ExampleObject(
                              name = "complaint",
                              value =
                                  "{\"kind\":\"COMPLAINT_FILED\",\"date\":\"2026-12-01\","
                                      + "\"offence\":\"ART_388_TRAFFICKING\","
                                      + "\"suspectsCount\":2,\"note\":\"KT 123/26\"}")))
          ProceedingsStepForm form) {
    var viewer = caller.viewer();
    // A code that names no case, or a case she may not know of (not shared, merged), is the
    // service's case.notFound (404), the same answer: a refusal must not tell which codes exist.
    long caseId = cases.knownIdOf(viewer, code).orElse(-1L);
    return idempotency.create(
        "proceedings-entry",
        id -> uri.getBaseUriBuilder().path("v1/cases/{code}/proceedings/{id}").build(code, id),
        () -> proceedings.record(viewer, caseId, form.toService()));
  }

  /**
   * Reads back a step of the criminal proceedings, as the case page's proceedings section shows it
   * ({@link ProceedingsService#entry}): READ of LEGAL_PROCEEDINGS decided by the policy and audited
   * with the channel {@code API}; under an own-records permit (the police, prosecutors) only the
   * organisation's own entries.
   *
   * @param code the case code
   * @param id the entry
   * @return the entry
   * @throws NotFoundException when there is no such case or entry, or the caller may not read it
   *     (the same answer)
   */
  @GET
  @Path("{code}/proceedings/{id}")
  @Operation(
      summary = "A recorded step of the criminal proceedings",
      description =
          "The entry as the case page shows it (the Location of a recorded step). An audited read"
              + " of LEGAL_PROCEEDINGS; the police and prosecutors read their own organisation's"
              + " entries only. A step the caller may not read answers the same 404 as one that"
              + " does not exist.")
  @APIResponse(
      responseCode = "200",
      description = "the step",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "complaint",
                      value =
                          "{\"id\":1051,\"kind\":\"COMPLAINT_FILED\",\"date\":\"2026-12-01\","
                              + "\"organisation\":\"Uprava granične policije\",\"offence\":"
                              + "\"ART_388_TRAFFICKING\",\"suspectsCount\":2,\"victimStatus\":"
                              + "null,\"outcome\":null,\"sentence\":null,\"note\":\"KT 123/26\"}")))
  public ProceedingsService.EntryLine proceedingsStep(
      @PathParam("code")
          @Size(max = 40, message = "api.field.code")
          @Parameter(required = true, example = "NRM-2026-K7QX-M4P2")
          String code,
      @PathParam("id") @Parameter(required = true, example = "1051") long id) {
    var viewer = caller.viewer();
    return codes
        .idOf(code)
        .flatMap(caseId -> proceedings.entry(viewer, caseId, id))
        .orElseThrow(NotFoundException::new);
  }
}
