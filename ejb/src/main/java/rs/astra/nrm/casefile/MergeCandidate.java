package rs.astra.nrm.casefile;

import java.io.Serializable;

/**
 * A possible duplicate offered for a merge on a case page (issue 19): the case's code and what
 * matched, with the version of the case row seen, which the merge checks.
 *
 * @param duplicate the other case's id, code and what matched
 * @param version the other case's optimistic-lock version when listed
 */
public record MergeCandidate(PossibleDuplicate duplicate, long version) implements Serializable {}
