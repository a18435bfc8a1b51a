package rs.astra.nrm.web.shared;

import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.Workbook;
import org.primefaces.component.export.ExcelOptions;
import rs.astra.nrm.audit.ActivityRecord;
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.organisation.Viewer;

/**
 * The state of one export of a lazy table to a file through PrimeFaces' {@code p:dataExporter}: the
 * exporter's pre-processor {@link #start starts} it, so that the table's model loads its rows for
 * {@link AccessAction#EXPORT} while it runs and {@link #count counts} them, and the post-processor
 * {@link #finish finishes} it with one activity record naming the list, the format and the number
 * of rows — never the rows themselves.
 *
 * <p>Calendar days go to the file as the portal shows them, {@code dd.MM.yyyy}: in an XLSX file as
 * real date cells with that format (the {@link #day day} is a {@link LocalDate}, which PrimeFaces
 * writes as a date with the {@link #excelOptions() options'} format), in a CSV file as that text. A
 * day given to the XLSX exporter as text was read as a number in the Serbian locale, whose grouping
 * separator is the dot ({@code 05.12.2026} became {@code 5122026}).
 */
public final class ListExport implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How a day is written to a CSV file (and shown on every page). */
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /**
   * The Excel number format of date cells: day, month, year as {@code dd.MM.yyyy} (Excel reads
   * {@code mm} after {@code dd} as the month).
   */
  public static final String EXCEL_DAY_FORMAT = "dd.mm.yyyy";

  /** The format of the file being written, as the exporter's document tells it. */
  public enum Format {
    /** A POI workbook: typed cells. */
    XLSX,
    /** A {@link Writer}: text. */
    CSV,
    /** Any other document (PDF, XML): text. */
    OTHER;

    /**
     * @param document the exporter's document
     * @return the format it is written in
     */
    public static Format of(Object document) {
      return document instanceof Workbook ? XLSX : document instanceof Writer ? CSV : OTHER;
    }
  }

  private final String list;
  private int rows;

  /**
   * @param list the list's code in the activity record, e.g. {@code CASE_LIST}
   */
  public ListExport(String list) {
    this.list = list;
  }

  /**
   * Starts an export: until {@link #finish}, within this request, loads are for the file.
   *
   * @param document the exporter's document (a POI workbook for XLSX, a {@link Writer} for CSV),
   *     which decides how {@link #day days} are written
   */
  public void start(Object document) {
    rows = 0;
    // Kept with the request, not the view: an export that fails half-way leaves nothing behind
    // that would make the next page view load for EXPORT.
    FacesContext.getCurrentInstance().getAttributes().put(marker(), Format.of(document));
  }

  /**
   * A calendar day as the running export writes it: the day itself for an XLSX file (a date cell
   * formatted {@link #EXCEL_DAY_FORMAT}), its text otherwise.
   *
   * @param day a day (no time, no zone: the portal's days are Europe/Belgrade days), may be {@code
   *     null}
   * @return a {@link LocalDate} while an XLSX export runs, else text such as {@code 05.12.2026}; an
   *     empty string for {@code null}
   */
  public Object day(LocalDate day) {
    return cell(day, format());
  }

  /**
   * How a day is written to a file of a format.
   *
   * @param day a day, may be {@code null}
   * @param format the file's format
   * @return the day itself for XLSX, text {@code dd.MM.yyyy} for any other format, an empty string
   *     for {@code null}
   */
  public static Object cell(LocalDate day, Format format) {
    if (day == null) {
      return "";
    }
    return format == Format.XLSX ? day : DAY.format(day);
  }

  /**
   * The options of the XLSX exporter: dates formatted {@link #EXCEL_DAY_FORMAT}; numbers and text
   * as PrimeFaces types them by default.
   *
   * @return new options
   */
  public static ExcelOptions excelOptions() {
    ExcelOptions options = new ExcelOptions();
    options.setExcelDateFormat(EXCEL_DAY_FORMAT);
    return options;
  }

  /**
   * @return whether an export runs in this request (the model then loads for EXPORT)
   */
  public boolean running() {
    return format() != null;
  }

  private Format format() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces == null ? null : (Format) faces.getAttributes().get(marker());
  }

  private String marker() {
    return ListExport.class.getName() + "." + list;
  }

  /**
   * Counts rows loaded for the file.
   *
   * @param loaded rows of one load
   */
  public void count(int loaded) {
    if (running()) {
      rows += loaded;
    }
  }

  /**
   * Ends the export and records it.
   *
   * @param audit the audit trail
   * @param viewer who exported
   * @param document the exporter's document: a {@link Writer} for CSV, a POI workbook for XLSX
   */
  public void finish(AuditTrail audit, Viewer viewer, Object document) {
    if (!running()) {
      return;
    }
    FacesContext.getCurrentInstance().getAttributes().remove(marker());
    String format = Format.of(document).name();
    audit.recordActivity(
        viewer,
        Instant.now(),
        ActivityRecord.Kind.LIST_EXPORTED,
        AccessAction.EXPORT,
        null,
        list + " " + format,
        rows);
  }
}
