package rs.astra.nrm.rights;

/**
 * How the identity of the person who made a request was verified (GDPR Art. 12(6): the controller
 * may ask for what is needed to confirm it). Only the way is recorded, never the document's number.
 */
public enum IdentityVerification {
  /** She showed an identity document in person. */
  IDENTITY_DOCUMENT_IN_PERSON,
  /** The case's staff know her in person (she is their client). */
  KNOWN_TO_CASE_STAFF,
  /** Her legal representative or guardian, with the power of attorney or the decision shown. */
  REPRESENTATIVE_WITH_AUTHORITY,
  /** A qualified electronic signature or the state's electronic identification. */
  ELECTRONIC_IDENTIFICATION,
  /** Not verified yet: additional information was asked for (the deadline still runs). */
  PENDING
}
