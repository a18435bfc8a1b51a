package rs.astra.nrm.casefile;

/**
 * The categories of a case file's data, which consent and the access policy decide about one by one
 * (the model of the casefile context, so that the consent model may point to it and not back).
 * Everything but {@link #CASE_SUMMARY} is personal data (GDPR Art. 4(1)); HEALTH is
 * special-category data (Art. 9), and CONTACT is the most dangerous to leak.
 */
public enum DataCategory {
  /** Case code, NRM stage, status, exploitation types, year. No personal data. */
  CASE_SUMMARY,
  /**
   * Name, birth date, citizenship, identity numbers, photo (HTCDS {@code prs_*} identity fields).
   */
  IDENTITY,
  /** Address, phone, e-mail, current whereabouts, shelter. */
  CONTACT,
  /** Recruitment, exploitation, means of control, perpetrators (HTCDS {@code vic_*}). */
  EXPLOITATION,
  /** Health data and treatment records. */
  HEALTH,
  /** Criminal complaints, investigation, trial, victim-witness status. */
  LEGAL_PROCEEDINGS,
  /** Family, children, education, employment, support plan. */
  SOCIAL;

  /**
   * Whether this category holds personal data, so that every permit on it is audited.
   *
   * @return {@code false} only for {@link #CASE_SUMMARY}
   */
  public boolean isPersonal() {
    return this != CASE_SUMMARY;
  }
}
