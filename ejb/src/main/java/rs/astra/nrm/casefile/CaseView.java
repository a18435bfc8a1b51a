package rs.astra.nrm.casefile;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The case page, holding only what the viewer may see: for {@link CaseAccess#RECIPIENT} every
 * personal field ({@code person}, the victim context) is {@code null} and only the referrals to the
 * viewer's organisation are listed.
 *
 * @param id case id
 * @param version optimistic-lock version of the case
 * @param code case code
 * @param access how much the viewer may see
 * @param status HTCDS {@code cas_Status}
 * @param typeOfExploitation HTCDS {@code vic_TypeOfExploitation}
 * @param openedOn day opened
 * @param ownerOrganisation owning organisation's name
 * @param ownerUser owning caseworker's display name
 * @param person the data subject; {@code null} for recipients
 * @param victim the victim context; {@code null} for recipients
 * @param referrals referrals the viewer may see, oldest first
 */
public record CaseView(
    long id,
    long version,
    String code,
    CaseAccess access,
    CaseStatus status,
    List<TypeOfExploitation> typeOfExploitation,
    LocalDate openedOn,
    String ownerOrganisation,
    String ownerUser,
    PersonSection person,
    VictimSection victim,
    List<ReferralLine> referrals)
    implements Serializable {

  /**
   * Identity and contact data of the data subject (HTCDS {@code prs_*}).
   *
   * @param firstName first name
   * @param secondName surname
   * @param birthdate birth date
   * @param gender gender
   * @param citizenship ISO 3166 alpha-2 codes
   * @param mobilePhone mobile phone
   * @param email e-mail
   * @param address street, postal code and city in one line; {@code null} when none
   */
  public record PersonSection(
      String firstName,
      String secondName,
      LocalDate birthdate,
      Gender gender,
      List<String> citizenship,
      String mobilePhone,
      String email,
      String address)
      implements Serializable {}

  /**
   * The HTCDS victim context and incoming referral.
   *
   * @param traffickingStatus {@code vic_TraffickingStatus}
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
   * @param htcdsConsent {@code con_Consent}
   */
  public record VictimSection(
      TraffickingStatus traffickingStatus,
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
      Boolean htcdsConsent)
      implements Serializable {}

  /**
   * One referral of the case.
   *
   * @param id referral id
   * @param from sending organisation's name
   * @param to receiving organisation's name
   * @param reason HTCDS reason
   * @param details free text
   * @param date referral day
   * @param state lifecycle state
   */
  public record ReferralLine(
      long id,
      String from,
      String to,
      ReferralReason reason,
      String details,
      LocalDate date,
      rs.astra.nrm.referral.ReferralState state)
      implements Serializable {}
}
