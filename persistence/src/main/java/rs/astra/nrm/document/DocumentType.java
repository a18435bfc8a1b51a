package rs.astra.nrm.document;

import rs.astra.nrm.casefile.DataCategory;

/**
 * The kind of a case document, with the data category a document of that kind belongs to unless the
 * case owner changes it (issue 17, "What to build" 1). Every read of a document is a READ of its
 * category, so the default decides who may see a new upload.
 */
public enum DocumentType {
  /**
   * The signed consent form: proof of the legal basis of referrals; attached to its consent record.
   */
  CONSENT_FORM(DataCategory.IDENTITY),
  /** A scan of an identity document. */
  IDENTITY_DOCUMENT(DataCategory.IDENTITY),
  /** A medical record, e.g. a hospital's discharge letter (special-category data, GDPR Art. 9). */
  MEDICAL_RECORD(DataCategory.HEALTH),
  /** A police record, e.g. of a criminal complaint. */
  POLICE_RECORD(DataCategory.LEGAL_PROCEEDINGS),
  /** A court document, e.g. a summons. */
  COURT_DOCUMENT(DataCategory.LEGAL_PROCEEDINGS),
  /** A social-work assessment. */
  SOCIAL_ASSESSMENT(DataCategory.SOCIAL),
  /** Evidence of recruitment: a job advert, a contract, a screenshot. */
  RECRUITMENT_EVIDENCE(DataCategory.EXPLOITATION),
  /** A photo of the person. */
  PHOTO(DataCategory.IDENTITY),
  /** Correspondence about the case. */
  CORRESPONDENCE(DataCategory.SOCIAL),
  /** Anything else. */
  OTHER(DataCategory.SOCIAL);

  private final DataCategory defaultCategory;

  DocumentType(DataCategory defaultCategory) {
    this.defaultCategory = defaultCategory;
  }

  /**
   * The category a new document of this type is filed under (issue 17: identity document and photo
   * → IDENTITY, medical record → HEALTH, police and court records → LEGAL_PROCEEDINGS, assessment →
   * SOCIAL, evidence of recruitment → EXPLOITATION). The issue names no category for the consent
   * form, correspondence and other documents: the consent form carries the person's name and
   * signature (IDENTITY); correspondence and other documents default to SOCIAL, never to the
   * non-personal CASE_SUMMARY, so they are never shown without consent.
   *
   * @return the default data category, never {@code null} and never {@link
   *     DataCategory#CASE_SUMMARY}
   */
  public DataCategory defaultCategory() {
    return defaultCategory;
  }
}
