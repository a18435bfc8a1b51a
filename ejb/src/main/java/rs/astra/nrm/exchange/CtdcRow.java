package rs.astra.nrm.exchange;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One record of the CTDC global dataset layout: an anonymised victim, no names, the year only.
 * {@code null} (and an absent flag) stands for the file's {@code -99}, unknown.
 *
 * @param rowNumber the record number in the file, counting the header line (0 for rows the portal
 *     made)
 * @param yearOfRegistration {@code yearOfRegistration}
 * @param datasource {@code Datasource}, e.g. "Case Management" or "Hotline"
 * @param gender {@code gender}: FEMALE or MALE
 * @param ageBand {@code ageBroad}
 * @param majorityStatus {@code majorityStatus}
 * @param majorityStatusAtExploit {@code majorityStatusAtExploit}
 * @param majorityEntry {@code majorityEntry}
 * @param citizenship {@code citizenship}, ISO 3166-1 alpha-2
 * @param countryOfExploitation {@code CountryOfExploitation}, ISO 3166-1 alpha-2
 * @param recruiterRelationship {@code RecruiterRelationship}, as written
 * @param flags every flag column that is known: {@code true} for 1, {@code false} for 0
 */
public record CtdcRow(
    int rowNumber,
    int yearOfRegistration,
    String datasource,
    Sex gender,
    AgeBand ageBand,
    Majority majorityStatus,
    Majority majorityStatusAtExploit,
    Majority majorityEntry,
    String citizenship,
    String countryOfExploitation,
    String recruiterRelationship,
    Map<CtdcFlag, Boolean> flags) {

  /** Copies the flags into an unmodifiable map. */
  public CtdcRow {
    EnumMap<CtdcFlag, Boolean> copy = new EnumMap<>(CtdcFlag.class);
    if (flags != null) {
      copy.putAll(flags);
    }
    flags = Collections.unmodifiableMap(copy);
  }

  /**
   * @param flag a flag
   * @return {@code 1}, {@code 0} or {@code -99} as in the file
   */
  public int flag(CtdcFlag flag) {
    Boolean v = flags.get(flag);
    return v == null ? -99 : v ? 1 : 0;
  }
}
