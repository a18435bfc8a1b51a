package rs.astra.nrm.web.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import rs.astra.nrm.casefile.ForcedLabourIndustry;
import rs.astra.nrm.hotline.CheckOutcome;
import rs.astra.nrm.hotline.JobOfferCheckForm;
import rs.astra.nrm.hotline.OfferSource;
import rs.astra.nrm.hotline.RedFlag;
import rs.astra.nrm.hotline.VerificationStep;

/**
 * The job-offer check of a hotline call ({@link HotlineCallForm#check}): the employer and agency
 * are filed in the organisation's registry as from the call page. The service requires the employer
 * or the agency, checks the country (ISO 3166 alpha-2) and currency (ISO 4217) codes.
 */
@Schema(description = "a job-offer check made in a hotline call")
public class JobOfferCheckBody {

  /** Where the caller found the offer. */
  @Schema(example = "SOCIAL_NETWORK")
  public OfferSource offerSource;

  /** The employer, up to 255 characters; this or the agency is required. */
  @Size(max = 255, message = "api.field.employerName")
  @Schema(example = "Agro Export d.o.o.")
  public String employerName;

  /** The recruitment agency, up to 255 characters. */
  @Size(max = 255, message = "api.field.agencyName")
  public String agencyName;

  /** The agency's licence number, up to 100 characters. */
  @Size(max = 100, message = "api.field.agencyLicence")
  public String agencyLicence;

  /** ISO 3166 alpha-2 code. */
  @Size(max = 2, message = "api.field.destinationCountry")
  @Schema(example = "DE")
  public String destinationCountry;

  /** City, up to 255 characters. */
  @Size(max = 255, message = "api.field.destinationCity")
  public String destinationCity;

  /** Address, up to 500 characters. */
  @Size(max = 500, message = "api.field.destinationAddress")
  public String destinationAddress;

  /** The job offered, up to 255 characters. */
  @Size(max = 255, message = "api.field.jobType")
  @Schema(example = "fruit picking")
  public String jobType;

  /** HTCDS {@code vic_ForcedLabourIndustry} of the job. */
  public ForcedLabourIndustry industry;

  /** Promised wage per month, 0 or more; needs the currency. */
  @DecimalMin(value = "0", message = "api.field.promisedWage")
  @Schema(example = "2500")
  public BigDecimal promisedWage;

  /** ISO 4217 code. */
  @Size(max = 3, message = "api.field.currency")
  @Schema(example = "EUR")
  public String currency;

  /** Red flags found; a {@code null} among them is invalid input. */
  @Schema(example = "[\"WAGE_FAR_ABOVE_MARKET\",\"TRAVEL_AND_VISA_PAID\"]")
  public Set<@NotNull(message = "api.type.codes") RedFlag> redFlags;

  /** Verification steps taken; a {@code null} among them is invalid input. */
  public Set<@NotNull(message = "api.type.codes") VerificationStep> verificationSteps;

  /** What the check found. */
  @NotNull(message = "api.field.checkOutcome")
  @Schema(required = true, example = "TRAFFICKING_RISK")
  public CheckOutcome outcome;

  /** Advice given, up to 4000 characters. */
  @Size(max = 4000, message = "api.field.advice")
  public String advice;

  /**
   * @return the service's form
   */
  JobOfferCheckForm toService() {
    return new JobOfferCheckForm(
        offerSource,
        employerName,
        agencyName,
        agencyLicence,
        destinationCountry,
        destinationCity,
        destinationAddress,
        jobType,
        industry,
        promisedWage,
        currency,
        redFlags == null || redFlags.isEmpty()
            ? EnumSet.noneOf(RedFlag.class)
            : EnumSet.copyOf(redFlags),
        verificationSteps == null || verificationSteps.isEmpty()
            ? EnumSet.noneOf(VerificationStep.class)
            : EnumSet.copyOf(verificationSteps),
        outcome,
        advice);
  }
}
