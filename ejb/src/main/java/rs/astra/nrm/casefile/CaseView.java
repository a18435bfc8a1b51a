package rs.astra.nrm.casefile;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import rs.astra.nrm.consent.AccessBasis;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.DenyReason;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.referral.ReferralState;

/**
 * The case page, holding only what the policy permits the viewer to read: a section of a denied
 * category is {@code null} (absent, not blank), and {@link #hidden} says why it is hidden.
 *
 * @param id case id
 * @param version optimistic-lock version of the case
 * @param personVersion optimistic-lock version of the case's person (for a correction of her
 *     fields; not personal data), or {@code null} when the view shows nothing of her (IDENTITY and
 *     CONTACT hidden) and her record was not read
 * @param code case code
 * @param owned whether the viewer's organisation owns the case
 * @param status HTCDS {@code cas_Status}
 * @param stage the NRM stage
 * @param identificationDecidedOn day of the formal identification decision, or {@code null}
 * @param identificationDecidedBy the organisation that decided it, or {@code null}
 * @param closureRequested whether a closure waits for a coordinator's approval
 * @param traffickingStatus HTCDS {@code vic_TraffickingStatus} (presumed or identified victim)
 * @param typeOfExploitation HTCDS {@code vic_TypeOfExploitation}
 * @param openedOn day opened
 * @param ownerOrganisation owning organisation's name
 * @param ownerUser owning caseworker's display name; only for the owner
 * @param identity IDENTITY, or {@code null} when not permitted
 * @param contact CONTACT, or {@code null} when not permitted
 * @param exploitation EXPLOITATION, or {@code null} when not permitted
 * @param visible the basis of each permitted personal category (its section may still be empty when
 *     the portal holds no records of it yet)
 * @param hidden each personal category the viewer may not read, with why and whether she could open
 *     it in an emergency
 * @param referrals referrals the viewer may see (all for the owner, her organisation's otherwise)
 * @param consents the case's consents; only for the owner
 * @param emergencyAccesses emergency accesses to the case; only for the owner
 */
public record CaseView(
    long id,
    long version,
    Long personVersion,
    String code,
    boolean owned,
    CaseStatus status,
    NrmStage stage,
    LocalDate identificationDecidedOn,
    String identificationDecidedBy,
    boolean closureRequested,
    TraffickingStatus traffickingStatus,
    List<TypeOfExploitation> typeOfExploitation,
    LocalDate openedOn,
    String ownerOrganisation,
    String ownerUser,
    IdentitySection identity,
    ContactSection contact,
    ExploitationSection exploitation,
    Map<DataCategory, Basis> visible,
    List<Hidden> hidden,
    List<ReferralLine> referrals,
    List<ConsentLine> consents,
    List<EmergencyAccessLine> emergencyAccesses)
    implements Serializable {

  /**
   * Why a category is visible.
   *
   * @param basis the ground
   * @param reference consent id, emergency-access id or legal-basis code; {@code null} for OWNER
   * @param ownRecordsOnly whether only the organisation's own records are covered
   */
  public record Basis(AccessBasis basis, String reference, boolean ownRecordsOnly)
      implements Serializable {}

  /**
   * A hidden category.
   *
   * @param category the category
   * @param reason why it is hidden
   * @param emergencyAccessPossible whether the viewer may open it in an emergency (case referred to
   *     her organisation)
   */
  public record Hidden(DataCategory category, DenyReason reason, boolean emergencyAccessPossible)
      implements Serializable {}

  /**
   * IDENTITY: HTCDS {@code prs_FirstName}, {@code prs_SecondName}, {@code prs_Birthdate}, {@code
   * prs_Gender}, {@code prs_Citizenship}.
   *
   * @param firstName first name
   * @param secondName surname
   * @param birthdate birth date
   * @param gender gender
   * @param citizenship ISO 3166 alpha-2 codes
   */
  public record IdentitySection(
      String firstName,
      String secondName,
      LocalDate birthdate,
      Gender gender,
      List<String> citizenship)
      implements Serializable {}

  /**
   * CONTACT: HTCDS {@code prs_MobilePhone}, {@code prs_HomePhone}, {@code prs_Email} and the
   * mailing address.
   *
   * @param mobilePhone mobile phone
   * @param homePhone home phone
   * @param email e-mail
   * @param address street, postal code and city in one line; {@code null} when none
   */
  public record ContactSection(String mobilePhone, String homePhone, String email, String address)
      implements Serializable {}

  /**
   * EXPLOITATION: the HTCDS victim context and how the case came in.
   *
   * @param decisionMakingOrg {@code vic_TraffickingStatusDecisionMakingOrg}
   * @param methodOfRecruitment {@code vic_MethodOfRecruitment}
   * @param locationOfRecruitment {@code vic_LocationOfRecruitment}
   * @param methodsOfControl {@code vic_MethodsOfControl}
   * @param forcedLabourIndustry {@code vic_ForcedLabourIndustry}
   * @param typeOfSexExploitation {@code vic_TypeOfSexExploitation}
   * @param locationOfExploitation {@code vic_LocationOfExploitation}
   * @param referringOrganisation {@code cas_ReferringOrganisation}
   * @param incomingReferralDate {@code cas_IncomingReferralDate}
   * @param incomingReferralDetails {@code cas_IncomingReferralDetails}
   * @param reasonForCaseClosure {@code cas_ReasonForCaseClosure}
   * @param recruiterName recruiter or recruitment agency (SOS hotline, issue 7; HTCDS {@code
   *     per_RoleInProcess} RecruiterOrIntermediary), or {@code null}
   * @param employerName employer (HTCDS {@code per_RoleInProcess} Exploiter), or {@code null}
   */
  public record ExploitationSection(
      TraffickingStatusDecisionMakingOrg decisionMakingOrg,
      List<MethodOfRecruitment> methodOfRecruitment,
      String locationOfRecruitment,
      List<MethodOfControl> methodsOfControl,
      ForcedLabourIndustry forcedLabourIndustry,
      List<TypeOfSexExploitation> typeOfSexExploitation,
      String locationOfExploitation,
      String referringOrganisation,
      LocalDate incomingReferralDate,
      String incomingReferralDetails,
      String reasonForCaseClosure,
      String recruiterName,
      String employerName)
      implements Serializable {}

  /**
   * One referral of the case.
   *
   * @param id referral id
   * @param version its optimistic-lock version
   * @param fromId sending organisation id
   * @param from sending organisation's name
   * @param toId receiving organisation id
   * @param to receiving organisation's name
   * @param purpose purpose; {@code null} for an imported historic referral
   * @param categories categories asked for
   * @param details free text
   * @param date referral day
   * @param state lifecycle state
   * @param reason rejection or revocation reason, when there is one
   */
  public record ReferralLine(
      long id,
      long version,
      long fromId,
      String from,
      long toId,
      String to,
      Purpose purpose,
      List<DataCategory> categories,
      String details,
      LocalDate date,
      ReferralState state,
      String reason)
      implements Serializable {

    /**
     * The message key of a revocation reason the portal wrote itself, for the page to show in the
     * user's language (trial of 2026-12-07: "Povučeno — Consent withdrawn").
     *
     * @return {@code referral.revokedBecause.consentWithdrawn} or {@code .consentExpired}, or
     *     {@code null} for a reason a person wrote (shown as written) or none
     */
    public String systemReasonKey() {
      if (rs.astra.nrm.referral.Referral.REVOKED_CONSENT_WITHDRAWN.equals(reason)) {
        return "referral.revokedBecause.consentWithdrawn";
      }
      if (rs.astra.nrm.referral.Referral.REVOKED_CONSENT_EXPIRED.equals(reason)) {
        return "referral.revokedBecause.consentExpired";
      }
      return null;
    }
  }

  /**
   * One consent of the case.
   *
   * @param id consent id
   * @param version its optimistic-lock version
   * @param recipient recipient organisation's name
   * @param purpose purpose
   * @param categories categories covered
   * @param givenOn day given
   * @param validUntil last valid day, or {@code null}
   * @param form how it was given
   * @param recordedBy who recorded it
   * @param withdrawnAt when withdrawn, or {@code null}
   * @param withdrawnBy who withdrew it, or {@code null}
   * @param active whether it is active today (Europe/Belgrade)
   */
  public record ConsentLine(
      long id,
      long version,
      String recipient,
      Purpose purpose,
      List<DataCategory> categories,
      LocalDate givenOn,
      LocalDate validUntil,
      ConsentMethod form,
      String recordedBy,
      Instant withdrawnAt,
      String withdrawnBy,
      boolean active)
      implements Serializable {}

  /**
   * One emergency access to the case.
   *
   * @param id its id
   * @param user who opened it
   * @param organisation her organisation
   * @param category the category opened
   * @param reason the reason she gave
   * @param openedAt when (UTC)
   * @param expiresAt until when (UTC)
   */
  public record EmergencyAccessLine(
      long id,
      String user,
      String organisation,
      DataCategory category,
      String reason,
      Instant openedAt,
      Instant expiresAt)
      implements Serializable {}

  /**
   * Starts a case view of the given case, every section empty (absent) until set.
   *
   * @param id case id
   * @param version optimistic-lock version of the case
   * @param personVersion optimistic-lock version of the case's person, or {@code null} when her
   *     record was not read
   * @param code case code
   * @return a builder; {@link Builder#build()} makes the view
   */
  public static Builder of(long id, long version, Long personVersion, String code) {
    return new Builder(id, version, personVersion, code);
  }

  /**
   * Builds a {@link CaseView} part by part, by name (the record has many components of the same
   * types). Lists and maps left unset are empty; sections left unset are absent ({@code null}).
   */
  public static final class Builder {
    private final long id;
    private final long version;
    private final Long personVersion;
    private final String code;
    private boolean owned;
    private CaseStatus status;
    private NrmStage stage;
    private LocalDate identificationDecidedOn;
    private String identificationDecidedBy;
    private boolean closureRequested;
    private TraffickingStatus traffickingStatus;
    private List<TypeOfExploitation> typeOfExploitation = List.of();
    private LocalDate openedOn;
    private String ownerOrganisation;
    private String ownerUser;
    private IdentitySection identity;
    private ContactSection contact;
    private ExploitationSection exploitation;
    private Map<DataCategory, Basis> visible = Map.of();
    private List<Hidden> hidden = List.of();
    private List<ReferralLine> referrals = List.of();
    private List<ConsentLine> consents = List.of();
    private List<EmergencyAccessLine> emergencyAccesses = List.of();

    private Builder(long id, long version, Long personVersion, String code) {
      this.id = id;
      this.version = version;
      this.personVersion = personVersion;
      this.code = code;
    }

    /**
     * @param owned whether the viewer's organisation owns the case
     * @param ownerOrganisation the owning organisation's name
     * @param ownerUser the owning caseworker's display name, given only to the owner ({@code null}
     *     otherwise)
     * @return this builder
     */
    public Builder ownership(boolean owned, String ownerOrganisation, String ownerUser) {
      this.owned = owned;
      this.ownerOrganisation = ownerOrganisation;
      this.ownerUser = ownerUser;
      return this;
    }

    /**
     * @param status HTCDS {@code cas_Status}
     * @param stage the NRM stage
     * @param openedOn day opened
     * @param closureRequested whether a closure waits for a coordinator's approval
     * @return this builder
     */
    public Builder progress(
        CaseStatus status, NrmStage stage, LocalDate openedOn, boolean closureRequested) {
      this.status = status;
      this.stage = stage;
      this.openedOn = openedOn;
      this.closureRequested = closureRequested;
      return this;
    }

    /**
     * @param traffickingStatus HTCDS {@code vic_TraffickingStatus}
     * @param decidedOn day of the formal identification decision, or {@code null}
     * @param decidedBy the organisation that decided it, or {@code null}
     * @return this builder
     */
    public Builder identification(
        TraffickingStatus traffickingStatus, LocalDate decidedOn, String decidedBy) {
      this.traffickingStatus = traffickingStatus;
      this.identificationDecidedOn = decidedOn;
      this.identificationDecidedBy = decidedBy;
      return this;
    }

    /**
     * @param types HTCDS {@code vic_TypeOfExploitation} (copied)
     * @return this builder
     */
    public Builder typeOfExploitation(java.util.Collection<TypeOfExploitation> types) {
      this.typeOfExploitation = List.copyOf(types);
      return this;
    }

    /**
     * What the policy decided for the personal categories.
     *
     * @param visible the basis of each permitted personal category
     * @param hidden each personal category the viewer may not read, with why
     * @return this builder
     */
    public Builder access(Map<DataCategory, Basis> visible, List<Hidden> hidden) {
      this.visible = visible;
      this.hidden = hidden;
      return this;
    }

    /**
     * The personal sections; pass {@code null} for a section the viewer may not read.
     *
     * @param identity IDENTITY or {@code null}
     * @param contact CONTACT or {@code null}
     * @param exploitation EXPLOITATION or {@code null}
     * @return this builder
     */
    public Builder sections(
        IdentitySection identity, ContactSection contact, ExploitationSection exploitation) {
      this.identity = identity;
      this.contact = contact;
      this.exploitation = exploitation;
      return this;
    }

    /**
     * @param referrals the referrals the viewer may see
     * @return this builder
     */
    public Builder referrals(List<ReferralLine> referrals) {
      this.referrals = referrals;
      return this;
    }

    /**
     * What only the owner sees.
     *
     * @param consents the case's consents
     * @param emergencyAccesses emergency accesses to the case
     * @return this builder
     */
    public Builder ownerRecords(
        List<ConsentLine> consents, List<EmergencyAccessLine> emergencyAccesses) {
      this.consents = consents;
      this.emergencyAccesses = emergencyAccesses;
      return this;
    }

    /**
     * @return the view
     */
    public CaseView build() {
      return new CaseView(
          id,
          version,
          personVersion,
          code,
          owned,
          status,
          stage,
          identificationDecidedOn,
          identificationDecidedBy,
          closureRequested,
          traffickingStatus,
          typeOfExploitation,
          openedOn,
          ownerOrganisation,
          ownerUser,
          identity,
          contact,
          exploitation,
          visible,
          hidden,
          referrals,
          consents,
          emergencyAccesses);
    }
  }
}
