package rs.astra.nrm.hotline;

/**
 * Who called, as far as the caller says; calls are anonymous unless the caller agrees otherwise.
 * Stored by name.
 */
public enum CallerType {
  /** A person who may be, or may become, a victim (e.g. about to take a job abroad). */
  POTENTIAL_VICTIM,
  /** A member of such a person's family. */
  FAMILY_MEMBER,
  /** A citizen who reports or asks. */
  CITIZEN,
  /** An institution (school, centre for social work, embassy, police…). */
  INSTITUTION,
  /** An employer. */
  EMPLOYER,
  /** The caller did not say. */
  ANONYMOUS
}
