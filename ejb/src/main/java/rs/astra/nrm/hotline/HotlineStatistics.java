package rs.astra.nrm.hotline;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hotline's figures for a month or a year: calls by purpose, channel and caller type, the
 * preventive share, checks by outcome, and the twelve months of the year side by side. Built from
 * counts grouped in the database ({@link CallCount}, {@link CheckCount}); this class only adds them
 * up, so that a fixture of known counts tests the arithmetic without a database.
 *
 * <p>A call is preventive when its purpose is ({@link CallPurpose#isPreventive()}): preventive
 * information or a job-offer check. The preventive share is preventive calls ÷ all calls, in per
 * cent, rounded half-up to one decimal; {@code null} when there was no call. Months and years are
 * those of the Europe/Belgrade calendar.
 *
 * @param year the year
 * @param month the month (1–12) the breakdowns are for, or {@code null} for the whole year
 * @param calls all calls in the period
 * @param preventiveCalls preventive calls in the period
 * @param preventiveSharePercent the preventive share in per cent (one decimal), or {@code null}
 * @param checks job-offer checks in the period
 * @param byPurpose calls by purpose, every purpose in declaration order (zero included)
 * @param byChannel calls by channel, every channel
 * @param byCallerType calls by caller type, every type
 * @param checksByOutcome checks by outcome, every outcome
 * @param months the twelve months of the year, whatever the period
 */
public record HotlineStatistics(
    int year,
    Integer month,
    long calls,
    long preventiveCalls,
    BigDecimal preventiveSharePercent,
    long checks,
    List<Count<CallPurpose>> byPurpose,
    List<Count<CallChannel>> byChannel,
    List<Count<CallerType>> byCallerType,
    List<Count<CheckOutcome>> checksByOutcome,
    List<MonthFigures> months)
    implements Serializable {

  /**
   * How many of one value.
   *
   * @param value the value
   * @param count how many, 0 or more
   */
  public record Count<E extends Enum<E>>(E value, long count) implements Serializable {}

  /**
   * One month of the year.
   *
   * @param month 1–12
   * @param calls all calls
   * @param preventiveCalls preventive calls
   * @param checks job-offer checks
   */
  public record MonthFigures(int month, long calls, long preventiveCalls, long checks)
      implements Serializable {}

  /**
   * Calls of one month with the same purpose, channel and caller type, as grouped in the database.
   *
   * @param month 1–12
   * @param purpose purpose
   * @param channel channel
   * @param callerType caller type
   * @param count how many, 0 or more
   */
  public record CallCount(
      int month, CallPurpose purpose, CallChannel channel, CallerType callerType, long count)
      implements Serializable {}

  /**
   * Checks of one month with the same outcome, as grouped in the database.
   *
   * @param month 1–12
   * @param outcome outcome
   * @param count how many, 0 or more
   */
  public record CheckCount(int month, CheckOutcome outcome, long count) implements Serializable {}

  /**
   * Adds up the grouped counts of one year.
   *
   * @param year the year
   * @param month the month the breakdowns are for, or {@code null} for the whole year
   * @param callCounts the year's calls grouped by month, purpose, channel and caller type
   * @param checkCounts the year's checks grouped by month and outcome
   * @return the figures
   * @throws IllegalArgumentException for a month outside 1–12 or a negative count
   */
  public static HotlineStatistics of(
      int year, Integer month, List<CallCount> callCounts, List<CheckCount> checkCounts) {
    if (month != null && (month < 1 || month > 12)) {
      throw new IllegalArgumentException("month must be 1 to 12");
    }
    Map<CallPurpose, Long> purposes = new EnumMap<>(CallPurpose.class);
    Map<CallChannel, Long> channels = new EnumMap<>(CallChannel.class);
    Map<CallerType, Long> callers = new EnumMap<>(CallerType.class);
    Map<CheckOutcome, Long> outcomes = new EnumMap<>(CheckOutcome.class);
    long[] monthCalls = new long[13];
    long[] monthPreventive = new long[13];
    long[] monthChecks = new long[13];
    for (CallCount c : callCounts) {
      check(c.month(), c.count());
      monthCalls[c.month()] += c.count();
      if (c.purpose().isPreventive()) {
        monthPreventive[c.month()] += c.count();
      }
      if (month == null || month == c.month()) {
        purposes.merge(c.purpose(), c.count(), Long::sum);
        channels.merge(c.channel(), c.count(), Long::sum);
        callers.merge(c.callerType(), c.count(), Long::sum);
      }
    }
    for (CheckCount k : checkCounts) {
      check(k.month(), k.count());
      monthChecks[k.month()] += k.count();
      if (month == null || month == k.month()) {
        outcomes.merge(k.outcome(), k.count(), Long::sum);
      }
    }
    long calls = purposes.values().stream().mapToLong(Long::longValue).sum();
    long preventive =
        purposes.entrySet().stream()
            .filter(e -> e.getKey().isPreventive())
            .mapToLong(Map.Entry::getValue)
            .sum();
    long checks = outcomes.values().stream().mapToLong(Long::longValue).sum();
    List<MonthFigures> months = new ArrayList<>(12);
    for (int m = 1; m <= 12; m++) {
      months.add(new MonthFigures(m, monthCalls[m], monthPreventive[m], monthChecks[m]));
    }
    return new HotlineStatistics(
        year,
        month,
        calls,
        preventive,
        share(preventive, calls),
        checks,
        all(CallPurpose.values(), purposes),
        all(CallChannel.values(), channels),
        all(CallerType.values(), callers),
        all(CheckOutcome.values(), outcomes),
        List.copyOf(months));
  }

  /**
   * A share in per cent, rounded half-up to one decimal.
   *
   * @param part the part, 0 or more
   * @param whole the whole, 0 or more
   * @return e.g. 20.0 for 1 of 5, {@code null} when the whole is 0
   */
  public static BigDecimal share(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part)
            .multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  private static void check(int month, long count) {
    if (month < 1 || month > 12 || count < 0) {
      throw new IllegalArgumentException("month 1 to 12 and a count of 0 or more expected");
    }
  }

  private static <E extends Enum<E>> List<Count<E>> all(E[] values, Map<E, Long> counts) {
    return Arrays.stream(values).map(v -> new Count<>(v, counts.getOrDefault(v, 0L))).toList();
  }

  /**
   * @param purpose a purpose
   * @return calls with that purpose in the period
   */
  public long calls(CallPurpose purpose) {
    return find(byPurpose, purpose);
  }

  /**
   * @param channel a channel
   * @return calls by that channel in the period
   */
  public long calls(CallChannel channel) {
    return find(byChannel, channel);
  }

  /**
   * @param callerType a caller type
   * @return calls by that type of caller in the period
   */
  public long calls(CallerType callerType) {
    return find(byCallerType, callerType);
  }

  /**
   * @param outcome an outcome
   * @return checks with that outcome in the period
   */
  public long checks(CheckOutcome outcome) {
    return find(checksByOutcome, outcome);
  }

  private static <E extends Enum<E>> long find(List<Count<E>> counts, E value) {
    return counts.stream()
        .filter(c -> Objects.equals(c.value(), value))
        .mapToLong(Count::count)
        .findFirst()
        .orElse(0);
  }
}
