package rs.astra.nrm.web.api;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of an answer to a referral: the version the caller read (optimistic locking — a stale
 * one is refused with {@code concurrent-update}) and, for a rejection, the reason.
 */
@Schema(description = "an answer to a referral")
public class AnswerForm {

  /**
   * The referral's version as the inbox gave it: a whole number ({@code 1.5} or {@code 1e30} is
   * invalid input, not a stale version).
   */
  @NotNull(message = "api.field.version")
  @JsonbTypeDeserializer(WholeNumber.class)
  @PositiveOrZero(message = "api.field.version")
  @Schema(required = true, example = "0")
  public Long version;

  /** Why the referral is rejected; required for a rejection, ignored otherwise. */
  @Size(max = 1000, message = "api.field.reason")
  @Schema(example = "No free places in the shelter until January.")
  public String reason;
}
