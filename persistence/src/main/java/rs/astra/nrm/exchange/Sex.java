package rs.astra.nrm.exchange;

/**
 * Sex as the statistics count it. The CTDC dataset knows {@code Female} and {@code Male}; HTCDS
 * {@code prs_Gender} also knows transgender and non-conforming persons, who are counted as OTHER in
 * the portal's tables and left unknown ({@code -99}) in CTDC exports, where so few would name them.
 */
public enum Sex {
  /** Female (CTDC {@code Female}; HTCDS Feminine). */
  FEMALE,
  /** Male (CTDC {@code Male}; HTCDS Masculine). */
  MALE,
  /** Transgender or non-conforming (HTCDS); never in CTDC data. */
  OTHER,
  /** Not recorded, or CTDC {@code -99}. */
  UNKNOWN
}
