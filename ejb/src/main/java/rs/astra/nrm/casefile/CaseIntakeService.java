package rs.astra.nrm.casefile;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.ConsentService;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.ReferralService;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * The NGO's intake of a new case in one step (the "new case" wizard): the person and the
 * exploitation, optionally the person's first consent, optionally the first referral. All of it
 * happens in one transaction: if the consent or the referral is refused, no case is opened either,
 * and the caseworker corrects the form and tries again.
 */
@Stateless
@StoredBeforeReturn
public class CaseIntakeService {

  @Inject private CaseFileService cases;
  @Inject private ConsentService consents;
  @Inject private ReferralService referrals;

  /**
   * The first consent, as the person gave it at intake.
   *
   * @param recipientOrganisationId the institution she agrees to share with
   * @param purpose for what
   * @param categories which personal categories (at least one)
   * @param givenOn the day she gave it, not in the future (Europe/Belgrade)
   * @param validUntil last valid day, or {@code null} for no end date
   * @param method how it was given
   * @param note e.g. the witness, or {@code null}
   */
  public record FirstConsent(
      long recipientOrganisationId,
      Purpose purpose,
      Set<DataCategory> categories,
      LocalDate givenOn,
      LocalDate validUntil,
      ConsentMethod method,
      String note)
      implements Serializable {}

  /**
   * The first referral; it must be covered by the first consent or a legal basis, as every
   * referral.
   *
   * @param toOrganisationId the recipient
   * @param purpose for what
   * @param categories the personal categories the recipient needs (may be empty: the case summary
   *     always travels)
   * @param details free text up to 4000 characters, or {@code null}
   */
  public record FirstReferral(
      long toOrganisationId, Purpose purpose, Set<DataCategory> categories, String details)
      implements Serializable {}

  /**
   * Opens a case, records the first consent and sends the first referral, all or nothing.
   *
   * @param viewer an NGO caseworker or coordinator
   * @param form the person and the exploitation
   * @param consent the first consent, or {@code null}
   * @param referral the first referral, or {@code null}
   * @return the new case's id
   * @throws rs.astra.nrm.shared.InvalidRequestException with the key of the first step refused
   *     ({@code newCase.error.*}, {@code consent.error.*}, {@code referral.error.*}); nothing is
   *     kept
   * @throws rs.astra.nrm.organisation.NotPermittedException for roles that do not open cases
   */
  public long open(
      Viewer viewer,
      CaseFileService.NewCaseForm form,
      FirstConsent consent,
      FirstReferral referral) {
    long caseId = cases.open(viewer, form);
    if (consent != null) {
      consents.give(
          viewer,
          new ConsentService.NewConsentForm(
              caseId,
              consent.recipientOrganisationId(),
              consent.purpose(),
              consent.categories(),
              consent.givenOn(),
              consent.validUntil(),
              consent.method(),
              consent.note()));
    }
    if (referral != null) {
      referrals.send(
          viewer,
          caseId,
          referral.toOrganisationId(),
          referral.purpose(),
          referral.categories(),
          referral.details());
    }
    return caseId;
  }
}
