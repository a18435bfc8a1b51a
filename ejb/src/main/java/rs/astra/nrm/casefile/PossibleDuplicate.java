package rs.astra.nrm.casefile;

import java.io.Serializable;
import java.util.Set;

/**
 * A case whose data subject may be the person being recorded (issue 19): only the case's code and
 * which fields matched, never the other person's data. Found by {@link
 * CaseFileService#possibleDuplicates} among the cases whose IDENTITY the viewer may read.
 *
 * @param caseId the case's id
 * @param code the case's code
 * @param matched what matched; always a name and a birth date
 */
public record PossibleDuplicate(long caseId, String code, Set<Match> matched)
    implements Serializable {

  /** A field that matched, as the wizard names it. */
  public enum Match {
    /** The names have the same match key, in the same order. */
    NAMES,
    /** The names have the same match key with first and second name swapped. */
    NAMES_SWAPPED,
    /** The same birth date. */
    BIRTHDATE,
    /** A birth date at most a year apart. */
    BIRTHDATE_WITHIN_A_YEAR,
    /** A citizenship in common. */
    CITIZENSHIP;

    /**
     * @return the key of the field's name in the message bundle
     */
    public String messageKey() {
      return "newCase.duplicates.match." + name();
    }
  }

  /**
   * A copy whose set of matches, in the enum's order, cannot change.
   *
   * @param caseId the case's id
   * @param code the case's code
   * @param matched what matched, not empty
   */
  public PossibleDuplicate {
    matched = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(matched));
  }
}
