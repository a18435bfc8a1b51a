package rs.astra.nrm.web.shared;

import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.io.Writer;
import java.time.Instant;
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
 */
public final class ListExport implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String list;
  private int rows;

  /**
   * @param list the list's code in the activity record, e.g. {@code CASE_LIST}
   */
  public ListExport(String list) {
    this.list = list;
  }

  /** Starts an export: until {@link #finish}, within this request, loads are for the file. */
  public void start() {
    rows = 0;
    // Kept with the request, not the view: an export that fails half-way leaves nothing behind
    // that would make the next page view load for EXPORT.
    FacesContext.getCurrentInstance().getAttributes().put(marker(), Boolean.TRUE);
  }

  /**
   * @return whether an export runs in this request (the model then loads for EXPORT)
   */
  public boolean running() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces != null && Boolean.TRUE.equals(faces.getAttributes().get(marker()));
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
    String format =
        document instanceof org.apache.poi.ss.usermodel.Workbook
            ? "XLSX"
            : document instanceof Writer ? "CSV" : "OTHER";
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
