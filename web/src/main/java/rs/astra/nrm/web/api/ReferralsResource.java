package rs.astra.nrm.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rs.astra.nrm.organisation.NotPermittedException;
import rs.astra.nrm.referral.ReferralService;

/**
 * The referral inbox of the caller's organisation and its answers, through {@link ReferralService}:
 * the same rules (who reads an inbox, which states answer, reason required, optimistic locking) and
 * the same case timeline and notifications as the inbox page.
 */
@Path("/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "referrals")
public class ReferralsResource {

  @Inject ReferralService referrals;
  @Inject ApiCaller caller;

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
                              + "\"caseId\":51,\"caseCode\":\"NRM-2026-0051\",\"from\":\"ASTRA\","
                              + "\"purpose\":\"CRIMINAL_PROCEEDINGS\",\"categories\":[\"IDENTITY\"],"
                              + "\"details\":\"\",\"date\":\"2026-11-30\",\"state\":\"SENT\","
                              + "\"waitingDays\":2}]}")))
  @APIResponse(responseCode = "403", description = "the role reads no referral inbox")
  public PageView<ReferralService.InboxRow> inbox(@Valid @BeanParam CaseListParams params) {
    var viewer = caller.viewer();
    if (!referrals.readsInbox(viewer)) {
      throw new NotPermittedException("referral inbox");
    }
    return new PageView<>(
        params.page,
        params.size,
        referrals.countInbox(viewer, null),
        referrals.inbox(viewer, null, Math.multiplyExact(params.page, params.size), params.size));
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
}
