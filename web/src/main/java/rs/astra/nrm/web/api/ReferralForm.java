package rs.astra.nrm.web.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.Purpose;

/**
 * The body of a referral sent through the API: what the case page's referral dialog asks. The
 * service checks, as for the page, that the caller's organisation owns the case and that an active
 * consent or a legal basis covers every personal category for the recipient and purpose.
 */
@Schema(description = "a referral of a case to another institution")
public class ReferralForm {

  /** The case's code. */
  @NotBlank(message = "api.field.caseCode")
  @Size(max = 40, message = "api.field.caseCode")
  @Schema(required = true, example = "NRM-2026-K7QX-M4P2")
  public String caseCode;

  /** The recipient's name as the portal knows it (any case). */
  @NotBlank(message = "api.field.toOrganisation")
  @Size(max = 255, message = "api.field.toOrganisation")
  @Schema(required = true, example = "Univerzitetski klinički centar Srbije")
  public String toOrganisation;

  /** The purpose. */
  @NotNull(message = "api.field.purpose")
  @Schema(required = true, example = "HEALTH_CARE")
  public Purpose purpose;

  /**
   * The personal categories the recipient needs; empty or absent: the case summary only; a {@code
   * null} among them is invalid input.
   */
  @Size(max = 20, message = "api.field.categories")
  @Schema(example = "[\"HEALTH\"]")
  public Set<@NotNull(message = "api.type.categories") DataCategory> categories;

  /** Free text, up to 4000 characters. */
  @Size(max = 4000, message = "api.field.details")
  @Schema(example = "Needs a medical examination this week.")
  public String details;

  /**
   * @return the categories asked for, never {@code null}
   */
  Set<DataCategory> chosen() {
    return categories == null || categories.isEmpty()
        ? EnumSet.noneOf(DataCategory.class)
        : EnumSet.copyOf(categories);
  }
}
