package rs.astra.nrm.hotline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import rs.astra.nrm.casefile.ForcedLabourIndustry;
import rs.astra.nrm.casefile.MultiValueColumn;
import rs.astra.nrm.organisation.Organisation;

/**
 * The check of a job offer made during one hotline call: the offer, who makes it (employer and
 * recruitment agency, each linked to its {@link RegistryEntry}), the red flags found, the
 * verification steps taken, the outcome and the advice given. It belongs to the organisation of the
 * call.
 */
@Entity
@Table(name = "job_offer_check")
public class JobOfferCheck {

  @Id
  @SequenceGenerator(
      name = "job_offer_check_seq",
      sequenceName = "job_offer_check_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_offer_check_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "call_id", nullable = false, updatable = false, unique = true)
  private HotlineCall call;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
  private Organisation organisation;

  @Enumerated(EnumType.STRING)
  @Column(name = "offer_source", length = 30)
  private OfferSource offerSource;

  @Column(name = "employer_name", length = 255)
  private String employerName;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "employer_entry_id")
  private RegistryEntry employerEntry;

  @Column(name = "agency_name", length = 255)
  private String agencyName;

  @Column(name = "agency_licence", length = 100)
  private String agencyLicence;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "agency_entry_id")
  private RegistryEntry agencyEntry;

  @Column(name = "destination_country", length = 2)
  private String destinationCountry;

  @Column(name = "destination_city", length = 255)
  private String destinationCity;

  @Column(name = "destination_address", length = 500)
  private String destinationAddress;

  @Column(name = "job_type", length = 255)
  private String jobType;

  @Enumerated(EnumType.STRING)
  @Column(length = 80)
  private ForcedLabourIndustry industry;

  @Column(name = "promised_wage", precision = 12, scale = 2)
  private BigDecimal promisedWage;

  @Column(name = "wage_currency", length = 3)
  private String wageCurrency;

  @Column(name = "red_flags", length = 1000)
  private String redFlags;

  @Column(name = "verification_steps", length = 500)
  private String verificationSteps;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private CheckOutcome outcome;

  @Column(length = 4000)
  private String advice;

  @Column(nullable = false)
  private boolean flagged;

  /** For JPA only. */
  protected JobOfferCheck() {}

  /**
   * Starts the check of an offer made during a call.
   *
   * @param call the call; the check belongs to its organisation
   * @param outcome what the check found
   * @throws NullPointerException if an argument is {@code null}
   */
  public JobOfferCheck(HotlineCall call, CheckOutcome outcome) {
    this.call = Objects.requireNonNull(call, "call");
    this.organisation = call.getOrganisation();
    this.outcome = Objects.requireNonNull(outcome, "outcome");
  }

  /**
   * Describes the offer; every argument may be {@code null}.
   *
   * @param source where the caller found it
   * @param country destination country, ISO 3166 alpha-2 (upper-cased)
   * @param city destination city, up to 255 characters
   * @param address destination address, up to 500 characters
   * @param jobType the job offered, up to 255 characters
   * @param industry HTCDS {@code vic_ForcedLabourIndustry} of the job
   * @param wage promised wage, 0 or more, per month unless the advice says otherwise
   * @param currency ISO 4217 code (upper-cased), required with a wage
   * @throws IllegalArgumentException for a negative wage, a wage without currency or a text too
   *     long
   */
  public void describeOffer(
      OfferSource source,
      String country,
      String city,
      String address,
      String jobType,
      ForcedLabourIndustry industry,
      BigDecimal wage,
      String currency) {
    if (wage != null && (wage.signum() < 0 || currency == null)) {
      throw new IllegalArgumentException("a wage is 0 or more and needs a currency");
    }
    if (tooLong(city, 255)
        || tooLong(address, 500)
        || tooLong(jobType, 255)
        || tooLong(country, 2)
        || tooLong(currency, 3)) {
      throw new IllegalArgumentException("text too long");
    }
    this.offerSource = source;
    this.destinationCountry = country == null ? null : country.toUpperCase(Locale.ROOT);
    this.destinationCity = city;
    this.destinationAddress = address;
    this.jobType = jobType;
    this.industry = industry;
    this.promisedWage = wage;
    this.wageCurrency = currency == null ? null : currency.toUpperCase(Locale.ROOT);
  }

  /**
   * Names who makes the offer, with the registry entries of the names.
   *
   * @param employer employer's name as the caller gave it, or {@code null}
   * @param employerEntry its registry entry, {@code null} exactly when there is no employer name
   * @param agency agency's name, or {@code null}
   * @param licence the agency's licence number, up to 100 characters, or {@code null}
   * @param agencyEntry its registry entry, {@code null} exactly when there is no agency name
   * @throws IllegalArgumentException if a name and its entry do not go together, or a text is too
   *     long
   */
  public void nameParties(
      String employer,
      RegistryEntry employerEntry,
      String agency,
      String licence,
      RegistryEntry agencyEntry) {
    if ((employer == null) != (employerEntry == null)
        || (agency == null) != (agencyEntry == null)) {
      throw new IllegalArgumentException("each name needs its registry entry");
    }
    if (tooLong(employer, 255) || tooLong(agency, 255) || tooLong(licence, 100)) {
      throw new IllegalArgumentException("text too long");
    }
    this.employerName = employer;
    this.employerEntry = employerEntry;
    this.agencyName = agency;
    this.agencyLicence = licence;
    this.agencyEntry = agencyEntry;
  }

  /**
   * Records what the check found and advised. The check flags its employer and agency when the
   * outcome is irregular work, fraud or trafficking risk, or when the offer could not be verified
   * and red flags were found.
   *
   * @param flags the red flags found, {@code null} = none
   * @param steps the verification steps taken, {@code null} = none
   * @param advice the advice given to the caller, up to 4000 characters, may be {@code null}
   * @throws IllegalArgumentException if the advice is too long
   */
  public void recordFindings(Set<RedFlag> flags, Set<VerificationStep> steps, String advice) {
    if (tooLong(advice, 4000)) {
      throw new IllegalArgumentException("text too long");
    }
    this.redFlags = MultiValueColumn.ofEnums(flags);
    this.verificationSteps = MultiValueColumn.ofEnums(steps);
    this.advice = advice;
    this.flagged =
        outcome.flags()
            || (outcome == CheckOutcome.COULD_NOT_VERIFY && flags != null && !flags.isEmpty());
  }

  private static boolean tooLong(String s, int max) {
    return s != null && s.length() > max;
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the optimistic-lock version
   */
  public long getVersion() {
    return version;
  }

  /**
   * @return the call
   */
  public HotlineCall getCall() {
    return call;
  }

  /**
   * @return the organisation that made the check
   */
  public Organisation getOrganisation() {
    return organisation;
  }

  /**
   * @return where the caller found the offer, or {@code null}
   */
  public OfferSource getOfferSource() {
    return offerSource;
  }

  /**
   * @return the employer's name as given, or {@code null}
   */
  public String getEmployerName() {
    return employerName;
  }

  /**
   * @return the employer's registry entry, or {@code null}
   */
  public RegistryEntry getEmployerEntry() {
    return employerEntry;
  }

  /**
   * @return the agency's name as given, or {@code null}
   */
  public String getAgencyName() {
    return agencyName;
  }

  /**
   * @return the agency's licence number, or {@code null}
   */
  public String getAgencyLicence() {
    return agencyLicence;
  }

  /**
   * @return the agency's registry entry, or {@code null}
   */
  public RegistryEntry getAgencyEntry() {
    return agencyEntry;
  }

  /**
   * @return destination country (ISO 3166 alpha-2), or {@code null}
   */
  public String getDestinationCountry() {
    return destinationCountry;
  }

  /**
   * @return destination city, or {@code null}
   */
  public String getDestinationCity() {
    return destinationCity;
  }

  /**
   * @return destination address, or {@code null}
   */
  public String getDestinationAddress() {
    return destinationAddress;
  }

  /**
   * @return the job offered, or {@code null}
   */
  public String getJobType() {
    return jobType;
  }

  /**
   * @return HTCDS industry of the job, or {@code null}
   */
  public ForcedLabourIndustry getIndustry() {
    return industry;
  }

  /**
   * @return the promised wage, or {@code null}
   */
  public BigDecimal getPromisedWage() {
    return promisedWage;
  }

  /**
   * @return the wage's currency (ISO 4217), or {@code null}
   */
  public String getWageCurrency() {
    return wageCurrency;
  }

  /**
   * @return the red flags found, never {@code null}
   */
  public Set<RedFlag> getRedFlags() {
    return MultiValueColumn.toEnums(RedFlag.class, redFlags);
  }

  /**
   * @return the verification steps taken, never {@code null}
   */
  public Set<VerificationStep> getVerificationSteps() {
    return MultiValueColumn.toEnums(VerificationStep.class, verificationSteps);
  }

  /**
   * @return what the check found
   */
  public CheckOutcome getOutcome() {
    return outcome;
  }

  /**
   * @return the advice given, or {@code null}
   */
  public String getAdvice() {
    return advice;
  }

  /**
   * @return whether the check flagged its employer and agency
   */
  public boolean isFlagged() {
    return flagged;
  }
}
