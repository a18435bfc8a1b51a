package rs.astra.nrm.casefile;

/** How much of a case a viewer may see, as decided by {@link CaseAccessRule}. */
public enum CaseAccess {
  /** Nothing; the case does not exist for this viewer. */
  NONE,
  /** Case code, status, exploitation types and the referrals to the viewer's organisation. */
  RECIPIENT,
  /** Everything: the viewer's organisation owns the case. */
  OWNER
}
