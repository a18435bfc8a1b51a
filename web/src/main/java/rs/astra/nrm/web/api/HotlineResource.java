package rs.astra.nrm.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rs.astra.nrm.hotline.HotlineService;

/**
 * The SOS hotline's call log for the NGO's telephony: recording a call with its job-offer check
 * through {@link HotlineService}, as the call page does — the same users (hotline staff of an NGO),
 * the same rules and the same registry of employers and agencies.
 */
@Path("/v1/hotline/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "hotline")
public class HotlineResource {

  @Inject HotlineService hotline;
  @Inject ApiCaller caller;
  @Inject ApiIdempotency idempotency;
  @Context UriInfo uri;

  /**
   * Records a call and its job-offer check.
   *
   * @param form the call
   * @return 201 with the new call's id; the same for a retry with the same key and body
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      summary = "Record a hotline call, with its job-offer check",
      description =
          "As the call page: only hotline staff of an NGO (operators, caseworkers, coordinators)"
              + " record calls; the employer and agency of a check are filed in the"
              + " organisation's registry; a contact is kept only with the caller's agreement."
              + " Needs an Idempotency-Key (the telephony's call id fits).")
  @Parameter(ref = IdempotencyFilter.HEADER)
  @APIResponse(
      responseCode = "201",
      description = "recorded (or recorded before with this key: Idempotent-Replayed: true)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "created", value = "{\"id\":3301}")))
  @APIResponse(responseCode = "400", description = "invalid input, or no Idempotency-Key")
  @APIResponse(responseCode = "403", description = "the caller does not use the hotline")
  @APIResponse(
      responseCode = "422",
      description =
          "a time ahead, a follow-up before the call, a contact without agreement, a check"
              + " without employer or agency, or the key used for another body")
  public Response record(
      @Valid
          @NotNull(message = "api.field.body")
          @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples =
                          @ExampleObject(
                              name = "job offer",
                              value =
                                  "{\"calledAt\":\"2026-12-06T08:15:00Z\",\"durationMinutes\":12,"
                                      + "\"channel\":\"PHONE\",\"callerType\":"
                                      + "\"POTENTIAL_VICTIM\",\"language\":\"SERBIAN\","
                                      + "\"purpose\":\"JOB_OFFER_CHECK\",\"check\":{"
                                      + "\"employerName\":\"Agro Export d.o.o.\","
                                      + "\"destinationCountry\":\"DE\",\"jobType\":"
                                      + "\"fruit picking\",\"promisedWage\":2500,\"currency\":"
                                      + "\"EUR\",\"redFlags\":[\"WAGE_FAR_ABOVE_MARKET\"],"
                                      + "\"outcome\":\"TRAFFICKING_RISK\"}}")))
          HotlineCallForm form) {
    var viewer = caller.viewer();
    return idempotency.create(
        "hotline-call",
        id -> uri.getBaseUriBuilder().path("v1/hotline/calls/{id}").build(id),
        () -> hotline.record(viewer, form.toService()));
  }

  /**
   * Reads back a call of the caller's organisation with its job-offer check, as the call log shows
   * it ({@link HotlineService#call}).
   *
   * @param id the call
   * @return the call
   * @throws NotFoundException when the organisation has no call with that id
   */
  @GET
  @Path("{id}")
  @Operation(
      summary = "A recorded hotline call, with its job-offer check",
      description =
          "The call as the organisation's call log shows it (the Location of a recorded call):"
              + " hotline staff of an NGO only, and only their organisation's calls; another"
              + " organisation's call answers the same 404 as one that does not exist.")
  @APIResponse(
      responseCode = "200",
      description = "the call",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "job offer",
                      value =
                          "{\"id\":3301,\"version\":0,\"calledAt\":\"2026-12-06T08:15:00Z\","
                              + "\"durationMinutes\":12,\"channel\":\"PHONE\",\"callerType\":"
                              + "\"POTENTIAL_VICTIM\",\"purpose\":\"JOB_OFFER_CHECK\","
                              + "\"followedUp\":false,\"takenBy\":\"ngo-telephony\",\"check\":"
                              + "{\"employerName\":\"Agro Export d.o.o.\",\"outcome\":"
                              + "\"TRAFFICKING_RISK\"}}")))
  public HotlineService.CallRow call(
      @PathParam("id") @Parameter(required = true, example = "3301") long id) {
    return hotline.call(caller.viewer(), id).orElseThrow(NotFoundException::new);
  }
}
