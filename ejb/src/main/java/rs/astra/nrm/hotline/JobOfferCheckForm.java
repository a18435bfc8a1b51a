package rs.astra.nrm.hotline;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Set;
import rs.astra.nrm.casefile.ForcedLabourIndustry;

/**
 * What hotline staff fill in for a job-offer check. Names may be written in Latin or Cyrillic.
 *
 * @param offerSource where the caller found the offer, may be {@code null}
 * @param employerName the employer, up to 255 characters; this or the agency is required
 * @param agencyName the recruitment agency, up to 255 characters
 * @param agencyLicence the agency's licence number, up to 100 characters, may be blank
 * @param destinationCountry ISO 3166 alpha-2 code, any case, may be blank
 * @param destinationCity city, up to 255 characters, may be blank
 * @param destinationAddress address, up to 500 characters, may be blank
 * @param jobType the job offered, up to 255 characters, may be blank
 * @param industry HTCDS {@code vic_ForcedLabourIndustry} of the job, may be {@code null}
 * @param promisedWage promised wage (per month), 0 or more, may be {@code null}
 * @param currency ISO 4217 code (EUR, RSD…), required with a wage
 * @param redFlags red flags found, may be empty
 * @param verificationSteps verification steps taken, may be empty
 * @param outcome what the check found, required
 * @param advice advice given, up to 4000 characters, may be blank
 */
public record JobOfferCheckForm(
    OfferSource offerSource,
    String employerName,
    String agencyName,
    String agencyLicence,
    String destinationCountry,
    String destinationCity,
    String destinationAddress,
    String jobType,
    ForcedLabourIndustry industry,
    BigDecimal promisedWage,
    String currency,
    Set<RedFlag> redFlags,
    Set<VerificationStep> verificationSteps,
    CheckOutcome outcome,
    String advice)
    implements Serializable {}
