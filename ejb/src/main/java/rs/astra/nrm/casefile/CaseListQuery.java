package rs.astra.nrm.casefile;

import java.io.Serializable;

/**
 * What page of the case list to fetch, in what order, with which filters.
 *
 * @param first index of the first row, 0-based
 * @param pageSize rows per page, 1 to 500
 * @param sortBy the column to sort by
 * @param ascending sort direction
 * @param codeContains case-code fragment, ignoring case; {@code null} or blank = no filter
 * @param nameContains fragment of the data subject's name, in either script, ignoring case and
 *     diacritics, or her full name in either order ("Milica" and "Јовановић Милица" find Милица
 *     Јовановић; see {@link rs.astra.nrm.casefile.Person#nameKeyOf}); matches only cases the
 *     viewer's organisation owns (a recipient must not learn names by filtering); {@code null} or
 *     blank = no filter; a text without letters or digits matches no case
 * @param status only cases with this HTCDS status; {@code null} = all
 */
public record CaseListQuery(
    int first,
    int pageSize,
    SortColumn sortBy,
    boolean ascending,
    String codeContains,
    String nameContains,
    CaseStatus status)
    implements Serializable {

  /** Columns the case list can be sorted by. */
  public enum SortColumn {
    /** Case code. */
    CODE,
    /** Day opened. */
    OPENED_ON,
    /** HTCDS case status. */
    STATUS,
    /** Data subject's surname then first name (cases of other owners sort last). */
    PERSON_NAME
  }

  /**
   * @throws IllegalArgumentException if {@code first} is negative or {@code pageSize} is not 1–500
   */
  public CaseListQuery {
    if (first < 0) {
      throw new IllegalArgumentException("first must be >= 0");
    }
    if (pageSize < 1 || pageSize > 500) {
      throw new IllegalArgumentException("pageSize must be 1 to 500");
    }
    if (sortBy == null) {
      sortBy = SortColumn.OPENED_ON;
    }
  }

  /**
   * The first page, newest cases first, no filters.
   *
   * @param pageSize rows per page, 1 to 500
   * @return the query
   */
  public static CaseListQuery firstPage(int pageSize) {
    return new CaseListQuery(0, pageSize, SortColumn.OPENED_ON, false, null, null, null);
  }
}
