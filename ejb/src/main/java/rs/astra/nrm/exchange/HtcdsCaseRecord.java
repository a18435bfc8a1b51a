package rs.astra.nrm.exchange;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import rs.astra.nrm.casefile.CaseStatus;
import rs.astra.nrm.casefile.ForcedLabourIndustry;
import rs.astra.nrm.casefile.Gender;
import rs.astra.nrm.casefile.MethodOfControl;
import rs.astra.nrm.casefile.MethodOfRecruitment;
import rs.astra.nrm.casefile.ReferralReason;
import rs.astra.nrm.casefile.TraffickingStatus;
import rs.astra.nrm.casefile.TraffickingStatusDecisionMakingOrg;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.casefile.TypeOfSexExploitation;

/**
 * One validated row of an HTCDS 2.0 spreadsheet: a case with its victim's person data.
 *
 * <p>Texts are cleaned (Unicode NFC, white space collapsed, trimmed; Cyrillic and Latin kept as
 * given); absent values are {@code null}; multi-select fields are unmodifiable sets, empty when the
 * cell was empty. Each component's Javadoc names the HTCDS field it comes from.
 *
 * @param rowNumber the row the record came from as the user sees it: 1-based Excel row, or for CSV
 *     the record number counting the header line as 1
 * @param caseOwner {@code cas_CaseOwner}: username of the responsible portal user; never {@code
 *     null}
 * @param salutation {@code prs_Salutation}
 * @param firstName {@code prs_FirstName}
 * @param secondName {@code prs_SecondName}
 * @param consent {@code con_Consent}: whether the person consented to data processing
 * @param birthdate {@code prs_Birthdate}: not after the import date
 * @param gender {@code prs_Gender}
 * @param citizenship {@code prs_Citizenship}: ISO 3166-1 alpha-2 codes, upper case, sorted
 * @param title {@code prs_Title}
 * @param email {@code prs_Email}
 * @param homePhone {@code prs_HomePhone}: as written, not normalised
 * @param mobilePhone {@code prs_MobilePhone}: as written, not normalised
 * @param mailingStreet {@code prs_MailingStreet}
 * @param mailingCity {@code prs_MailingCity}
 * @param mailingState {@code prs_MailingState}
 * @param mailingPostalCode {@code prs_MailingPostalCode}
 * @param mailingCountry {@code prs_MailingCountry}: an ISO 3166-1 alpha-2 code, upper case
 * @param traffickingStatus {@code vic_TraffickingStatus}
 * @param traffickingStatusDecisionMakingOrg {@code vic_TraffickingStatusDecisionMakingOrg}
 * @param methodOfRecruitment {@code vic_MethodOfRecruitment}
 * @param locationOfRecruitment {@code vic_LocationOfRecruitment}: free text (a place or country
 *     name)
 * @param methodsOfControl {@code vic_MethodsOfControl}
 * @param typeOfExploitation {@code vic_TypeOfExploitation}
 * @param forcedLabourIndustry {@code vic_ForcedLabourIndustry}
 * @param typeOfSexExploitation {@code vic_TypeOfSexExploitation}
 * @param locationOfExploitation {@code vic_LocationOfExploitation}: free text
 * @param caseStatus {@code cas_Status}
 * @param referringOrganisation {@code cas_ReferringOrganisation}: organisation name as written
 * @param incomingReferralDate {@code cas_IncomingReferralDate}: not after the import date
 * @param referringPrimaryCaseWorker {@code cas_ReferringPrimaryCaseWorker}: name as written
 * @param reasonForIncomingReferral {@code cas_ReasonForIncomingReferral}
 * @param incomingReferralDetails {@code cas_IncomingReferralDetails}: up to 4000 characters
 * @param referredOrganisation {@code cas_ReferredOrganisation}: organisation name as written
 * @param referredPrimaryCaseWorker {@code cas_ReferredPrimaryCaseWorker}: name as written
 * @param reasonForOutgoingReferral {@code cas_ReasonForOutgoingReferral}
 * @param outgoingReferralDate {@code cas_OutgoingReferralDate}: not after the import date
 * @param outgoingReferralDetails {@code cas_OutgoingReferralDetails}: up to 4000 characters
 * @param reasonForCaseClosure {@code cas_ReasonForCaseClosure}: up to 4000 characters
 */
public record HtcdsCaseRecord(
    int rowNumber,
    String caseOwner,
    String salutation,
    String firstName,
    String secondName,
    Boolean consent,
    LocalDate birthdate,
    Gender gender,
    Set<String> citizenship,
    String title,
    String email,
    String homePhone,
    String mobilePhone,
    String mailingStreet,
    String mailingCity,
    String mailingState,
    String mailingPostalCode,
    String mailingCountry,
    TraffickingStatus traffickingStatus,
    TraffickingStatusDecisionMakingOrg traffickingStatusDecisionMakingOrg,
    Set<MethodOfRecruitment> methodOfRecruitment,
    String locationOfRecruitment,
    Set<MethodOfControl> methodsOfControl,
    Set<TypeOfExploitation> typeOfExploitation,
    ForcedLabourIndustry forcedLabourIndustry,
    Set<TypeOfSexExploitation> typeOfSexExploitation,
    String locationOfExploitation,
    CaseStatus caseStatus,
    String referringOrganisation,
    LocalDate incomingReferralDate,
    String referringPrimaryCaseWorker,
    ReferralReason reasonForIncomingReferral,
    String incomingReferralDetails,
    String referredOrganisation,
    String referredPrimaryCaseWorker,
    ReferralReason reasonForOutgoingReferral,
    LocalDate outgoingReferralDate,
    String outgoingReferralDetails,
    String reasonForCaseClosure) {

  /**
   * Makes the sets unmodifiable copies ({@code null} becomes an empty set), so the record stays
   * immutable whatever the caller passes.
   */
  public HtcdsCaseRecord {
    citizenship =
        Collections.unmodifiableSortedSet(
            citizenship == null ? new TreeSet<>() : new TreeSet<>(citizenship));
    methodOfRecruitment = enumSet(methodOfRecruitment, MethodOfRecruitment.class);
    methodsOfControl = enumSet(methodsOfControl, MethodOfControl.class);
    typeOfExploitation = enumSet(typeOfExploitation, TypeOfExploitation.class);
    typeOfSexExploitation = enumSet(typeOfSexExploitation, TypeOfSexExploitation.class);
  }

  private static <E extends Enum<E>> Set<E> enumSet(Set<E> values, Class<E> type) {
    EnumSet<E> copy = EnumSet.noneOf(type);
    if (values != null) {
      copy.addAll(values);
    }
    return Collections.unmodifiableSet(copy);
  }

  /**
   * Returns only the row number and case owner: the other components are personal data of a
   * trafficking victim and a record's {@code toString()} easily ends up in a log.
   *
   * @return e.g. {@code HtcdsCaseRecord[rowNumber=3, caseOwner=ngo.caseworker1]}
   */
  @Override
  public String toString() {
    return "HtcdsCaseRecord[rowNumber=" + rowNumber + ", caseOwner=" + caseOwner + "]";
  }
}
