package rs.astra.nrm.web.api;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rs.astra.nrm.exchange.HtcdsExportService;

/**
 * The HTCDS export of the data-exchange page for other systems (issue 22), through {@link
 * HtcdsExportService}: the cases the policy lets the caller export ({@code EXPORT} of the case
 * summary, so never a restricted case), each exported category an audited read with the channel
 * {@code API}. A role that reads no case data (administrators, data protection officers) gets a
 * file without case rows, as the service answers the page.
 */
@Path("/v1/export")
@Tag(name = "export")
public class ExportResource {

  /** The media type of the IOM HTCDS 2.0 workbook. */
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Inject HtcdsExportService htcds;
  @Inject ApiCaller caller;

  /**
   * @param format {@code xlsx} (the IOM HTCDS 2.0 template, default) or {@code csv} (UTF-8, HTCDS
   *     field names in the header)
   * @return the file as a download ({@code Content-Disposition: attachment}) with the header {@code
   *     X-Case-Count}: how many cases it holds
   */
  @GET
  @Path("htcds")
  @Produces({XLSX, "text/csv"})
  @Operation(
      summary = "The HTCDS export of every case the caller may export",
      description =
          "The same file as the data-exchange page: the IOM HTCDS 2.0 workbook or CSV. Each"
              + " exported category is an audited read, shown in the person's access report.")
  @APIResponse(
      responseCode = "200",
      description = "the file",
      content = {
        @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "400", description = "a format other than xlsx or csv")
  public Response htcds(
      @QueryParam("format")
          @DefaultValue("xlsx")
          @Pattern(regexp = "xlsx|csv", message = "api.field.format")
          @Parameter(
              example = "csv",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"xlsx", "csv"},
                      defaultValue = "xlsx"))
          String format) {
    HtcdsExportService.ExportFile file =
        htcds.export(
            caller.viewer(),
            "csv".equals(format) ? HtcdsExportService.Format.CSV : HtcdsExportService.Format.XLSX);
    return Response.ok(file.content(), file.contentType())
        .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
        .header("X-Case-Count", file.cases())
        .build();
  }
}
