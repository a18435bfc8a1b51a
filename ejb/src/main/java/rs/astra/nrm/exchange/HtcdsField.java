package rs.astra.nrm.exchange;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import rs.astra.nrm.casefile.CaseStatus;
import rs.astra.nrm.casefile.DataCategory;
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
 * The HTCDS 2.0 fields the importer stores, in the order of {@link HtcdsCaseRecord}: full field
 * name and English label as in the HTCDS field standards, and how a cell of that field is
 * converted.
 */
enum HtcdsField {
  CASE_OWNER("cas_CaseOwner", "Case Owner", Kind.TEXT),
  SALUTATION("prs_Salutation", "Salutation", Kind.SHORT_TEXT),
  FIRST_NAME("prs_FirstName", "First Name", Kind.TEXT),
  SECOND_NAME("prs_SecondName", "Second Name", Kind.TEXT),
  CONSENT("con_Consent", "Consent", Kind.BOOLEAN),
  BIRTHDATE("prs_Birthdate", "Birthdate", Kind.PAST_DATE),
  GENDER("prs_Gender", "Gender", Gender.class, false),
  CITIZENSHIP("prs_Citizenship", "Citizenship", Kind.COUNTRY_CODES),
  TITLE("prs_Title", "Title", Kind.TEXT),
  EMAIL("prs_Email", "Email", Kind.TEXT),
  HOME_PHONE("prs_HomePhone", "Home Phone", Kind.TEXT),
  MOBILE_PHONE("prs_MobilePhone", "Mobile Phone", Kind.TEXT),
  MAILING_STREET("prs_MailingStreet", "Mailing Street", Kind.TEXT),
  MAILING_CITY("prs_MailingCity", "Mailing City", Kind.TEXT),
  MAILING_STATE("prs_MailingState", "Mailing State/Province", Kind.TEXT),
  MAILING_POSTAL_CODE("prs_MailingPostalCode", "Mailing Zip/Postal Code", Kind.TEXT),
  MAILING_COUNTRY("prs_MailingCountry", "Mailing Country", Kind.COUNTRY_CODE),
  TRAFFICKING_STATUS("vic_TraffickingStatus", "Trafficking Status", TraffickingStatus.class, false),
  TRAFFICKING_STATUS_DECISION_MAKING_ORG(
      "vic_TraffickingStatusDecisionMakingOrg",
      "Trafficking Status Decision Making Organization",
      TraffickingStatusDecisionMakingOrg.class,
      false),
  METHOD_OF_RECRUITMENT(
      "vic_MethodOfRecruitment", "Method of Recruitment", MethodOfRecruitment.class, true),
  LOCATION_OF_RECRUITMENT("vic_LocationOfRecruitment", "Location of Recruitment", Kind.TEXT),
  METHODS_OF_CONTROL("vic_MethodsOfControl", "Methods of Control", MethodOfControl.class, true),
  TYPE_OF_EXPLOITATION(
      "vic_TypeOfExploitation", "Type of Exploitation", TypeOfExploitation.class, true),
  FORCED_LABOUR_INDUSTRY(
      "vic_ForcedLabourIndustry", "Forced Labour Industry", ForcedLabourIndustry.class, false),
  TYPE_OF_SEX_EXPLOITATION(
      "vic_TypeOfSexExploitation", "Type of Sex Exploitation", TypeOfSexExploitation.class, true),
  LOCATION_OF_EXPLOITATION("vic_LocationOfExploitation", "Location of Exploitation", Kind.TEXT),
  CASE_STATUS("cas_Status", "Status", CaseStatus.class, false),
  REFERRING_ORGANISATION("cas_ReferringOrganisation", "Referring Organisation", Kind.TEXT),
  INCOMING_REFERRAL_DATE("cas_IncomingReferralDate", "Incoming Referral Date", Kind.DATE),
  REFERRING_PRIMARY_CASE_WORKER(
      "cas_ReferringPrimaryCaseWorker", "Referring Primary Case Worker", Kind.TEXT),
  REASON_FOR_INCOMING_REFERRAL(
      "cas_ReasonForIncomingReferral", "Reason for Incoming Referral", ReferralReason.class, false),
  INCOMING_REFERRAL_DETAILS(
      "cas_IncomingReferralDetails", "Incoming Referral Details", Kind.LONG_TEXT),
  REFERRED_ORGANISATION("cas_ReferredOrganisation", "Referred Organisation", Kind.TEXT),
  REFERRED_PRIMARY_CASE_WORKER(
      "cas_ReferredPrimaryCaseWorker", "Referred Primary Case Worker", Kind.TEXT),
  REASON_FOR_OUTGOING_REFERRAL(
      "cas_ReasonForOutgoingReferral", "Reason for Outgoing Referral", ReferralReason.class, false),
  OUTGOING_REFERRAL_DATE("cas_OutgoingReferralDate", "Outgoing Referral Date", Kind.DATE),
  OUTGOING_REFERRAL_DETAILS(
      "cas_OutgoingReferralDetails", "Outgoing Referral Details", Kind.LONG_TEXT),
  REASON_FOR_CASE_CLOSURE("cas_ReasonForCaseClosure", "Reason for Case Closure", Kind.LONG_TEXT);

  /** How a cell is converted; the text kinds carry the column length of the case file tables. */
  enum Kind {
    /** Up to 40 characters: the column of a salutation (person.salutation, migration V1). */
    SHORT_TEXT(40),
    TEXT(255),
    LONG_TEXT(4000),
    BOOLEAN(0),
    /** A date that cannot lie after today: a birth date. */
    PAST_DATE(0),
    /**
     * Any valid date. Referral dates may lie ahead: a referral can be scheduled, and the sample
     * caseload itself holds one dated 5 December 2026.
     */
    DATE(0),
    PICKLIST(0),
    MULTI_PICKLIST(0),
    /** One ISO 3166-1 alpha-2 code. */
    COUNTRY_CODE(0),
    /** Several ISO 3166-1 alpha-2 codes, separated by semicolons. */
    COUNTRY_CODES(0);

    final int maxLength;

    Kind(int maxLength) {
      this.maxLength = maxLength;
    }
  }

  private static final Map<String, HtcdsField> BY_NAME_KEY = new HashMap<>();
  private static final Map<String, HtcdsField> BY_LABEL_KEY = new HashMap<>();

  static {
    for (HtcdsField field : values()) {
      BY_NAME_KEY.put(HtcdsText.key(field.htcdsName), field);
      BY_LABEL_KEY.put(HtcdsText.key(field.label), field);
    }
    HtcdsAliases.FIELD_NAMES.forEach(
        (alias, name) ->
            BY_NAME_KEY.put(HtcdsText.key(alias), BY_NAME_KEY.get(HtcdsText.key(name))));
  }

  private final String htcdsName;
  private final String label;
  private final Kind kind;
  private final Class<? extends Enum<?>> picklist;

  HtcdsField(String htcdsName, String label, Kind kind) {
    this.htcdsName = htcdsName;
    this.label = label;
    this.kind = kind;
    this.picklist = null;
  }

  HtcdsField(
      String htcdsName, String label, Class<? extends Enum<?>> picklist, boolean multiSelect) {
    this.htcdsName = htcdsName;
    this.label = label;
    this.kind = multiSelect ? Kind.MULTI_PICKLIST : Kind.PICKLIST;
    this.picklist = picklist;
  }

  /** The full HTCDS field name including prefix, e.g. {@code prs_Birthdate}. */
  String htcdsName() {
    return htcdsName;
  }

  /** The HTCDS English field label, e.g. {@code Birthdate}. */
  String label() {
    return label;
  }

  Kind kind() {
    return kind;
  }

  /** The picklist enum for (multi-)picklist fields, otherwise {@code null}. */
  Class<? extends Enum<?>> picklist() {
    return picklist;
  }

  /**
   * The data category a field belongs to, which the access policy decides about when a case is
   * exported: the {@code prs_} identity fields IDENTITY, the address and phones CONTACT, the victim
   * context and the incoming referral EXPLOITATION (as on the case page), and what the case summary
   * shows — owner, status, trafficking status, forms of exploitation, consent flag and the outgoing
   * referral — CASE_SUMMARY.
   *
   * @return the category
   */
  DataCategory category() {
    return switch (this) {
      case SALUTATION, FIRST_NAME, SECOND_NAME, BIRTHDATE, GENDER, CITIZENSHIP, TITLE ->
          DataCategory.IDENTITY;
      case EMAIL,
          HOME_PHONE,
          MOBILE_PHONE,
          MAILING_STREET,
          MAILING_CITY,
          MAILING_STATE,
          MAILING_POSTAL_CODE,
          MAILING_COUNTRY ->
          DataCategory.CONTACT;
      case TRAFFICKING_STATUS_DECISION_MAKING_ORG,
          METHOD_OF_RECRUITMENT,
          LOCATION_OF_RECRUITMENT,
          METHODS_OF_CONTROL,
          FORCED_LABOUR_INDUSTRY,
          TYPE_OF_SEX_EXPLOITATION,
          LOCATION_OF_EXPLOITATION,
          REFERRING_ORGANISATION,
          INCOMING_REFERRAL_DATE,
          REFERRING_PRIMARY_CASE_WORKER,
          REASON_FOR_INCOMING_REFERRAL,
          INCOMING_REFERRAL_DETAILS,
          REASON_FOR_CASE_CLOSURE ->
          DataCategory.EXPLOITATION;
      case CASE_OWNER,
          CONSENT,
          TRAFFICKING_STATUS,
          TYPE_OF_EXPLOITATION,
          CASE_STATUS,
          REFERRED_ORGANISATION,
          REFERRED_PRIMARY_CASE_WORKER,
          REASON_FOR_OUTGOING_REFERRAL,
          OUTGOING_REFERRAL_DATE,
          OUTGOING_REFERRAL_DETAILS ->
          DataCategory.CASE_SUMMARY;
    };
  }

  /**
   * Only the case owner is required: without it no one would be responsible for the imported case.
   */
  boolean required() {
    return this == CASE_OWNER;
  }

  /**
   * Finds the field whose HTCDS field name (or known misspelling) a header text holds.
   *
   * @param text a header cell text, compared ignoring case, spaces and punctuation; may be {@code
   *     null}
   * @return the field, or empty
   */
  static Optional<HtcdsField> byFieldName(String text) {
    return Optional.ofNullable(BY_NAME_KEY.get(HtcdsText.key(text)));
  }

  /**
   * Finds the field whose HTCDS English label a header text holds.
   *
   * @param text a header cell text, compared ignoring case, spaces and punctuation; may be {@code
   *     null}
   * @return the field, or empty
   */
  static Optional<HtcdsField> byLabel(String text) {
    return Optional.ofNullable(BY_LABEL_KEY.get(HtcdsText.key(text)));
  }

  /**
   * Finds the field a header text names, by field name first and label second.
   *
   * @param text a header cell text; may be {@code null}
   * @return the field, or empty
   */
  static Optional<HtcdsField> byHeaderText(String text) {
    return byFieldName(text).or(() -> byLabel(text));
  }
}
