package rs.astra.nrm.web.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import rs.astra.nrm.proceedings.Offence;
import rs.astra.nrm.proceedings.ProceedingsEntryKind;
import rs.astra.nrm.proceedings.ProceedingsService;
import rs.astra.nrm.proceedings.VictimProceduralStatus;

/**
 * The body of a proceedings step recorded through the API: what the case page's proceedings form
 * asks. The service decides the rest as for the page: the kind must be one the caller's institution
 * records, and only a hearing may lie in the future (Europe/Belgrade).
 */
@Schema(description = "a step of the criminal proceedings")
public class ProceedingsStepForm {

  /** The step. */
  @NotNull(message = "api.field.kind")
  @Schema(required = true, example = "COMPLAINT_FILED")
  public ProceedingsEntryKind kind;

  /** Its day (ISO 8601, Europe/Belgrade). */
  @NotNull(message = "api.field.date")
  @Schema(required = true, example = "2026-12-01")
  public LocalDate date;

  /** The offence, or {@code null}. */
  @Schema(example = "ART_388_TRAFFICKING")
  public Offence offence;

  /** The number of suspects, 0 to 1000, or {@code null}. */
  @PositiveOrZero(message = "api.field.suspectsCount")
  @Max(value = 1000, message = "api.field.suspectsCount")
  @Schema(example = "2")
  public Integer suspectsCount;

  /** The victim's procedural status, or {@code null}. */
  @Schema(example = "INJURED_PARTY")
  public VictimProceduralStatus victimStatus;

  /** The outcome, up to 1000 characters. */
  @Size(max = 1000, message = "api.field.outcome")
  public String outcome;

  /** The sentence, up to 1000 characters. */
  @Size(max = 1000, message = "api.field.sentence")
  public String sentence;

  /** A note (court, room, time), up to 4000 characters. */
  @Size(max = 4000, message = "api.field.note")
  @Schema(example = "Criminal complaint KT 123/26 filed with the Higher Public Prosecutor.")
  public String note;

  /**
   * @return the service's form
   */
  ProceedingsService.NewEntryForm toService() {
    return new ProceedingsService.NewEntryForm(
        kind, date, offence, suspectsCount, victimStatus, outcome, sentence, note);
  }
}
