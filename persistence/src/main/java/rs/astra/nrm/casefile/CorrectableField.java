package rs.astra.nrm.casefile;

import rs.astra.nrm.consent.DataCategory;

/**
 * The fields of a person a rectification (GDPR Art. 16, issue 21) may correct, each with the data
 * category it belongs to (which decides who may correct it, who reads its history and which
 * recipients are told of the change, Art. 19) and its HTCDS field.
 */
public enum CorrectableField {
  /** HTCDS {@code prs_FirstName}. */
  FIRST_NAME(DataCategory.IDENTITY),
  /** HTCDS {@code prs_SecondName} (surname). */
  SECOND_NAME(DataCategory.IDENTITY),
  /** HTCDS {@code prs_Birthdate}, written dd.MM.yyyy. */
  BIRTHDATE(DataCategory.IDENTITY),
  /** HTCDS {@code prs_Citizenship}: ISO 3166 alpha-2 codes, separated by commas. */
  CITIZENSHIP(DataCategory.IDENTITY),
  /** HTCDS {@code prs_MobilePhone}. */
  MOBILE_PHONE(DataCategory.CONTACT),
  /** HTCDS {@code prs_HomePhone}. */
  HOME_PHONE(DataCategory.CONTACT),
  /** HTCDS {@code prs_Email}. */
  EMAIL(DataCategory.CONTACT),
  /** HTCDS {@code prs_MailingStreet}. */
  MAILING_STREET(DataCategory.CONTACT),
  /** HTCDS {@code prs_MailingCity}. */
  MAILING_CITY(DataCategory.CONTACT);

  private final DataCategory category;

  CorrectableField(DataCategory category) {
    this.category = category;
  }

  /**
   * @return the data category the field belongs to
   */
  public DataCategory category() {
    return category;
  }
}
