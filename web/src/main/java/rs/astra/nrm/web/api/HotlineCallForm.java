package rs.astra.nrm.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import rs.astra.nrm.hotline.CallChannel;
import rs.astra.nrm.hotline.CallLanguage;
import rs.astra.nrm.hotline.CallPurpose;
import rs.astra.nrm.hotline.CallerType;
import rs.astra.nrm.hotline.NewCallForm;

/**
 * The body of a hotline call recorded through the API (the NGO's telephony): what the call page
 * asks, with the job-offer check made in the call. The service decides the rest as for the page:
 * only hotline users of an NGO record calls, the time is not in the future, the follow-up not
 * before the call, a contact only with the caller's agreement.
 */
@Schema(description = "an SOS hotline call")
public class HotlineCallForm {

  /** When the call began (ISO 8601 instant, UTC); absent = now. */
  @Schema(example = "2026-12-06T08:15:00Z")
  public Instant calledAt;

  /** Length in minutes, 0 to 600. */
  @PositiveOrZero(message = "api.field.durationMinutes")
  @Max(value = 600, message = "api.field.durationMinutes")
  @Schema(example = "12")
  public Integer durationMinutes;

  /** How it came. */
  @NotNull(message = "api.field.channel")
  @Schema(required = true, example = "PHONE")
  public CallChannel channel;

  /** Who called. */
  @NotNull(message = "api.field.callerType")
  @Schema(required = true, example = "POTENTIAL_VICTIM")
  public CallerType callerType;

  /** The language spoken. */
  @Schema(example = "SERBIAN")
  public CallLanguage language;

  /** Why. */
  @NotNull(message = "api.field.purpose")
  @Schema(required = true, example = "JOB_OFFER_CHECK")
  public CallPurpose purpose;

  /** What was said, up to 4000 characters. */
  @Size(max = 4000, message = "api.field.summary")
  public String summary;

  /** What was done or advised, up to 2000 characters. */
  @Size(max = 2000, message = "api.field.outcome")
  public String outcome;

  /** Day to follow up (ISO 8601), not before the call's day. */
  @Schema(example = "2026-12-10")
  public LocalDate followUpOn;

  /** How the caller wants to be known, up to 100 characters. */
  @Size(max = 100, message = "api.field.callerAlias")
  public String callerAlias;

  /** Phone or e-mail, up to 255 characters; kept only with {@code callerAgreed}. */
  @Size(max = 255, message = "api.field.callerContact")
  public String callerContact;

  /** Whether the caller agreed that her contact is kept. */
  public boolean callerAgreed;

  /** The code of a case to link the call to (caseworkers and coordinators). */
  @Size(max = 40, message = "api.field.caseCode")
  public String caseCode;

  /** The job-offer check made in the call, or {@code null}. */
  @Valid public JobOfferCheckBody check;

  /**
   * @return the service's form
   */
  NewCallForm toService() {
    return new NewCallForm(
        calledAt,
        durationMinutes,
        channel,
        callerType,
        language,
        purpose,
        summary,
        outcome,
        followUpOn,
        callerAlias,
        callerContact,
        callerAgreed,
        caseCode,
        check == null ? null : check.toService());
  }
}
