package rs.astra.nrm.exchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The columns of the CTDC global dataset, in file order: the person's attributes, then each flag
 * group followed by its concatenated column, then abduction, recruiter relationship, country of
 * exploitation and the recruiter-relation flags.
 */
final class CtdcColumns {

  static final String YEAR = "yearOfRegistration";
  static final String DATASOURCE = "Datasource";
  static final String GENDER = "gender";
  static final String AGE = "ageBroad";
  static final String MAJORITY = "majorityStatus";
  static final String MAJORITY_AT_EXPLOIT = "majorityStatusAtExploit";
  static final String MAJORITY_ENTRY = "majorityEntry";
  static final String CITIZENSHIP = "citizenship";
  static final String RECRUITER_RELATIONSHIP = "RecruiterRelationship";
  static final String COUNTRY_OF_EXPLOITATION = "CountryOfExploitation";

  /** Every column, in file order. */
  static final List<String> ALL;

  static {
    List<String> all =
        new ArrayList<>(
            List.of(
                YEAR,
                DATASOURCE,
                GENDER,
                AGE,
                MAJORITY,
                MAJORITY_AT_EXPLOIT,
                MAJORITY_ENTRY,
                CITIZENSHIP));
    for (CtdcFlag.Group group :
        List.of(
            CtdcFlag.Group.MEANS_OF_CONTROL,
            CtdcFlag.Group.EXPLOITATION,
            CtdcFlag.Group.LABOUR,
            CtdcFlag.Group.SEX)) {
      group.flags().forEach(f -> all.add(f.column()));
      all.add(group.concatenatedColumn());
    }
    all.add(CtdcFlag.ABDUCTION.column());
    all.add(RECRUITER_RELATIONSHIP);
    all.add(COUNTRY_OF_EXPLOITATION);
    CtdcFlag.Group.RECRUITER_RELATION.flags().forEach(f -> all.add(f.column()));
    ALL = Collections.unmodifiableList(all);
  }

  private CtdcColumns() {}

  /**
   * The column a header text names.
   *
   * @param text a header cell, compared ignoring case and surrounding spaces
   * @return the column name as the CTDC writes it, or {@code null}
   */
  static String byHeader(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    return ALL.stream().filter(c -> c.equalsIgnoreCase(t)).findFirst().orElse(null);
  }
}
