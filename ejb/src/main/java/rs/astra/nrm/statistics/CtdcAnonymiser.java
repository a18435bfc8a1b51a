package rs.astra.nrm.statistics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rs.astra.nrm.exchange.CtdcFlag;
import rs.astra.nrm.exchange.CtdcRow;

/**
 * Makes record-level CTDC exports safe: no record may be one of fewer than {@value
 * SmallCellProtection#THRESHOLD} records sharing the same gender, age band, citizenship and forms
 * of exploitation (the quasi-identifiers; k-anonymity with k = 5, as the CTDC's own k-anonymised
 * global dataset does).
 *
 * <p>Records in a smaller group are generalised step by step — citizenship made unknown, then the
 * age band (the majority status stays), then the forms of exploitation (with the types of labour
 * and of sexual exploitation, which would reveal them), then gender — and a record joins a group as
 * soon as that group (counting records already final) reaches 5. Records still in a group under 5
 * after the last step are left out. Every record of one key moves together, so no group that is
 * final can later shrink. Deterministic: the output keeps the input order.
 *
 * <p>Source: Sweeney, "k-anonymity: a model for protecting privacy" (2002); CTDC, "Global
 * K-anonymised dataset, methodology". GDPR recital 26: data so anonymised is no longer personal
 * data.
 */
public final class CtdcAnonymiser {

  /** The smallest group allowed. */
  public static final int K = SmallCellProtection.THRESHOLD;

  private static final int LEVELS = 5;

  /**
   * The outcome.
   *
   * @param rows the records to export, in input order
   * @param generalised how many of them had a value made unknown
   * @param suppressed how many records were left out
   */
  public record Result(List<CtdcRow> rows, int generalised, int suppressed) {}

  /**
   * Anonymises records.
   *
   * @param records the records of the portal's cases
   * @return the records that may leave the portal
   */
  public Result anonymise(List<CtdcRow> records) {
    int n = records.size();
    CtdcRow[] result = new CtdcRow[n];
    int[] level = new int[n];
    Map<List<Object>, Integer> finalCounts = new HashMap<>();
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      pending.add(i);
    }
    for (int l = 0; l < LEVELS && !pending.isEmpty(); l++) {
      Map<List<Object>, List<Integer>> groups = new HashMap<>();
      for (int i : pending) {
        CtdcRow generalised = generalise(records.get(i), l);
        result[i] = generalised;
        level[i] = l;
        groups.computeIfAbsent(key(generalised), k -> new ArrayList<>()).add(i);
      }
      List<Integer> stillSmall = new ArrayList<>();
      for (Map.Entry<List<Object>, List<Integer>> group : groups.entrySet()) {
        int size = group.getValue().size() + finalCounts.getOrDefault(group.getKey(), 0);
        if (size >= K) {
          finalCounts.merge(group.getKey(), group.getValue().size(), Integer::sum);
        } else {
          stillSmall.addAll(group.getValue());
        }
      }
      stillSmall.sort(null);
      pending = stillSmall;
    }
    boolean[] left = new boolean[n];
    pending.forEach(i -> left[i] = true);
    List<CtdcRow> rows = new ArrayList<>();
    int generalised = 0;
    for (int i = 0; i < n; i++) {
      if (!left[i]) {
        rows.add(result[i]);
        if (level[i] > 0 && !result[i].equals(records.get(i))) {
          generalised++;
        }
      }
    }
    return new Result(rows, generalised, pending.size());
  }

  /**
   * The quasi-identifiers of a record: gender, age band, citizenship and the forms of exploitation
   * (each exploitation flag as 1, 0 or -99).
   *
   * @param row a record
   * @return a key; equal keys are one group
   */
  public static List<Object> key(CtdcRow row) {
    List<Object> key = new ArrayList<>();
    key.add(row.gender());
    key.add(row.ageBand());
    key.add(row.citizenship());
    for (CtdcFlag f : CtdcFlag.Group.EXPLOITATION.flags()) {
      key.add(row.flag(f));
    }
    return key;
  }

  private static CtdcRow generalise(CtdcRow r, int level) {
    if (level == 0) {
      return r;
    }
    Map<CtdcFlag, Boolean> flags = new EnumMap<>(CtdcFlag.class);
    flags.putAll(r.flags());
    if (level >= 3) {
      for (CtdcFlag.Group g :
          List.of(CtdcFlag.Group.EXPLOITATION, CtdcFlag.Group.LABOUR, CtdcFlag.Group.SEX)) {
        g.flags().forEach(flags::remove);
      }
    }
    return new CtdcRow(
        r.rowNumber(),
        r.yearOfRegistration(),
        r.datasource(),
        level >= 4 ? null : r.gender(),
        level >= 2 ? null : r.ageBand(),
        r.majorityStatus(),
        r.majorityStatusAtExploit(),
        r.majorityEntry(),
        null,
        r.countryOfExploitation(),
        r.recruiterRelationship(),
        flags);
  }
}
