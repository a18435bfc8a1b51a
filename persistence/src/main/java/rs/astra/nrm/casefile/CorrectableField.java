package rs.astra.nrm.casefile;

/**
 * The fields a rectification (GDPR Art. 16, issue 21) may correct — the person's ({@link
 * Person#correct}) and the case's own ({@link CaseFile#correct}) — each with the data category it
 * belongs to (which decides who may correct it, who reads its history and which recipients are told
 * of the change, Art. 19) and its HTCDS field. The categories are those the case page and the HTCDS
 * export give the fields: the {@code prs_} identity fields IDENTITY, address and phones CONTACT,
 * the victim context, the incoming referral and the recruiter and employer EXPLOITATION, the forms
 * of exploitation (shown in the case summary) CASE_SUMMARY.
 */
public enum CorrectableField {
  /** HTCDS {@code prs_FirstName}. */
  FIRST_NAME(DataCategory.IDENTITY, false),
  /** HTCDS {@code prs_SecondName} (surname). */
  SECOND_NAME(DataCategory.IDENTITY, false),
  /** HTCDS {@code prs_Birthdate}, written dd.MM.yyyy. */
  BIRTHDATE(DataCategory.IDENTITY, false),
  /** HTCDS {@code prs_Citizenship}: ISO 3166 alpha-2 codes, separated by commas. */
  CITIZENSHIP(DataCategory.IDENTITY, false),
  /**
   * HTCDS {@code prs_Gender}: one value name of its picklist ({@code Feminine}, {@code Masculine},
   * …), any case.
   */
  GENDER(DataCategory.IDENTITY, false),
  /** HTCDS {@code prs_MobilePhone}. */
  MOBILE_PHONE(DataCategory.CONTACT, false),
  /** HTCDS {@code prs_HomePhone}. */
  HOME_PHONE(DataCategory.CONTACT, false),
  /** HTCDS {@code prs_Email}. */
  EMAIL(DataCategory.CONTACT, false),
  /** HTCDS {@code prs_MailingStreet}. */
  MAILING_STREET(DataCategory.CONTACT, false),
  /** HTCDS {@code prs_MailingCity}. */
  MAILING_CITY(DataCategory.CONTACT, false),
  /** HTCDS {@code vic_LocationOfRecruitment}: free text, up to 255 characters. */
  LOCATION_OF_RECRUITMENT(DataCategory.EXPLOITATION, true),
  /**
   * HTCDS {@code vic_MethodOfRecruitment}: HTCDS value names ({@link MethodOfRecruitment}),
   * separated by commas.
   */
  METHOD_OF_RECRUITMENT(DataCategory.EXPLOITATION, true),
  /** HTCDS {@code vic_LocationOfExploitation}: free text, up to 255 characters. */
  LOCATION_OF_EXPLOITATION(DataCategory.EXPLOITATION, true),
  /**
   * HTCDS {@code vic_MethodsOfControl}: HTCDS value names ({@link MethodOfControl}), separated by
   * commas.
   */
  METHODS_OF_CONTROL(DataCategory.EXPLOITATION, true),
  /**
   * HTCDS {@code vic_TypeOfExploitation}: HTCDS value names ({@link TypeOfExploitation}), separated
   * by commas. Shown in the case summary, so of category CASE_SUMMARY like everywhere else.
   */
  TYPE_OF_EXPLOITATION(DataCategory.CASE_SUMMARY, true),
  /**
   * HTCDS {@code vic_TypeOfSexExploitation}: HTCDS value names ({@link TypeOfSexExploitation}),
   * separated by commas.
   */
  TYPE_OF_SEX_EXPLOITATION(DataCategory.EXPLOITATION, true),
  /**
   * HTCDS {@code vic_ForcedLabourIndustry}: one HTCDS value name ({@link ForcedLabourIndustry}).
   */
  FORCED_LABOUR_INDUSTRY(DataCategory.EXPLOITATION, true),
  /** HTCDS {@code cas_ReferringOrganisation}: free text, up to 255 characters. */
  REFERRING_ORGANISATION(DataCategory.EXPLOITATION, true),
  /** HTCDS {@code cas_ReferringPrimaryCaseWorker}: free text, up to 255 characters. */
  REFERRING_PRIMARY_CASE_WORKER(DataCategory.EXPLOITATION, true),
  /** HTCDS {@code cas_IncomingReferralDate}, written dd.MM.yyyy, not in the future. */
  INCOMING_REFERRAL_DATE(DataCategory.EXPLOITATION, true),
  /** HTCDS {@code cas_ReasonForIncomingReferral}: one HTCDS value name ({@link ReferralReason}). */
  REASON_FOR_INCOMING_REFERRAL(DataCategory.EXPLOITATION, true),
  /** HTCDS {@code cas_IncomingReferralDetails}: free text, up to 4000 characters. */
  INCOMING_REFERRAL_DETAILS(DataCategory.EXPLOITATION, true),
  /**
   * The recruiter or recruitment agency (SOS hotline, issue 7; in HTCDS a separate {@code per_}
   * record with {@code per_RoleInProcess} RecruiterOrIntermediary): up to 255 characters.
   */
  RECRUITER_NAME(DataCategory.EXPLOITATION, true),
  /**
   * The employer (in HTCDS a separate {@code per_} record with {@code per_RoleInProcess}
   * Exploiter): up to 255 characters.
   */
  EMPLOYER_NAME(DataCategory.EXPLOITATION, true);

  private final DataCategory category;
  private final boolean ofCase;

  CorrectableField(DataCategory category, boolean ofCase) {
    this.category = category;
    this.ofCase = ofCase;
  }

  /**
   * @return the data category the field belongs to
   */
  public DataCategory category() {
    return category;
  }

  /**
   * @return {@code true} for a field of the case ({@link CaseFile#correct}, the case's version
   *     guards it), {@code false} for a field of the person ({@link Person#correct}, the person's
   *     version guards it)
   */
  public boolean isOfCase() {
    return ofCase;
  }
}
