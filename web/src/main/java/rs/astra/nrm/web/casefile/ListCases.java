package rs.astra.nrm.web.casefile;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.component.export.ExcelOptions;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.casefile.CaseListQuery;
import rs.astra.nrm.casefile.CaseRow;
import rs.astra.nrm.casefile.CaseStatus;
import rs.astra.nrm.web.i18n.Messages;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.ListExport;
import rs.astra.nrm.web.shared.PageRows;

/**
 * The case list: a lazy PrimeFaces table over the cases the signed-in user may see. Paging, sorting
 * and filtering run in the database; the bean keeps only the current page of rows. The CSV and XLSX
 * exports go through the same model, decided for EXPORT, and each is recorded.
 */
@Named
@ViewScoped
public class ListCases implements Serializable {

  private static final long serialVersionUID = 1L;

  // The services are not part of the view's state: a view kept in the session is serialised after
  // every request, and an EJB reference's serialisation was a quarter of the session's cost in a
  // profile of the list under load (issue 16). They are looked up again after the view is restored.
  @Inject private transient CaseFileService cases;
  @Inject private SignedInUser user;
  @Inject private transient AuditTrail audit;
  @Inject private Messages messages;

  private CaseFileService cases() {
    if (cases == null) {
      cases = CDI.current().select(CaseFileService.class).get();
    }
    return cases;
  }

  private AuditTrail audit() {
    if (audit == null) {
      audit = CDI.current().select(AuditTrail.class).get();
    }
    return audit;
  }

  private final CaseTable table = new CaseTable();
  private final ListExport export = new ListExport("CASE_LIST");

  /**
   * The exporter's pre-processor: the rows loaded until {@link #exportFinished} go to the file, so
   * they are decided and audited for EXPORT.
   *
   * @param document the exporter's document, telling XLSX (typed cells) from CSV (text)
   */
  public void exportStarted(Object document) {
    export.start(document);
  }

  /**
   * A day as the running export writes it: a date cell in XLSX, {@code dd.MM.yyyy} text in CSV.
   *
   * @param day a calendar day (Europe/Belgrade), may be {@code null}
   * @return what {@link ListExport#day} returns
   */
  public Object exportDay(LocalDate day) {
    return export.day(day);
  }

  /**
   * @return the XLSX exporter's options (dates formatted {@code dd.MM.yyyy})
   */
  public ExcelOptions getExcelOptions() {
    return ListExport.excelOptions();
  }

  /**
   * The exporter's post-processor: records the export (list, format, number of rows).
   *
   * @param document the exporter's document, telling CSV from XLSX
   */
  public void exportFinished(Object document) {
    export.finish(audit(), user.viewer(), document);
  }

  /**
   * The exploitation types of a row as one text, for the export.
   *
   * @param row the row
   * @return the labels in the user's language, joined by commas
   */
  public String exploitationText(CaseRow row) {
    return row.typeOfExploitation().stream()
        .map(t -> messages.get("exploitation." + t.name()))
        .collect(Collectors.joining(", "));
  }

  /**
   * @return the lazy model bound to the table
   */
  public LazyDataModel<CaseRow> getTable() {
    return table;
  }

  /**
   * @return the HTCDS case statuses, for the status filter
   */
  public CaseStatus[] getStatuses() {
    return CaseStatus.values();
  }

  /** The table model; it asks the service for one page at a time. */
  private final class CaseTable extends LazyDataModel<CaseRow> {

    private static final long serialVersionUID = 1L;

    // The total of the current filters. PrimeFaces asks for it with every page; paging and sorting
    // cannot change it, so it is counted when the list opens and when a filter changes.
    private CaseListQuery counted;
    private int total;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      CaseListQuery filters = query(0, 1, Map.of(), filterBy);
      if (!filters.equals(counted)) {
        total = (int) cases().count(user.viewer(), filters);
        counted = filters;
      }
      return total;
    }

    @Override
    public List<CaseRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      if (export.running()) {
        List<CaseRow> rows =
            cases().listForExport(user.viewer(), query(first, pageSize, sortBy, filterBy));
        export.count(rows.size());
        return rows;
      }
      // The page is not kept in the session (its rows hold only links and text).
      return PageRows.of(cases().list(user.viewer(), query(first, pageSize, sortBy, filterBy)));
    }

    @Override
    public String getRowKey(CaseRow row) {
      return String.valueOf(row.id());
    }

    @Override
    public CaseRow getRowData(String rowKey) {
      List<CaseRow> page = getWrappedData();
      return page == null
          ? null
          : page.stream()
              .filter(r -> String.valueOf(r.id()).equals(rowKey))
              .findFirst()
              .orElse(null);
    }
  }

  private static CaseListQuery query(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    CaseListQuery.SortColumn column = CaseListQuery.SortColumn.OPENED_ON;
    boolean ascending = false;
    SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
    if (sort != null && sort.getOrder() != SortOrder.UNSORTED) {
      column =
          switch (sort.getField()) {
            case "code" -> CaseListQuery.SortColumn.CODE;
            case "status" -> CaseListQuery.SortColumn.STATUS;
            case "personName" -> CaseListQuery.SortColumn.PERSON_NAME;
            default -> CaseListQuery.SortColumn.OPENED_ON;
          };
      ascending = sort.getOrder() == SortOrder.ASCENDING;
    }
    return new CaseListQuery(
        first,
        Math.max(1, Math.min(pageSize, 500)),
        column,
        ascending,
        text(filterBy, "code"),
        text(filterBy, "personName"),
        status(filterBy));
  }

  private static String text(Map<String, FilterMeta> filterBy, String field) {
    FilterMeta f = filterBy.get(field);
    if (f == null || f.getFilterValue() == null) {
      return null;
    }
    String value = f.getFilterValue().toString().strip();
    return value.isEmpty() ? null : value;
  }

  private static CaseStatus status(Map<String, FilterMeta> filterBy) {
    FilterMeta f = filterBy.get("status");
    if (f == null || f.getFilterValue() == null) {
      return null;
    }
    Object v = f.getFilterValue();
    if (v instanceof CaseStatus s) {
      return s;
    }
    try {
      return CaseStatus.valueOf(v.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
