package rs.astra.nrm.hotline;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.NameMatchKey;

/**
 * The registry writes of the hotline: a job-offer check made in a call and the registry entries of
 * its employer and agency, inside the caller's transaction.
 */
@Dependent
public class JobOfferChecks {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * Records a call's job-offer check and files its employer and agency in the call's organisation's
   * registry (a new entry for a name not met before, under its {@linkplain NameMatchKey match
   * key}).
   *
   * @param call the call, already persisted
   * @param form the check
   * @param day the call's day (Europe/Belgrade), the registry's "last checked" day
   * @throws InvalidRequestException {@code hotline.error.*} for bad input
   */
  public void record(HotlineCall call, JobOfferCheckForm form, LocalDate day) {
    if (form.outcome() == null) {
      throw new InvalidRequestException("hotline.error.checkOutcome");
    }
    String employer = HotlineRecords.text(form.employerName());
    String agency = HotlineRecords.text(form.agencyName());
    if (employer == null && agency == null) {
      throw new InvalidRequestException("hotline.error.checkNames");
    }
    String country = HotlineRecords.text(form.destinationCountry());
    if (country != null) {
      country = country.toUpperCase(Locale.ROOT);
      if (!Set.of(Locale.getISOCountries()).contains(country)) {
        throw new InvalidRequestException("hotline.error.country", country);
      }
    }
    String currency = HotlineRecords.text(form.currency());
    if (currency != null) {
      currency = currency.toUpperCase(Locale.ROOT);
      try {
        Currency.getInstance(currency);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException("hotline.error.currency", currency);
      }
    }
    if (form.promisedWage() != null && (form.promisedWage().signum() < 0 || currency == null)) {
      throw new InvalidRequestException("hotline.error.wage");
    }
    JobOfferCheck check = new JobOfferCheck(call, form.outcome());
    RegistryEntry employerEntry =
        employer == null ? null : entryFor(call.getOrganisation(), employer, day);
    RegistryEntry agencyEntry =
        agency == null ? null : entryFor(call.getOrganisation(), agency, day);
    try {
      check.describeOffer(
          form.offerSource(),
          country,
          HotlineRecords.text(form.destinationCity()),
          HotlineRecords.text(form.destinationAddress()),
          HotlineRecords.text(form.jobType()),
          form.industry(),
          form.promisedWage(),
          currency);
      check.nameParties(
          employer, employerEntry, agency, HotlineRecords.text(form.agencyLicence()), agencyEntry);
      check.recordFindings(
          form.redFlags(), form.verificationSteps(), HotlineRecords.text(form.advice()));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("hotline.error.invalid");
    }
    em.persist(check);
    if (employerEntry != null) {
      employerEntry.recordCheck(check.isFlagged(), null, day);
    }
    if (agencyEntry != null) {
      agencyEntry.recordCheck(check.isFlagged(), check.getAgencyLicence(), day);
    }
  }

  /** The organisation's registry entry for a name, created when the name is new to it. */
  private RegistryEntry entryFor(Organisation organisation, String name, LocalDate day) {
    String key = NameMatchKey.of(name);
    if (key.isEmpty() || name.length() > 255) {
      throw new InvalidRequestException("hotline.error.name");
    }
    return em.createQuery(
            "select e from RegistryEntry e where e.organisation.id = :org and e.matchKey = :key",
            RegistryEntry.class)
        .setParameter("org", organisation.getId())
        .setParameter("key", key)
        .getResultStream()
        .findFirst()
        .orElseGet(
            () -> {
              RegistryEntry e = new RegistryEntry(organisation, name, day);
              em.persist(e);
              return e;
            });
  }
}
