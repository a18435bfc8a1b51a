package rs.astra.nrm.hotline;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import rs.astra.nrm.casefile.ForcedLabourIndustry;
import rs.astra.nrm.shared.NrmTime;

/**
 * A job-offer check as the hotline pages show it.
 *
 * @param checkId the check
 * @param callId the call it was made in
 * @param checkedOn the day of the call (Europe/Belgrade)
 * @param checkedBy who took the call
 * @param offerSource where the caller found the offer, or {@code null}
 * @param employerName employer as the caller named it, or {@code null}
 * @param employerEntryId its registry entry, or {@code null}
 * @param agencyName agency as named, or {@code null}
 * @param agencyLicence the agency's licence number, or {@code null}
 * @param agencyEntryId its registry entry, or {@code null}
 * @param destinationCountry ISO 3166 alpha-2, or {@code null}
 * @param destinationCity city, or {@code null}
 * @param destinationAddress address, or {@code null}
 * @param jobType the job, or {@code null}
 * @param industry HTCDS {@code vic_ForcedLabourIndustry}, or {@code null}
 * @param promisedWage the promised wage, or {@code null}
 * @param currency its ISO 4217 code, or {@code null}
 * @param redFlags red flags found, in declaration order
 * @param verificationSteps steps taken, in declaration order
 * @param outcome what the check found
 * @param advice advice given, or {@code null}
 * @param flagged whether the check flagged its employer and agency
 */
public record CheckLine(
    long checkId,
    long callId,
    LocalDate checkedOn,
    String checkedBy,
    OfferSource offerSource,
    String employerName,
    Long employerEntryId,
    String agencyName,
    String agencyLicence,
    Long agencyEntryId,
    String destinationCountry,
    String destinationCity,
    String destinationAddress,
    String jobType,
    ForcedLabourIndustry industry,
    BigDecimal promisedWage,
    String currency,
    List<RedFlag> redFlags,
    List<VerificationStep> verificationSteps,
    CheckOutcome outcome,
    String advice,
    boolean flagged)
    implements Serializable {

  /**
   * Maps a check; its call, the call's taker and the registry entries are read (lazily).
   *
   * @param k the check
   * @return the line
   */
  public static CheckLine of(JobOfferCheck k) {
    HotlineCall call = k.getCall();
    return new CheckLine(
        k.getId(),
        call.getId(),
        call.getCalledAt().atZone(NrmTime.ZONE).toLocalDate(),
        call.getTakenBy().getDisplayName(),
        k.getOfferSource(),
        k.getEmployerName(),
        k.getEmployerEntry() == null ? null : k.getEmployerEntry().getId(),
        k.getAgencyName(),
        k.getAgencyLicence(),
        k.getAgencyEntry() == null ? null : k.getAgencyEntry().getId(),
        k.getDestinationCountry(),
        k.getDestinationCity(),
        k.getDestinationAddress(),
        k.getJobType(),
        k.getIndustry(),
        k.getPromisedWage(),
        k.getWageCurrency(),
        List.copyOf(k.getRedFlags()),
        List.copyOf(k.getVerificationSteps()),
        k.getOutcome(),
        k.getAdvice(),
        k.isFlagged());
  }

  /**
   * @return the ILO forced-labour indicators among the red flags
   */
  public List<RedFlag> iloIndicators() {
    return redFlags.stream().filter(RedFlag::isIloIndicator).toList();
  }
}
