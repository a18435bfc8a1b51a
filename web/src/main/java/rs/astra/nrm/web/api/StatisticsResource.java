package rs.astra.nrm.web.api;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.statistics.Dimension;
import rs.astra.nrm.statistics.ProtectedTable;
import rs.astra.nrm.statistics.StatisticsService;
import rs.astra.nrm.statistics.StatisticsTable;

/**
 * The statistics tables of the statistics page for other systems (issue 22), through {@link
 * StatisticsService}: the same scope (a coordinator of the NGO, the state Centre and administrators
 * count every organisation's cases, everyone else her own organisation's) and always the protected
 * figures an export of the page holds — counts from 1 to 4 and what would reveal them hidden
 * (small- cell protection), since what the API answers leaves the portal. No personal data.
 */
@Path("/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "statistics")
public class StatisticsResource {

  /** The dimensions the victims' table takes ({@link Dimension#victimDimension()}). */
  static final String VICTIM_DIMENSIONS =
      "YEAR|STATUS|EXPLOITATION|SEX|AGE_BAND|CITIZENSHIP|MAJORITY";

  @Inject StatisticsService statistics;
  @Inject ApiCaller caller;
  @Inject Problems problems;
  @Context HttpHeaders headers;

  /**
   * One figure; a hidden one is written with {@code "value": null}.
   *
   * @param value the count, or {@code null} when hidden
   * @param protection {@code SHOWN}, {@code SMALL} (a count from 1 to 4) or {@code COMPLEMENTARY}
   *     (hidden so that a small count cannot be computed back)
   */
  @jakarta.json.bind.annotation.JsonbNillable
  public record CellView(Long value, String protection) {
    static CellView of(ProtectedTable.Cell cell) {
      return new CellView(cell.value(), cell.protection().name());
    }
  }

  /**
   * A table.
   *
   * @param table the table asked for, e.g. {@code victims}
   * @param title its title in the caller's language
   * @param from the first day (ISO 8601, Europe/Belgrade)
   * @param to the last day
   * @param rows what the rows stand for ({@link Dimension})
   * @param columns what the columns stand for
   * @param rowLabels the rows' values (codes: stages, ISO countries, years, …)
   * @param columnLabels the columns' values
   * @param cells {@code cells[row][column]}
   * @param rowTotals one per row
   * @param columnTotals one per column
   * @param total the sum of all cells
   */
  public record TableView(
      String table,
      String title,
      String from,
      String to,
      String rows,
      String columns,
      List<String> rowLabels,
      List<String> columnLabels,
      List<List<CellView>> cells,
      List<CellView> rowTotals,
      List<CellView> columnTotals,
      CellView total) {}

  /**
   * @param table {@code cases-by-stage}, {@code victims}, {@code minors-by-year}, {@code
   *     proceedings-by-steps} or {@code verdicts}
   * @param from the first day, {@code yyyy-MM-dd}
   * @param to the last day, {@code yyyy-MM-dd}
   * @param rows for {@code victims}: the row dimension (default {@code YEAR})
   * @param columns for {@code victims}: the column dimension (default {@code STATUS})
   * @return the table, protected as an export of the statistics page
   * @throws InvalidRequestException a period that ends before it begins, or the same dimension
   *     twice (422)
   * @throws ApiInputException a day that does not exist, e.g. {@code 2026-02-30} (400, naming the
   *     parameter)
   */
  @GET
  @Path("{table}")
  @Operation(
      summary = "A statistics table of the caller's scope, protected as the page's exports",
      description =
          "The same tables and scope as the statistics page; always with small-cell protection"
              + " (counts from 1 to 4 and what would reveal them are hidden).")
  @APIResponse(
      responseCode = "200",
      description = "the table",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "cases by stage",
                      value =
                          "{\"table\":\"cases-by-stage\",\"title\":\"Cases opened in the period, by"
                              + " NRM stage\",\"from\":\"2026-01-01\",\"to\":\"2026-12-31\","
                              + "\"rows\":\"STAGE\",\"columns\":\"FIGURE\",\"rowLabels\":"
                              + "[\"SIGNAL\",\"IDENTIFICATION\"],\"columnLabels\":[\"count\"],"
                              + "\"cells\":[[{\"value\":12,\"protection\":\"SHOWN\"}],"
                              + "[{\"value\":null,\"protection\":\"SMALL\"}]],\"rowTotals\":[],"
                              + "\"columnTotals\":[],\"total\":{\"value\":null,\"protection\":"
                              + "\"COMPLEMENTARY\"}}")))
  @APIResponse(responseCode = "400", description = "a table, day or dimension not in the lists")
  @APIResponse(responseCode = "422", description = "a period that ends before it begins")
  public TableView table(
      @PathParam("table")
          @Pattern(
              regexp = "cases-by-stage|victims|minors-by-year|proceedings-by-steps|verdicts",
              message = "api.field.table")
          @Parameter(
              required = true,
              example = "victims",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {
                        "cases-by-stage",
                        "victims",
                        "minors-by-year",
                        "proceedings-by-steps",
                        "verdicts"
                      }))
          String table,
      @QueryParam("from")
          @NotNull(message = "api.field.day")
          @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "api.field.day")
          @Parameter(
              required = true,
              example = "2026-01-01",
              schema = @Schema(type = SchemaType.STRING, format = "date"))
          String from,
      @QueryParam("to")
          @NotNull(message = "api.field.day")
          @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "api.field.day")
          @Parameter(
              required = true,
              example = "2026-12-31",
              schema = @Schema(type = SchemaType.STRING, format = "date"))
          String to,
      @QueryParam("rows")
          @Pattern(regexp = VICTIM_DIMENSIONS, message = "api.field.dimension")
          @Parameter(
              description = "victims only; default YEAR",
              schema = @Schema(type = SchemaType.STRING, pattern = VICTIM_DIMENSIONS))
          String rows,
      @QueryParam("columns")
          @Pattern(regexp = VICTIM_DIMENSIONS, message = "api.field.dimension")
          @Parameter(
              description = "victims only; default STATUS",
              schema = @Schema(type = SchemaType.STRING, pattern = VICTIM_DIMENSIONS))
          String columns) {
    var viewer = caller.viewer();
    List<String> impossible = new java.util.ArrayList<>();
    LocalDate first = day(from, "from", impossible);
    LocalDate last = day(to, "to", impossible);
    if (!impossible.isEmpty()) {
      // A day written well that the calendar lacks (2026-02-30): bad input, named.
      throw new ApiInputException("api.field.noSuchDay", impossible);
    }
    StatisticsService.Period period = new StatisticsService.Period(first, last);
    StatisticsTable t =
        switch (table) {
          case "cases-by-stage" -> statistics.casesByStage(viewer, period);
          case "minors-by-year" -> statistics.minorsByYear(viewer, period);
          case "proceedings-by-steps" -> statistics.proceedingsBySteps(viewer, period);
          case "verdicts" -> statistics.verdicts(viewer, period);
          default ->
              statistics.victims(
                  viewer,
                  period,
                  rows == null ? Dimension.YEAR : Dimension.valueOf(rows),
                  columns == null ? Dimension.STATUS : Dimension.valueOf(columns));
        };
    ProtectedTable p = t.exported();
    return new TableView(
        table,
        problems.text(problems.locale(headers), t.titleKey()),
        period.from().toString(),
        period.to().toString(),
        t.rows().name(),
        t.columns().name(),
        p.rowLabels(),
        p.columnLabels(),
        p.cells().stream().map(r -> r.stream().map(CellView::of).toList()).toList(),
        p.rowTotals().stream().map(CellView::of).toList(),
        p.columnTotals().stream().map(CellView::of).toList(),
        CellView.of(p.grandTotal()));
  }

  /**
   * @param text a day as {@code yyyy-MM-dd}, checked by the parameter's pattern
   * @param parameter the parameter's name
   * @param impossible where the parameter's name is added when there is no such day
   * @return the day; {@code null} when there is none
   */
  private static LocalDate day(String text, String parameter, List<String> impossible) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      impossible.add(parameter);
      return null;
    }
  }
}
