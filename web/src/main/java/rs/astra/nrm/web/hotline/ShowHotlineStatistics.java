package rs.astra.nrm.web.hotline;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.function.Function;
import rs.astra.nrm.hotline.HotlineStatistics;
import rs.astra.nrm.hotline.HotlineStatisticsService;
import rs.astra.nrm.shared.NrmTime;
import rs.astra.nrm.web.i18n.LanguagePreference;
import rs.astra.nrm.web.i18n.Messages;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;
import software.xdev.chartjs.model.charts.BarChart;
import software.xdev.chartjs.model.charts.DoughnutChart;
import software.xdev.chartjs.model.data.BarData;
import software.xdev.chartjs.model.data.DoughnutData;
import software.xdev.chartjs.model.dataset.BarDataset;
import software.xdev.chartjs.model.dataset.DoughnutDataset;
import software.xdev.chartjs.model.options.BarOptions;
import software.xdev.chartjs.model.options.DoughnutOptions;
import software.xdev.chartjs.model.options.LegendOptions;
import software.xdev.chartjs.model.options.Plugins;
import software.xdev.chartjs.model.options.Title;
import software.xdev.chartjs.model.options.scale.Scales;
import software.xdev.chartjs.model.options.scale.cartesian.linear.LinearScaleOptions;
import software.xdev.chartjs.model.options.scale.cartesian.linear.LinearTickOptions;

/**
 * The hotline statistics of the user's NGO for a year or one of its months: calls by purpose,
 * channel and caller type, the preventive share and checks by outcome, as Chart.js charts (built
 * with the XDEV Chart.js Java model for {@code p:chart}) and as tables that export to CSV and
 * Excel.
 */
@Named
@ViewScoped
public class ShowHotlineStatistics implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Colours of the series, distinguishable and dark enough on white. */
  private static final List<String> PALETTE =
      List.of(
          "#0d47a1", "#2e7d32", "#ef6c00", "#6a1b9a", "#c62828", "#00838f", "#5d4037", "#455a64");

  @Inject private HotlineStatisticsService service;
  @Inject private SignedInUser user;
  @Inject private Messages messages;
  @Inject private LanguagePreference language;
  @Inject private UserFeedback feedback;

  private Integer year = Instant.now().atZone(NrmTime.ZONE).getYear();
  private Integer month;
  private List<Integer> years;
  private HotlineStatistics figures;

  /** Counts again for the chosen year and month. */
  public void refresh() {
    if (year == null) {
      year = Instant.now().atZone(NrmTime.ZONE).getYear();
    }
    feedback.runQuietly(() -> figures = service.statistics(user.viewer(), year, month));
  }

  /**
   * @return the figures of the chosen period
   */
  public HotlineStatistics getFigures() {
    if (figures == null) {
      figures = service.statistics(user.viewer(), year, month);
    }
    return figures;
  }

  /**
   * @return the years with calls, newest first
   */
  public List<Integer> getYears() {
    if (years == null) {
      years = service.years(user.viewer());
    }
    return years;
  }

  /**
   * @return the months 1–12
   */
  public List<Integer> getMonths() {
    return List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
  }

  /**
   * @param m 1–12
   * @return the month's name in the user's language
   */
  public String monthName(int m) {
    return Month.of(m).getDisplayName(TextStyle.FULL_STANDALONE, language.getLocale());
  }

  /**
   * @param part a count
   * @param whole the total it is part of
   * @return the share in per cent (one decimal), or {@code null} when the total is 0
   */
  public BigDecimal share(long part, long whole) {
    return HotlineStatistics.share(part, whole);
  }

  /**
   * @param part a count
   * @return the count's share of the period's calls in per cent (one decimal), or {@code null}
   */
  public BigDecimal shareOfCalls(long part) {
    return HotlineStatistics.share(part, getFigures().calls());
  }

  /**
   * @param part a count
   * @return the count's share of the period's checks in per cent (one decimal), or {@code null}
   */
  public BigDecimal shareOfChecks(long part) {
    return HotlineStatistics.share(part, getFigures().checks());
  }

  /**
   * @return the chart of the twelve months: calls, preventive calls and checks (Chart.js JSON)
   */
  public String getMonthsChart() {
    HotlineStatistics f = getFigures();
    BarData data = new BarData();
    f.months()
        .forEach(
            m ->
                data.addLabel(
                    Month.of(m.month())
                        .getDisplayName(TextStyle.SHORT_STANDALONE, language.getLocale())));
    data.addDataset(
        series(
            messages.get("hotline.stats.calls"),
            0,
            f.months(),
            HotlineStatistics.MonthFigures::calls));
    data.addDataset(
        series(
            messages.get("hotline.stats.preventive"),
            1,
            f.months(),
            HotlineStatistics.MonthFigures::preventiveCalls));
    data.addDataset(
        series(
            messages.get("hotline.stats.checks"),
            2,
            f.months(),
            HotlineStatistics.MonthFigures::checks));
    return new BarChart(
            data,
            barOptions(messages.get("hotline.stats.monthsTitle", String.valueOf(f.year())), true))
        .toJson();
  }

  /**
   * @return the calls by purpose (Chart.js JSON)
   */
  public String getPurposeChart() {
    return doughnut(
        messages.get("hotline.stats.byPurpose"), getFigures().byPurpose(), "callPurpose.");
  }

  /**
   * @return the calls by channel (Chart.js JSON)
   */
  public String getChannelChart() {
    return bars(messages.get("hotline.stats.byChannel"), getFigures().byChannel(), "callChannel.");
  }

  /**
   * @return the calls by caller type (Chart.js JSON)
   */
  public String getCallerChart() {
    return bars(messages.get("hotline.stats.byCaller"), getFigures().byCallerType(), "callerType.");
  }

  /**
   * @return the checks by outcome (Chart.js JSON)
   */
  public String getOutcomeChart() {
    return doughnut(
        messages.get("hotline.stats.byOutcome"), getFigures().checksByOutcome(), "checkOutcome.");
  }

  private static <T> BarDataset series(
      String label, int colour, List<T> rows, Function<T, Long> value) {
    BarDataset set =
        new BarDataset()
            .setLabel(label)
            .setBackgroundColor(PALETTE.get(colour))
            .setBorderColor(PALETTE.get(colour));
    rows.forEach(r -> set.addData(value.apply(r)));
    return set;
  }

  private <E extends Enum<E>> String bars(
      String title, List<HotlineStatistics.Count<E>> counts, String labelPrefix) {
    BarData data = new BarData();
    BarDataset set =
        new BarDataset()
            .setLabel(messages.get("hotline.stats.calls"))
            .setBackgroundColor(PALETTE.get(0));
    for (HotlineStatistics.Count<E> c : counts) {
      data.addLabel(messages.get(labelPrefix + c.value().name()));
      set.addData(c.count());
    }
    data.addDataset(set);
    return new BarChart(data, barOptions(title, false)).toJson();
  }

  private <E extends Enum<E>> String doughnut(
      String title, List<HotlineStatistics.Count<E>> counts, String labelPrefix) {
    DoughnutData data = new DoughnutData();
    DoughnutDataset set = new DoughnutDataset();
    int i = 0;
    for (HotlineStatistics.Count<E> c : counts) {
      data.addLabel(messages.get(labelPrefix + c.value().name()));
      set.addData(c.count());
      set.addBackgroundColor(PALETTE.get(i++ % PALETTE.size()));
    }
    data.addDataset(set);
    DoughnutOptions options =
        new DoughnutOptions()
            .setResponsive(true)
            .setMaintainAspectRatio(false)
            .setPlugins(
                new Plugins()
                    .setTitle(new Title().setDisplay(true).setText(title))
                    .setLegend(new LegendOptions().setDisplay(true).setPosition("right")));
    return new DoughnutChart(data, options).toJson();
  }

  private static BarOptions barOptions(String title, boolean legend) {
    return new BarOptions()
        .setResponsive(true)
        .setMaintainAspectRatio(false)
        .setScales(
            new Scales()
                .addScale(
                    Scales.ScaleAxis.Y,
                    new LinearScaleOptions()
                        .setBeginAtZero(true)
                        .setTicks(new LinearTickOptions().setPrecision(0))))
        .setPlugins(
            new Plugins()
                .setTitle(new Title().setDisplay(true).setText(title))
                .setLegend(new LegendOptions().setDisplay(legend)));
  }

  /**
   * @return a file name for exports, e.g. {@code hotline-2026} or {@code hotline-2026-03}
   */
  public String getFileName() {
    return "hotline-" + year + (month == null ? "" : String.format("-%02d", month));
  }

  public Integer getYear() {
    return year;
  }

  public void setYear(Integer year) {
    this.year = year;
  }

  public Integer getMonth() {
    return month;
  }

  public void setMonth(Integer month) {
    this.month = month;
  }
}
