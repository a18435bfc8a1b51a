package rs.astra.nrm.consent;

/**
 * Why the policy denied access, most specific first; the case page shows it for every hidden
 * category (message key {@code deny.<NAME>}). Part of the consent model (persistence module) with
 * {@link Decision}; the audit trail stores its name as a refusal's reference.
 */
public enum DenyReason {
  /**
   * Administrators and data protection officers read no case data (data minimisation, GDPR Art.
   * 5(1)(c)).
   */
  ADMINISTRATOR,
  /** The case is not referred to the user's organisation (or the referral is no longer live). */
  NOT_REFERRED,
  /** No live referral to the organisation asks for this category. */
  NOT_IN_REFERRAL,
  /** The data subject gave the organisation no consent for the referral's purpose. */
  NO_CONSENT,
  /** The consent for this purpose and category was withdrawn. */
  CONSENT_WITHDRAWN,
  /** The consent for this purpose and category has expired. */
  CONSENT_EXPIRED,
  /** The consent starts on a later day. */
  CONSENT_NOT_YET_VALID,
  /** A consent exists, but for another purpose than the referral's. */
  CONSENT_OTHER_PURPOSE,
  /** A consent for the purpose exists, but does not cover this category. */
  CONSENT_OTHER_CATEGORY,
  /** The basis the user has does not allow this action (e.g. emergency access is read-only). */
  ACTION_NOT_PERMITTED,
  /** Emergency access is only for a case that is still open. */
  CASE_CLOSED,
  /** The case was anonymised (retention or erasure, issue 21): nothing of it changes any more. */
  CASE_ANONYMISED,
  /**
   * The case was merged into another (issue 19): an empty shell, whose records are in the surviving
   * case; nothing is read or done on it (its page says where it went).
   */
  CASE_MERGED,
  /**
   * An emergency access needs a reason of meaning: not one character repeated, not a placeholder.
   */
  REASON_NOT_MEANINGFUL,
  /** The user already has an open emergency access to this category of this case. */
  EMERGENCY_ALREADY_OPEN,
  /** The user has opened as many emergency accesses today as one may without the DPO. */
  EMERGENCY_DAILY_LIMIT,
  /**
   * The person withdrew her consent for the organisation: only a threat to her life or health
   * (vital interest, GDPR Art. 9(2)(c)) can justify an emergency access, and must be confirmed.
   */
  VITAL_INTEREST_REQUIRED,
  /** An emergency access needs a reason of at least 20 visible characters. */
  REASON_TOO_SHORT,
  /** The organisation owns the case and needs no emergency access. */
  NOT_NEEDED,
  /**
   * Processing of the case is restricted (GDPR Art. 18; ZZPL art. 31): only the owning
   * organisation's coordinators read it, nobody updates, shares or exports it until it is lifted.
   */
  RESTRICTED
}
