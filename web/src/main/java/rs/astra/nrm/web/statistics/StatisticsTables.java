package rs.astra.nrm.web.statistics;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import rs.astra.nrm.exchange.AgeBand;
import rs.astra.nrm.statistics.Dimension;
import rs.astra.nrm.statistics.ProtectedTable;
import rs.astra.nrm.statistics.StatisticsService;
import rs.astra.nrm.statistics.StatisticsTable;

/**
 * Turns the service's tables into {@link TableView}s: labels in the user's language, figures as
 * text ("&lt;5" and "x" where hidden), a totals row, and a Chart.js bar chart of the figures shown
 * (a hidden figure is a gap, never a number).
 */
final class StatisticsTables {

  /** A palette with enough contrast on white (WCAG 1.4.11, 3:1 for graphics). */
  private static final List<String> COLOURS =
      List.of(
          "#0d47a1", "#b71c1c", "#1b5e20", "#e65100", "#4a148c", "#006064", "#3e2723", "#880e4f",
          "#33691e", "#263238");

  private final Function<String, String> text;
  private final Locale locale;

  /**
   * @param text the bundle lookup of the user's language
   * @param locale her locale, for numbers
   */
  StatisticsTables(Function<String, String> text, Locale locale) {
    this.text = text;
    this.locale = locale;
  }

  /**
   * The label of a value of a dimension.
   *
   * @param d the dimension
   * @param code the value as the service gives it
   * @return the translated label
   */
  String label(Dimension d, String code) {
    if ("UNKNOWN".equals(code)) {
      return text.apply("statistics.unknown");
    }
    return switch (d) {
      case YEAR, CITIZENSHIP -> code;
      case STAGE -> text.apply("stage." + code);
      case STATUS -> text.apply("statistics.status." + code);
      case EXPLOITATION -> text.apply("exploitation." + code);
      case SEX -> text.apply("statistics.sex." + code);
      case AGE_BAND -> AgeBand.valueOf(code).ctdcLabel().replace("--", "–");
      case MAJORITY -> text.apply("statistics.majority." + code);
      case REFERRAL_ROUTE -> {
        String[] types = code.split(">");
        yield text.apply("statistics.orgType." + types[0])
            + " → "
            + text.apply("statistics.orgType." + types[1]);
      }
      case REFERRAL_OUTCOME -> text.apply("statistics.outcome." + code);
      case PROCEEDINGS_STEP -> text.apply("proceedingsKind." + code);
      case OFFENCE -> text.apply("offence." + code);
      case FIGURE -> text.apply("statistics.count");
      case SERVICE_TYPE -> text.apply("serviceType." + code);
      case SERVICE_STATUS -> text.apply("serviceStatus." + code);
      case CALL_PURPOSE -> text.apply("callPurpose." + code);
      case CALLER_TYPE -> text.apply("callerType." + code);
      case CHECK_OUTCOME -> text.apply("checkOutcome." + code);
    };
  }

  /**
   * A table without extra columns.
   *
   * @param id short name
   * @param t the service's table
   * @return the view
   */
  TableView view(String id, StatisticsTable t) {
    return view(id, t, List.of(), List.of(), List.of());
  }

  /**
   * A table with extra columns after the total.
   *
   * @param id short name
   * @param t the service's table
   * @param extraHeaders headers of the extra columns
   * @param extraShown per row, the extra texts on screen
   * @param extraExported per row, the extra texts in an export
   * @return the view
   */
  TableView view(
      String id,
      StatisticsTable t,
      List<String> extraHeaders,
      List<List<String>> extraShown,
      List<List<String>> extraExported) {
    ProtectedTable shown = t.shown();
    ProtectedTable exported = t.exported();
    List<String> columns = shown.columnLabels().stream().map(c -> label(t.columns(), c)).toList();
    List<TableView.Line> lines = new ArrayList<>();
    for (int i = 0; i < shown.rows(); i++) {
      lines.add(
          new TableView.Line(
              label(t.rows(), shown.rowLabels().get(i)),
              texts(shown.cells().get(i)),
              texts(exported.cells().get(i)),
              shown.rowTotals().get(i).text(),
              exported.rowTotals().get(i).text(),
              extraShown.isEmpty() ? List.of() : extraShown.get(i),
              extraExported.isEmpty() ? List.of() : extraExported.get(i),
              false));
    }
    List<String> blanks = extraHeaders.stream().map(h -> "").toList();
    lines.add(
        new TableView.Line(
            text.apply("statistics.total"),
            texts(shown.columnTotals()),
            texts(exported.columnTotals()),
            shown.grandTotal().text(),
            exported.grandTotal().text(),
            blanks,
            blanks,
            true));
    return new TableView(
        id,
        text.apply(t.titleKey()),
        text.apply("statistics.dimension." + t.rows()),
        columns,
        extraHeaders,
        lines,
        chart(t, columns),
        shown.columns() > 1,
        shown == exported);
  }

  private static List<String> texts(List<ProtectedTable.Cell> cells) {
    return cells.stream().map(ProtectedTable.Cell::text).toList();
  }

  /** A grouped bar chart: one bar group per row, one bar per column; hidden figures are gaps. */
  private String chart(StatisticsTable t, List<String> columns) {
    ProtectedTable shown = t.shown();
    JsonArrayBuilder labels = Json.createArrayBuilder();
    for (String row : shown.rowLabels()) {
      labels.add(label(t.rows(), row));
    }
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    for (int j = 0; j < shown.columns(); j++) {
      JsonArrayBuilder data = Json.createArrayBuilder();
      for (int i = 0; i < shown.rows(); i++) {
        ProtectedTable.Cell cell = shown.cell(i, j);
        if (cell.hidden()) {
          data.addNull();
        } else {
          data.add(cell.value());
        }
      }
      String colour = COLOURS.get(j % COLOURS.size());
      datasets.add(
          Json.createObjectBuilder()
              .add("label", columns.get(j))
              .add("data", data)
              .add("backgroundColor", colour)
              .add("borderColor", colour));
    }
    JsonObjectBuilder options =
        Json.createObjectBuilder()
            .add("responsive", true)
            .add("maintainAspectRatio", false)
            .add("animation", false)
            .add(
                "plugins",
                Json.createObjectBuilder()
                    .add("legend", Json.createObjectBuilder().add("display", shown.columns() > 1)))
            .add(
                "scales",
                Json.createObjectBuilder()
                    .add(
                        "y",
                        Json.createObjectBuilder()
                            .add("beginAtZero", true)
                            .add("ticks", Json.createObjectBuilder().add("precision", 0))));
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add("options", options)
        .build()
        .toString();
  }

  /**
   * The rate and median columns of the referral table.
   *
   * @param figures the route figures, one per row
   * @return per row: acceptance rate (percent) and median days; "–" where there is none or it is
   *     hidden to protect small counts
   */
  List<List<String>> routeTexts(List<StatisticsService.RouteFigures> figures) {
    NumberFormat percent = NumberFormat.getPercentInstance(locale);
    NumberFormat days = NumberFormat.getNumberInstance(locale);
    days.setMaximumFractionDigits(1);
    List<List<String>> rows = new ArrayList<>();
    for (StatisticsService.RouteFigures f : figures) {
      String none = "–";
      rows.add(
          List.of(
              f.acceptanceRate() == null ? none : percent.format(f.acceptanceRate()),
              f.medianDays() == null ? none : days.format(f.medianDays())));
    }
    return rows;
  }
}
