package rs.astra.nrm.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The hotline statistics add up what the database counted: a fixture of ten calls and three checks
 * in January and March with known totals, as the database would group them.
 */
class HotlineStatisticsTest {

  /** One call of the fixture. */
  private record Call(int month, CallPurpose purpose, CallChannel channel, CallerType caller) {}

  /** One check of the fixture. */
  private record Check(int month, CheckOutcome outcome) {}

  private static final List<Call> CALLS =
      List.of(
          new Call(1, CallPurpose.JOB_OFFER_CHECK, CallChannel.PHONE, CallerType.POTENTIAL_VICTIM),
          new Call(1, CallPurpose.JOB_OFFER_CHECK, CallChannel.PHONE, CallerType.POTENTIAL_VICTIM),
          new Call(
              1, CallPurpose.PREVENTIVE_INFORMATION, CallChannel.SMS, CallerType.FAMILY_MEMBER),
          new Call(
              1, CallPurpose.SUSPECTED_TRAFFICKING_REPORT, CallChannel.PHONE, CallerType.CITIZEN),
          new Call(
              1, CallPurpose.VICTIM_HELP_REQUEST, CallChannel.WALK_IN, CallerType.POTENTIAL_VICTIM),
          new Call(3, CallPurpose.INFORMATION_ON_RIGHTS, CallChannel.EMAIL, CallerType.INSTITUTION),
          new Call(3, CallPurpose.OTHER, CallChannel.SOCIAL_NETWORK, CallerType.ANONYMOUS),
          new Call(
              3, CallPurpose.SUSPECTED_TRAFFICKING_REPORT, CallChannel.PHONE, CallerType.ANONYMOUS),
          new Call(
              3, CallPurpose.SUSPECTED_TRAFFICKING_REPORT, CallChannel.PHONE, CallerType.ANONYMOUS),
          new Call(
              3,
              CallPurpose.JOB_OFFER_CHECK,
              CallChannel.SOCIAL_NETWORK,
              CallerType.FAMILY_MEMBER));

  private static final List<Check> CHECKS =
      List.of(
          new Check(1, CheckOutcome.TRAFFICKING_RISK),
          new Check(1, CheckOutcome.LEGITIMATE),
          new Check(3, CheckOutcome.TRAFFICKING_RISK));

  /** Groups the fixture as the service's query does (month, purpose, channel, caller type). */
  private static List<HotlineStatistics.CallCount> grouped() {
    Map<Call, Long> groups =
        CALLS.stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
    List<HotlineStatistics.CallCount> counts = new ArrayList<>();
    groups.forEach(
        (c, n) ->
            counts.add(
                new HotlineStatistics.CallCount(
                    c.month(), c.purpose(), c.channel(), c.caller(), n)));
    return counts;
  }

  private static List<HotlineStatistics.CheckCount> groupedChecks() {
    Map<Check, Long> groups =
        CHECKS.stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
    List<HotlineStatistics.CheckCount> counts = new ArrayList<>();
    groups.forEach(
        (c, n) -> counts.add(new HotlineStatistics.CheckCount(c.month(), c.outcome(), n)));
    return counts;
  }

  @Test
  void theYearCountsEveryCallByPurposeChannelAndCallerWithThePreventiveShare() {
    HotlineStatistics year = HotlineStatistics.of(2025, null, grouped(), groupedChecks());
    assertEquals(10, year.calls());
    assertEquals(
        4, year.preventiveCalls(), "three job-offer checks and one preventive information");
    assertEquals(new BigDecimal("40.0"), year.preventiveSharePercent());
    assertEquals(3, year.calls(CallPurpose.JOB_OFFER_CHECK));
    assertEquals(3, year.calls(CallPurpose.SUSPECTED_TRAFFICKING_REPORT));
    assertEquals(1, year.calls(CallPurpose.PREVENTIVE_INFORMATION));
    assertEquals(5, year.calls(CallChannel.PHONE));
    assertEquals(2, year.calls(CallChannel.SOCIAL_NETWORK));
    assertEquals(0, year.calls(CallerType.EMPLOYER), "a type nobody called as is listed with 0");
    assertEquals(3, year.calls(CallerType.ANONYMOUS));
    assertEquals(3, year.checks());
    assertEquals(2, year.checks(CheckOutcome.TRAFFICKING_RISK));
    assertEquals(CallPurpose.values().length, year.byPurpose().size(), "every purpose has a line");
    assertEquals(
        year.calls(), year.byChannel().stream().mapToLong(HotlineStatistics.Count::count).sum());
    assertEquals(
        year.calls(), year.byCallerType().stream().mapToLong(HotlineStatistics.Count::count).sum());
  }

  @Test
  void aMonthHasItsOwnBreakdownsWhileTheMonthsOfTheYearStay() {
    HotlineStatistics january = HotlineStatistics.of(2025, 1, grouped(), groupedChecks());
    assertEquals(5, january.calls());
    assertEquals(3, january.preventiveCalls());
    assertEquals(new BigDecimal("60.0"), january.preventiveSharePercent());
    assertEquals(2, january.checks());
    assertEquals(1, january.checks(CheckOutcome.LEGITIMATE));

    HotlineStatistics march = HotlineStatistics.of(2025, 3, grouped(), groupedChecks());
    assertEquals(
        new BigDecimal("20.0"),
        march.preventiveSharePercent(),
        "one job-offer check of five calls");

    HotlineStatistics february = HotlineStatistics.of(2025, 2, grouped(), groupedChecks());
    assertEquals(0, february.calls());
    assertNull(february.preventiveSharePercent(), "no call, no share");

    assertEquals(12, february.months().size());
    assertEquals(new HotlineStatistics.MonthFigures(1, 5, 3, 2), february.months().get(0));
    assertEquals(new HotlineStatistics.MonthFigures(2, 0, 0, 0), february.months().get(1));
    assertEquals(new HotlineStatistics.MonthFigures(3, 5, 1, 1), february.months().get(2));
  }

  @Test
  void theShareIsRoundedHalfUpToOneDecimal() {
    assertEquals(
        new BigDecimal("20.0"), HotlineStatistics.share(9_000, 45_000), "a fifth of 45,000 calls");
    assertEquals(new BigDecimal("33.3"), HotlineStatistics.share(1, 3));
    assertEquals(new BigDecimal("66.7"), HotlineStatistics.share(2, 3));
    assertEquals(new BigDecimal("0.1"), HotlineStatistics.share(1, 1_000));
    assertNull(HotlineStatistics.share(0, 0));
  }

  @Test
  void badCountsAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> HotlineStatistics.of(2025, 13, List.of(), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            HotlineStatistics.of(
                2025,
                null,
                List.of(
                    new HotlineStatistics.CallCount(
                        0, CallPurpose.OTHER, CallChannel.SMS, CallerType.CITIZEN, 1)),
                List.of()));
  }
}
