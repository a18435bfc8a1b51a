package rs.astra.nrm.casefile;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.shared.RequiredText;

/**
 * A case of the National Referral Mechanism: one presumed or identified victim ({@link Person}),
 * owned by one organisation and one caseworker, with the HTCDS {@code cas_*}, {@code vic_*} and
 * {@code con_Consent} fields. Named CaseFile because CASE is an SQL keyword.
 *
 * <p>The human case code has the form {@code NRM-yyyy-XXXX-XXXX} (e.g. {@code NRM-2026-K7QX-M4P2},
 * random, carrying no count: issue 15); cases opened before have {@code NRM-yyyy-nnnnn}.
 */
@Entity
@jakarta.persistence.EntityListeners(CaseFactsWrites.class)
@Table(name = "case_file")
@NamedQuery(name = CaseFile.COUNT_ALL, query = "select count(c) from CaseFile c")
public class CaseFile {

  /** Named query: number of all cases. */
  public static final String COUNT_ALL = "CaseFile.countAll";

  /**
   * The form of a case code: {@code NRM-}, a four-digit year, a dash, then either two groups of
   * four characters of Crockford's base-32 alphabet, or (codes handed out before issue 15) five or
   * more digits.
   */
  public static final Pattern CODE =
      Pattern.compile("NRM-\\d{4}-(\\d{5,}|[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})");

  @Id
  @SequenceGenerator(name = "case_file_seq", sequenceName = "case_file_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_file_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = 20, unique = true)
  private String code;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "owner_organisation_id", nullable = false)
  private Organisation ownerOrganisation;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "owner_user_id", nullable = false)
  private PortalUser ownerUser;

  @OneToOne(optional = false, fetch = FetchType.LAZY, cascade = CascadeType.PERSIST)
  @JoinColumn(name = "person_id", nullable = false, unique = true)
  private Person person;

  @Column(name = "opened_on", nullable = false)
  private LocalDate openedOn;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private CaseStatus status = CaseStatus.Active;

  @Column(name = "reason_for_closure", length = 4000)
  private String reasonForCaseClosure;

  @Column(name = "consent_flag")
  private Boolean consentFlag;

  @Enumerated(EnumType.STRING)
  @Column(name = "trafficking_status", length = 40)
  private TraffickingStatus traffickingStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "status_decision_org", length = 60)
  private TraffickingStatusDecisionMakingOrg traffickingStatusDecisionMakingOrg;

  @Column(name = "method_of_recruitment", length = 1000)
  private String methodOfRecruitment;

  @Column(name = "location_of_recruitment", length = 255)
  private String locationOfRecruitment;

  @Column(name = "methods_of_control", length = 1000)
  private String methodsOfControl;

  @Column(name = "type_of_exploitation", length = 1000)
  private String typeOfExploitation;

  @Enumerated(EnumType.STRING)
  @Column(name = "forced_labour_industry", length = 80)
  private ForcedLabourIndustry forcedLabourIndustry;

  @Column(name = "type_of_sex_exploitation", length = 1000)
  private String typeOfSexExploitation;

  @Column(name = "location_of_exploitation", length = 255)
  private String locationOfExploitation;

  @Column(name = "referring_organisation", length = 255)
  private String referringOrganisation;

  @Column(name = "incoming_referral_date")
  private LocalDate incomingReferralDate;

  @Column(name = "referring_case_worker", length = 255)
  private String referringPrimaryCaseWorker;

  @Enumerated(EnumType.STRING)
  @Column(name = "incoming_referral_reason", length = 60)
  private ReferralReason reasonForIncomingReferral;

  @Column(name = "incoming_referral_details", length = 4000)
  private String incomingReferralDetails;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private NrmStage stage = NrmStage.SIGNAL;

  @Column(name = "identification_decided_on")
  private LocalDate identificationDecidedOn;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "identification_decided_by_id")
  private Organisation identificationDecidedBy;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "closure_requested_by_id")
  private PortalUser closureRequestedBy;

  @Column(name = "closure_requested_at")
  private Instant closureRequestedAt;

  @Column(name = "closure_request_reason", length = 4000)
  private String closureRequestReason;

  // --- SOS hotline (issue 7): who recruited the person and who employed her, with their registry
  // match keys, so that a case naming an employer or agency the hotline flagged is found by a
  // query.

  @Column(name = "recruiter_name", length = 255)
  private String recruiterName;

  @Column(name = "recruiter_match_key", length = 255)
  private String recruiterMatchKey;

  @Column(name = "employer_name", length = 255)
  private String employerName;

  @Column(name = "employer_match_key", length = 255)
  private String employerMatchKey;

  // --- end SOS hotline

  /** The case this one was merged into (issue 19), or {@code null}: a merged case leaves lists. */
  @Column(name = "merged_into_id")
  private Long mergedIntoId;

  /** The day the case was anonymised (issue 21; Europe/Belgrade), or {@code null}. */
  @Column(name = "anonymised_on", insertable = false, updatable = false)
  private LocalDate anonymisedOn;

  /**
   * Since when processing is restricted (GDPR Art. 18, issue 21), {@code null} when it is not: the
   * access policy reads this column; {@code rs.astra.nrm.rights.CaseRestriction} keeps the history.
   */
  @Column(name = "restricted_since")
  private Instant restrictedSince;

  /** For JPA only. */
  protected CaseFile() {}

  /**
   * Opens a case.
   *
   * @param code the case code, {@code NRM-yyyy-XXXX-XXXX} (or the earlier {@code NRM-yyyy-nnnnn})
   * @param ownerUser the caseworker who owns the case; the owning organisation is hers
   * @param person the data subject, persisted with the case
   * @param openedOn the day the case was opened (Europe/Belgrade calendar day)
   * @param createdAt when the record was created (UTC instant)
   * @throws IllegalArgumentException if the code has the wrong form
   * @throws NullPointerException if any argument is {@code null}
   */
  public CaseFile(
      String code, PortalUser ownerUser, Person person, LocalDate openedOn, Instant createdAt) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "case code must look like NRM-2026-K7QX-M4P2 (or the earlier NRM-2026-00042)");
    }
    this.code = code;
    this.ownerUser = Objects.requireNonNull(ownerUser, "ownerUser");
    this.ownerOrganisation = ownerUser.getOrganisation();
    this.person = Objects.requireNonNull(person, "person");
    this.openedOn = Objects.requireNonNull(openedOn, "openedOn");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * Records the HTCDS case status ({@code cas_Status}) and, for a closed case, why ({@code
   * cas_ReasonForCaseClosure}).
   *
   * @param newStatus the status, not {@code null}
   * @param reasonForClosure free text, may be {@code null}
   */
  public void recordStatus(CaseStatus newStatus, String reasonForClosure) {
    this.status = Objects.requireNonNull(newStatus, "status");
    this.reasonForCaseClosure = reasonForClosure;
  }

  /**
   * Records the single HTCDS consent checkbox ({@code con_Consent}) as it came with imported data.
   * The portal's own consents per recipient, purpose and category are separate records.
   *
   * @param consent the checkbox, {@code null} when unknown
   */
  public void recordHtcdsConsentFlag(Boolean consent) {
    this.consentFlag = consent;
  }

  /**
   * Records the trafficking status and who decided it (HTCDS {@code vic_TraffickingStatus} and
   * {@code vic_TraffickingStatusDecisionMakingOrg}).
   *
   * @param traffickingStatus the status, may be {@code null}
   * @param decidedBy the kind of organisation that decided, may be {@code null}
   */
  public void recordTraffickingStatus(
      TraffickingStatus traffickingStatus, TraffickingStatusDecisionMakingOrg decidedBy) {
    this.traffickingStatus = traffickingStatus;
    this.traffickingStatusDecisionMakingOrg = decidedBy;
  }

  /**
   * Records how and where the person was recruited (HTCDS {@code vic_MethodOfRecruitment}, {@code
   * vic_LocationOfRecruitment}).
   *
   * @param methods the methods, {@code null} = none
   * @param location free text (a country or place), may be {@code null}
   */
  public void recordRecruitment(Set<MethodOfRecruitment> methods, String location) {
    this.methodOfRecruitment = MultiValueColumn.ofEnums(methods);
    this.locationOfRecruitment = location;
  }

  /**
   * Records the exploitation (HTCDS {@code vic_TypeOfExploitation}, {@code
   * vic_ForcedLabourIndustry}, {@code vic_TypeOfSexExploitation}, {@code
   * vic_LocationOfExploitation}, {@code vic_MethodsOfControl}).
   *
   * @param types forms of exploitation, {@code null} = none
   * @param industry industry of forced labour, may be {@code null}
   * @param sexTypes forms of sexual exploitation, {@code null} = none
   * @param location free text, may be {@code null}
   * @param control means of control, {@code null} = none
   */
  public void recordExploitation(
      Set<TypeOfExploitation> types,
      ForcedLabourIndustry industry,
      Set<TypeOfSexExploitation> sexTypes,
      String location,
      Set<MethodOfControl> control) {
    this.typeOfExploitation = MultiValueColumn.ofEnums(types);
    this.forcedLabourIndustry = industry;
    this.typeOfSexExploitation = MultiValueColumn.ofEnums(sexTypes);
    this.locationOfExploitation = location;
    this.methodsOfControl = MultiValueColumn.ofEnums(control);
  }

  /**
   * Records how the case reached the owning organisation (HTCDS {@code cas_ReferringOrganisation},
   * {@code cas_IncomingReferralDate}, {@code cas_ReferringPrimaryCaseWorker}, {@code
   * cas_ReasonForIncomingReferral}, {@code cas_IncomingReferralDetails}). The referring
   * organisation is kept as text: it can be an institution, "Self-referral" or the hotline, and it
   * gives that organisation no access to the case.
   *
   * @param organisation referring organisation, may be {@code null}
   * @param date referral date, may be {@code null}
   * @param caseWorker referring caseworker's name, may be {@code null}
   * @param reason reason, may be {@code null}
   * @param details free text, may be {@code null}
   */
  public void recordIncomingReferral(
      String organisation,
      LocalDate date,
      String caseWorker,
      ReferralReason reason,
      String details) {
    this.referringOrganisation = organisation;
    this.incomingReferralDate = date;
    this.referringPrimaryCaseWorker = caseWorker;
    this.reasonForIncomingReferral = reason;
    this.incomingReferralDetails = details;
  }

  /**
   * Moves the case on by a step the owner takes herself: SIGNAL → PRESUMED_VICTIM, IDENTIFIED →
   * ASSISTANCE, ASSISTANCE → REINTEGRATION.
   *
   * @param next the next stage
   * @throws IllegalStateException if that step is not possible from the current stage
   */
  public void moveTo(NrmStage next) {
    if (!stage.ownerMoves().contains(next)) {
      throw new IllegalStateException("cannot move from " + stage + " to " + next);
    }
    if (next == NrmStage.PRESUMED_VICTIM) {
      traffickingStatus = TraffickingStatus.PossibleVictimOfTrafficking;
    }
    stage = next;
  }

  /**
   * Records the formal identification decision (PRESUMED_VICTIM → IDENTIFIED or NOT_IDENTIFIED),
   * keeping HTCDS {@code vic_TraffickingStatus} and {@code vic_TraffickingStatusDecisionMakingOrg}
   * in step.
   *
   * @param identified whether the person was identified as a victim
   * @param by the deciding organisation (the CPTV, or a centre for social work for a child)
   * @param on the day of the decision
   * @throws IllegalStateException if the case is not at PRESUMED_VICTIM
   */
  public void decideIdentification(boolean identified, Organisation by, LocalDate on) {
    if (stage != NrmStage.PRESUMED_VICTIM) {
      throw new IllegalStateException(
          "identification is decided for a presumed victim, not at " + stage);
    }
    stage = identified ? NrmStage.IDENTIFIED : NrmStage.NOT_IDENTIFIED;
    traffickingStatus =
        identified
            ? TraffickingStatus.ActualVictimOfTrafficking
            : TraffickingStatus.NotAVictimOfTrafficking;
    traffickingStatusDecisionMakingOrg =
        TraffickingStatusDecisionMakingOrg.NonPoliceGovernmentalOrganization;
    identificationDecidedBy = Objects.requireNonNull(by, "by");
    identificationDecidedOn = Objects.requireNonNull(on, "on");
  }

  /**
   * Hands the case over to another organisation (issue 19, transfer accepted): the accepting user
   * becomes its caseworker and her organisation its owner. The access policy decides by the owning
   * organisation, so from now on the former owner reads the case only through a referral and the
   * person's consent, like any other organisation.
   *
   * @param newOwner the user of the receiving organisation who accepted the transfer
   * @throws IllegalArgumentException if she is of the organisation that owns the case already
   */
  public void transferTo(PortalUser newOwner) {
    Objects.requireNonNull(newOwner, "newOwner");
    if (newOwner.getOrganisation().getId().equals(ownerOrganisation.getId())) {
      throw new IllegalArgumentException("the case is owned by that organisation already");
    }
    ownerUser = newOwner;
    ownerOrganisation = newOwner.getOrganisation();
  }

  /**
   * Asks to close the case, with the reason (HTCDS {@code cas_ReasonForCaseClosure}).
   *
   * @param by who asks
   * @param reason why, 1–4000 characters
   * @param at when (UTC)
   * @throws IllegalStateException if the case is closed already
   * @throws IllegalArgumentException if the reason is blank or too long
   */
  public void requestClosure(PortalUser by, String reason, Instant at) {
    if (stage == NrmStage.CLOSED) {
      throw new IllegalStateException("case already closed");
    }
    String why = RequiredText.of(reason, 4000, "a reason");
    closureRequestedBy = Objects.requireNonNull(by, "by");
    closureRequestedAt = Objects.requireNonNull(at, "at");
    closureRequestReason = why;
  }

  /**
   * A coordinator approves the requested closure: the case is CLOSED with the requested reason.
   *
   * @throws IllegalStateException if no closure was requested
   */
  public void approveClosure() {
    if (closureRequestReason == null || stage == NrmStage.CLOSED) {
      throw new IllegalStateException("no closure waiting for approval");
    }
    stage = NrmStage.CLOSED;
    status = CaseStatus.Closed;
    reasonForCaseClosure = closureRequestReason;
  }

  /**
   * Sets the NRM stage an imported HTCDS case implies: CLOSED for {@code cas_Status} Closed,
   * ASSISTANCE for an actual victim, NOT_IDENTIFIED for "not a victim", PRESUMED_VICTIM for a
   * possible victim, SIGNAL otherwise (the same rule as migration V5 for existing cases).
   */
  public void takeStageFromHtcds() {
    if (status == CaseStatus.Closed) {
      stage = NrmStage.CLOSED;
    } else if (traffickingStatus == TraffickingStatus.ActualVictimOfTrafficking) {
      stage = NrmStage.ASSISTANCE;
    } else if (traffickingStatus == TraffickingStatus.NotAVictimOfTrafficking) {
      stage = NrmStage.NOT_IDENTIFIED;
    } else if (traffickingStatus == TraffickingStatus.PossibleVictimOfTrafficking) {
      stage = NrmStage.PRESUMED_VICTIM;
    } else {
      stage = NrmStage.SIGNAL;
    }
  }

  // --- Rectification (issue 21, GDPR Art. 16)

  /** The longest free text of the incoming referral's details (its column). */
  public static final int MAX_REFERRAL_DETAILS = 4000;

  /** The longest other free text a rectification writes to the case (the columns' length). */
  public static final int MAX_TEXT = 255;

  /**
   * The value of a correctable field of the case as text, as a rectification shows and logs it: a
   * day as dd.MM.yyyy, picklist values as their HTCDS value names joined by ", ".
   *
   * @param field a field of the case ({@link CorrectableField#isOfCase})
   * @return the text, or {@code null} when the field is empty
   * @throws IllegalArgumentException for a field of the person
   */
  public String valueOf(CorrectableField field) {
    return switch (field) {
      case LOCATION_OF_RECRUITMENT -> locationOfRecruitment;
      case METHOD_OF_RECRUITMENT -> names(getMethodOfRecruitment());
      case LOCATION_OF_EXPLOITATION -> locationOfExploitation;
      case METHODS_OF_CONTROL -> names(getMethodsOfControl());
      case TYPE_OF_EXPLOITATION -> names(getTypeOfExploitation());
      case TYPE_OF_SEX_EXPLOITATION -> names(getTypeOfSexExploitation());
      case FORCED_LABOUR_INDUSTRY ->
          forcedLabourIndustry == null ? null : forcedLabourIndustry.name();
      case REFERRING_ORGANISATION -> referringOrganisation;
      case REFERRING_PRIMARY_CASE_WORKER -> referringPrimaryCaseWorker;
      case INCOMING_REFERRAL_DATE ->
          incomingReferralDate == null ? null : Person.DAY.format(incomingReferralDate);
      case REASON_FOR_INCOMING_REFERRAL ->
          reasonForIncomingReferral == null ? null : reasonForIncomingReferral.name();
      case INCOMING_REFERRAL_DETAILS -> incomingReferralDetails;
      case RECRUITER_NAME -> recruiterName;
      case EMPLOYER_NAME -> employerName;
      default -> throw new IllegalArgumentException("a field of the person: " + field);
    };
  }

  /**
   * Corrects one field of the case (rectification, GDPR Art. 16) from its text: the incoming
   * referral date as dd.MM.yyyy (not in the future, Europe/Belgrade: the case has come in already),
   * a picklist as HTCDS value names (e.g. {@code DebtBondage}; any case, separated by commas,
   * semicolons or spaces; a single-value picklist takes one), the incoming referral's details as
   * text of at most {@value #MAX_REFERRAL_DETAILS} characters, any other field as text of at most
   * {@value #MAX_TEXT} characters; blank text empties it. Correcting the recruiter or the employer
   * renews its registry match key (issue 7). A refusal changes nothing.
   *
   * @param field a field of the case ({@link CorrectableField#isOfCase})
   * @param text the new value as typed
   * @param today the day (Europe/Belgrade) a referral date may not be after
   * @throws IllegalArgumentException for a value of the wrong form, or a field of the person
   */
  public void correct(CorrectableField field, String text, LocalDate today) {
    String v = text == null || text.isBlank() ? null : text.strip();
    int max = field == CorrectableField.INCOMING_REFERRAL_DETAILS ? MAX_REFERRAL_DETAILS : MAX_TEXT;
    if (v != null && v.length() > max) {
      throw new IllegalArgumentException("too long");
    }
    switch (field) {
      case LOCATION_OF_RECRUITMENT -> locationOfRecruitment = v;
      case METHOD_OF_RECRUITMENT ->
          methodOfRecruitment = MultiValueColumn.ofEnums(picklist(MethodOfRecruitment.class, v));
      case LOCATION_OF_EXPLOITATION -> locationOfExploitation = v;
      case METHODS_OF_CONTROL ->
          methodsOfControl = MultiValueColumn.ofEnums(picklist(MethodOfControl.class, v));
      case TYPE_OF_EXPLOITATION ->
          typeOfExploitation = MultiValueColumn.ofEnums(picklist(TypeOfExploitation.class, v));
      case TYPE_OF_SEX_EXPLOITATION ->
          typeOfSexExploitation =
              MultiValueColumn.ofEnums(picklist(TypeOfSexExploitation.class, v));
      case FORCED_LABOUR_INDUSTRY -> forcedLabourIndustry = single(ForcedLabourIndustry.class, v);
      case REFERRING_ORGANISATION -> referringOrganisation = v;
      case REFERRING_PRIMARY_CASE_WORKER -> referringPrimaryCaseWorker = v;
      case INCOMING_REFERRAL_DATE -> {
        LocalDate day;
        try {
          day = v == null ? null : LocalDate.parse(v, Person.DAY);
        } catch (java.time.format.DateTimeParseException e) {
          throw new IllegalArgumentException("not a day dd.MM.yyyy");
        }
        if (day != null && day.isAfter(today)) {
          throw new IllegalArgumentException("in the future");
        }
        incomingReferralDate = day;
      }
      case REASON_FOR_INCOMING_REFERRAL ->
          reasonForIncomingReferral = single(ReferralReason.class, v);
      case INCOMING_REFERRAL_DETAILS -> incomingReferralDetails = v;
      case RECRUITER_NAME -> recordRecruitmentParties(v, employerName);
      case EMPLOYER_NAME -> recordRecruitmentParties(recruiterName, v);
      default -> throw new IllegalArgumentException("a field of the person: " + field);
    }
  }

  private static String names(Set<? extends Enum<?>> values) {
    return values.isEmpty()
        ? null
        : values.stream().map(Enum::name).collect(java.util.stream.Collectors.joining(", "));
  }

  /**
   * @return the values named in the text (HTCDS value names, any case, separated by commas,
   *     semicolons or spaces), empty for {@code null}
   * @throws IllegalArgumentException for a name that is not a value of the picklist, or text of
   *     separators only
   */
  static <E extends Enum<E>> Set<E> picklist(Class<E> type, String v) {
    java.util.EnumSet<E> set = java.util.EnumSet.noneOf(type);
    if (v != null) {
      for (String name : v.split("[,;\\s]+")) {
        if (!name.isEmpty()) {
          set.add(
              java.util.Arrays.stream(type.getEnumConstants())
                  .filter(e -> e.name().equalsIgnoreCase(name))
                  .findFirst()
                  .orElseThrow(() -> new IllegalArgumentException("not an HTCDS value")));
        }
      }
      if (set.isEmpty()) {
        // Only separators: not a value (blank text, which empties the field, is null here).
        throw new IllegalArgumentException("not an HTCDS value");
      }
    }
    return set;
  }

  /**
   * @return the one value named in the text (see {@link #picklist}), {@code null} for {@code null}
   * @throws IllegalArgumentException for a name that is not a value, or more than one
   */
  static <E extends Enum<E>> E single(Class<E> type, String v) {
    Set<E> values = picklist(type, v);
    if (values.size() > 1) {
      throw new IllegalArgumentException("one value only");
    }
    return values.isEmpty() ? null : values.iterator().next();
  }

  // --- end rectification

  // --- SOS hotline (issue 7)

  /**
   * Records who recruited the person and who employed her. HTCDS keeps perpetrators as separate
   * person records ({@code per_RoleInProcess} RecruiterOrIntermediary or BrokerTravelAgent for the
   * recruiter or agency, Exploiter for the employer); the portal keeps their names on the case
   * (data category EXPLOITATION) with the {@link rs.astra.nrm.shared.NameMatchKey} of each, so that
   * the registry of the hotline's job-offer checks finds the case however the name was written.
   *
   * @param recruiter recruiter or recruitment agency, up to 255 characters, may be {@code null}
   * @param employer employer, up to 255 characters, may be {@code null}
   * @throws IllegalArgumentException if a name is longer than 255 characters
   */
  public void recordRecruitmentParties(String recruiter, String employer) {
    if ((recruiter != null && recruiter.length() > 255)
        || (employer != null && employer.length() > 255)) {
      throw new IllegalArgumentException("a name has at most 255 characters");
    }
    this.recruiterName = recruiter;
    this.recruiterMatchKey = matchKey(recruiter);
    this.employerName = employer;
    this.employerMatchKey = matchKey(employer);
  }

  private static String matchKey(String name) {
    String key = rs.astra.nrm.shared.NameMatchKey.of(name);
    return key.isEmpty() ? null : key;
  }

  /**
   * @return the recruiter or recruitment agency as named on the case, or {@code null}
   */
  public String getRecruiterName() {
    return recruiterName;
  }

  /**
   * @return the employer as named on the case, or {@code null}
   */
  public String getEmployerName() {
    return employerName;
  }

  // --- end SOS hotline

  /**
   * @return the NRM stage
   */
  public NrmStage getStage() {
    return stage;
  }

  /**
   * @return the day identification was decided, or {@code null}
   */
  public LocalDate getIdentificationDecidedOn() {
    return identificationDecidedOn;
  }

  /**
   * @return the organisation that decided identification, or {@code null}
   */
  public Organisation getIdentificationDecidedBy() {
    return identificationDecidedBy;
  }

  /**
   * @return who asked to close the case, or {@code null}
   */
  public PortalUser getClosureRequestedBy() {
    return closureRequestedBy;
  }

  /**
   * @return the reason of a pending or approved closure, or {@code null}
   */
  public String getClosureRequestReason() {
    return closureRequestReason;
  }

  /**
   * @return the database id
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
   * @return the case code, {@code NRM-yyyy-nnnnn}
   */
  public String getCode() {
    return code;
  }

  /**
   * @return the owning organisation
   */
  public Organisation getOwnerOrganisation() {
    return ownerOrganisation;
  }

  /**
   * @return the owning caseworker (HTCDS {@code cas_CaseOwner})
   */
  public PortalUser getOwnerUser() {
    return ownerUser;
  }

  /**
   * @return the data subject
   */
  public Person getPerson() {
    return person;
  }

  /**
   * @return the day the case was opened
   */
  public LocalDate getOpenedOn() {
    return openedOn;
  }

  /**
   * @return when the record was created (UTC)
   */
  public Instant getCreatedAt() {
    return createdAt;
  }

  /**
   * @return HTCDS {@code cas_Status}
   */
  public CaseStatus getStatus() {
    return status;
  }

  /**
   * @return HTCDS {@code cas_ReasonForCaseClosure}
   */
  public String getReasonForCaseClosure() {
    return reasonForCaseClosure;
  }

  /**
   * @return HTCDS {@code con_Consent}, {@code null} when unknown
   */
  public Boolean getConsentFlag() {
    return consentFlag;
  }

  /**
   * @return HTCDS {@code vic_TraffickingStatus}
   */
  public TraffickingStatus getTraffickingStatus() {
    return traffickingStatus;
  }

  /**
   * @return HTCDS {@code vic_TraffickingStatusDecisionMakingOrg}
   */
  public TraffickingStatusDecisionMakingOrg getTraffickingStatusDecisionMakingOrg() {
    return traffickingStatusDecisionMakingOrg;
  }

  /**
   * @return HTCDS {@code vic_MethodOfRecruitment}, never {@code null}
   */
  public Set<MethodOfRecruitment> getMethodOfRecruitment() {
    return MultiValueColumn.toEnums(MethodOfRecruitment.class, methodOfRecruitment);
  }

  /**
   * @return HTCDS {@code vic_LocationOfRecruitment}
   */
  public String getLocationOfRecruitment() {
    return locationOfRecruitment;
  }

  /**
   * @return HTCDS {@code vic_MethodsOfControl}, never {@code null}
   */
  public Set<MethodOfControl> getMethodsOfControl() {
    return MultiValueColumn.toEnums(MethodOfControl.class, methodsOfControl);
  }

  /**
   * @return HTCDS {@code vic_TypeOfExploitation}, never {@code null}
   */
  public Set<TypeOfExploitation> getTypeOfExploitation() {
    return MultiValueColumn.toEnums(TypeOfExploitation.class, typeOfExploitation);
  }

  /**
   * @return HTCDS {@code vic_ForcedLabourIndustry}
   */
  public ForcedLabourIndustry getForcedLabourIndustry() {
    return forcedLabourIndustry;
  }

  /**
   * @return HTCDS {@code vic_TypeOfSexExploitation}, never {@code null}
   */
  public Set<TypeOfSexExploitation> getTypeOfSexExploitation() {
    return MultiValueColumn.toEnums(TypeOfSexExploitation.class, typeOfSexExploitation);
  }

  /**
   * @return HTCDS {@code vic_LocationOfExploitation}
   */
  public String getLocationOfExploitation() {
    return locationOfExploitation;
  }

  /**
   * @return HTCDS {@code cas_ReferringOrganisation}
   */
  public String getReferringOrganisation() {
    return referringOrganisation;
  }

  /**
   * @return HTCDS {@code cas_IncomingReferralDate}
   */
  public LocalDate getIncomingReferralDate() {
    return incomingReferralDate;
  }

  /**
   * @return HTCDS {@code cas_ReferringPrimaryCaseWorker}
   */
  public String getReferringPrimaryCaseWorker() {
    return referringPrimaryCaseWorker;
  }

  /**
   * @return HTCDS {@code cas_ReasonForIncomingReferral}
   */
  public ReferralReason getReasonForIncomingReferral() {
    return reasonForIncomingReferral;
  }

  /**
   * @return HTCDS {@code cas_IncomingReferralDetails}
   */
  public String getIncomingReferralDetails() {
    return incomingReferralDetails;
  }

  /**
   * Marks this case as merged into another case of the same person (issue 19); its records have
   * moved there, and it leaves every list.
   *
   * @param survivor the case that absorbs it
   * @throws IllegalStateException if this case is already merged, or the survivor is this case or
   *     itself merged
   * @throws IllegalArgumentException if the survivor has another owning organisation
   */
  public void mergeInto(CaseFile survivor) {
    if (mergedIntoId != null || survivor.mergedIntoId != null || survivor == this) {
      throw new IllegalStateException("case already merged");
    }
    if (!Objects.equals(survivor.getOwnerOrganisation().getId(), getOwnerOrganisation().getId())) {
      throw new IllegalArgumentException("cases of different organisations");
    }
    mergedIntoId = survivor.getId();
  }

  /** Undoes {@link #mergeInto}: the case is back in the lists. */
  public void reopenAfterMergeUndone() {
    mergedIntoId = null;
  }

  /**
   * @return the case this one was merged into, or {@code null}
   */
  public Long getMergedIntoId() {
    return mergedIntoId;
  }

  /**
   * @return the day the case was anonymised by the retention schedule or an erasure on request
   *     (Europe/Belgrade), or {@code null}; an anonymised case is read-only (issue 21)
   */
  public LocalDate getAnonymisedOn() {
    return anonymisedOn;
  }

  /**
   * @return whether processing of the case is restricted (GDPR Art. 18)
   */
  public boolean isRestricted() {
    return restrictedSince != null;
  }

  /**
   * Restricts processing of the case, or lifts the restriction (GDPR Art. 18); the caller records
   * who, when and why in a {@code CaseRestriction}.
   *
   * @param since when it is restricted (UTC), or {@code null} to lift the restriction
   * @throws IllegalStateException if the case is already in that state
   */
  public void markRestricted(Instant since) {
    if (isRestricted() == (since != null)) {
      throw new IllegalStateException(since != null ? "already restricted" : "not restricted");
    }
    this.restrictedSince = since;
  }
}
