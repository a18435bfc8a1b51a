package rs.astra.nrm.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.organisation.NotPermittedException;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.referral.ReferralService;

/**
 * Sending a referral, and the referral inbox of the caller's organisation and its answers, through
 * {@link ReferralService}: the same rules (only the owner sends, and only what a consent or legal
 * basis covers; who reads an inbox, which states answer, reason required, optimistic locking) and
 * the same case timeline and notifications as the case page and the inbox page.
 */
@Path("/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "referrals")
public class ReferralsResource {

  @Inject ReferralService referrals;
  @Inject ApiCaller caller;
  @Inject CaseFileService cases;
  @Inject UserDirectory directory;
  @Inject ApiIdempotency idempotency;
  @Context UriInfo uri;

  /**
   * @param params page and size (sort and filters are ignored: waiting ones first, newest first)
   * @return one page of the referrals sent to the caller's organisation
   */
  @GET
  @Path("inbox")
  @Operation(
      summary = "The referrals sent to the caller's organisation",
      description =
          "Waiting ones (SENT) first, then newest first. Roles that read no case data"
              + " (administrators, data protection officers, hotline operators) are refused.")
  @APIResponse(
      responseCode = "200",
      description = "one page",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "inbox",
                      value =
                          "{\"page\":0,\"size\":20,\"total\":1,\"items\":[{\"id\":7,\"version\":0,"
                              + "\"caseId\":51,\"caseCode\":\"NRM-2026-K7QX-M4P2\",\"from\":\"ASTRA\","
                              + "\"purpose\":\"CRIMINAL_PROCEEDINGS\",\"categories\":[\"IDENTITY\"],"
                              + "\"details\":\"\",\"date\":\"2026-11-30\",\"state\":\"SENT\","
                              + "\"waitingDays\":2}]}")))
  @APIResponse(responseCode = "400", description = "invalid paging")
  @APIResponse(responseCode = "403", description = "the role reads no referral inbox")
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
  public PageView<ReferralService.InboxRow> inbox(@Valid @BeanParam CaseListParams params) {
    var viewer = caller.viewer();
    if (!referrals.readsInbox(viewer)) {
      throw new NotPermittedException("referral inbox");
    }
    return new PageView<>(
        params.page(),
        params.size(),
        referrals.countInbox(viewer, null),
        referrals.inbox(
            viewer, null, Math.multiplyExact(params.page(), params.size()), params.size()));
  }

  /**
   * @param id the referral
   * @param form the version read
   */
  @POST
  @Path("{id}/accept")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Accept a referral that waits (SENT)")
  @APIResponse(responseCode = "204", description = "accepted")
  @APIResponse(responseCode = "404", description = "no such referral to the caller's organisation")
  @APIResponse(responseCode = "409", description = "someone changed it since it was read")
  @APIResponse(responseCode = "422", description = "it is not waiting")
  public void accept(
      @PathParam("id") long id, @Valid @NotNull(message = "api.field.body") AnswerForm form) {
    referrals.accept(caller.viewer(), id, form.version);
  }

  /**
   * @param id the referral
   * @param form the version read and the reason
   */
  @POST
  @Path("{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reject a referral that waits (SENT), with a reason")
  @APIResponse(responseCode = "204", description = "rejected")
  @APIResponse(responseCode = "422", description = "no reason, or it is not waiting")
  @APIResponse(responseCode = "404", description = "no such referral to the caller's organisation")
  @APIResponse(responseCode = "409", description = "someone changed it since it was read")
  public void reject(
      @PathParam("id") long id, @Valid @NotNull(message = "api.field.body") AnswerForm form) {
    referrals.reject(caller.viewer(), id, form.version, form.reason);
  }

  /**
   * @param id the referral
   * @param form the version read
   */
  @POST
  @Path("{id}/complete")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Complete an accepted referral")
  @APIResponse(responseCode = "204", description = "completed")
  @APIResponse(responseCode = "404", description = "no such referral to the caller's organisation")
  @APIResponse(responseCode = "409", description = "someone changed it since it was read")
  @APIResponse(responseCode = "422", description = "it is not accepted")
  public void complete(
      @PathParam("id") long id, @Valid @NotNull(message = "api.field.body") AnswerForm form) {
    referrals.complete(caller.viewer(), id, form.version);
  }

  /**
   * Sends a referral, as the case page's referral dialog does: the same service, the same checks.
   *
   * @param form the case, recipient, purpose, categories and details
   * @return 201 with the new referral's id; the same for a retry with the same key and body
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      summary = "Send a referral of a case the caller's organisation owns",
      description =
          "As the case page's referral dialog: every personal category asked for must be covered,"
              + " for this recipient and purpose, by the person's active consent or a legal basis"
              + " (else 422 with the categories missing); the case summary always travels. The"
              + " recipient is told. Needs an Idempotency-Key.")
  @Parameter(ref = IdempotencyFilter.HEADER)
  @APIResponse(
      responseCode = "201",
      description = "sent (or sent before with this key: Idempotent-Replayed: true)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "created", value = "{\"id\":207}")))
  @APIResponse(responseCode = "400", description = "invalid input, or no Idempotency-Key")
  @APIResponse(
      responseCode = "403",
      description = "the caller's organisation does not own the case (the refusal is audited)")
  @APIResponse(responseCode = "404", description = "no such case")
  @APIResponse(
      responseCode = "422",
      description =
          "a category no consent covers, an unknown recipient, the own organisation, or the key"
              + " used for another body",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "not covered",
                      value =
                          "{\"type\":\"urn:nrm:problem:request-refused\",\"title\":"
                              + "\"Request refused\",\"status\":422,\"detail\":\"The person"
                              + " has no active consent for this institution and purpose. Record"
                              + " her consent first. Missing: HEALTH\"}")))
  public Response send(
      @Valid
          @NotNull(message = "api.field.body")
          @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples =
                          @ExampleObject(
                              name = "health care",
                              value =
                                  "{\"caseCode\":\"NRM-2026-K7QX-M4P2\",\"toOrganisation\":"
                                      + "\"Univerzitetski klinički centar Srbije\",\"purpose\":\"HEALTH_CARE\","
                                      + "\"categories\":[\"HEALTH\"],\"details\":"
                                      + "\"Needs a medical examination this week.\"}")))
          ReferralForm form) {
    var viewer = caller.viewer();
    // A code that names no case, or a case she may not know of (not shared, merged): the service's
    // case.notFound (404), the same answer; unknown recipient: its referral.error.incomplete, one
    // deactivated: organisation.error.inactive.
    long caseId = cases.knownIdOf(viewer, form.caseCode).orElse(-1L);
    // A deactivated one by its id too, so that the service refuses it as inactive
    // (organisation.error.inactive; trial of 2026-12-07), not as missing.
    long toOrganisationId = directory.organisationIdByName(form.toOrganisation).orElse(-1L);
    return idempotency.create(
        "referral",
        id -> uri.getBaseUriBuilder().path("v1/referrals/{id}").build(id),
        () ->
            referrals.send(
                viewer, caseId, toOrganisationId, form.purpose, form.chosen(), form.details));
  }

  /**
   * Reads back a referral, as the case page lists it ({@link ReferralService#referral}): the case's
   * owner sees every referral of it, a recipient those sent to her organisation, while the policy
   * lets her read the case summary.
   *
   * @param id the referral
   * @return the referral
   * @throws NotFoundException when there is none or the caller may not see it (the same answer)
   */
  @GET
  @Path("{id}")
  @Operation(
      summary = "A referral, as the case page lists it",
      description =
          "The Location of a sent referral: the case's owner sees each referral of it, the"
              + " recipient those sent to her organisation, while the access policy lets her read"
              + " the case summary; any other referral answers the same 404 as one that does not"
              + " exist.")
  @APIResponse(
      responseCode = "200",
      description = "the referral",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "sent",
                      value =
                          "{\"id\":207,\"version\":0,\"caseCode\":\"NRM-2026-K7QX-M4P2\",\"from\":"
                              + "\"ASTRA\",\"to\":\"Univerzitetski klinički centar Srbije\",\"purpose\":"
                              + "\"HEALTH_CARE\",\"categories\":[\"HEALTH\"],\"details\":"
                              + "\"Needs a medical examination this week.\",\"date\":"
                              + "\"2026-12-06\",\"state\":\"SENT\",\"reason\":null}")))
  public ReferralService.ReferralLine referral(
      @PathParam("id") @Parameter(required = true, example = "207") long id) {
    return referrals.referral(caller.viewer(), id).orElseThrow(NotFoundException::new);
  }
}
