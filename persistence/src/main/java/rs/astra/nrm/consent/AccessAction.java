package rs.astra.nrm.consent;

/** What a user wants to do with a category of a case's data. */
public enum AccessAction {
  /** See it on a screen or through the API. */
  READ,
  /** Add or change records of the category. */
  UPDATE,
  /** Take it out of the portal in a file (CSV, XLSX). */
  EXPORT
}
