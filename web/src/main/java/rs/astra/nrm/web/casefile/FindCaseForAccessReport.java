package rs.astra.nrm.web.casefile;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import rs.astra.nrm.rights.AccessReportService;
import rs.astra.nrm.rights.AccessReportService.CaseCodeLine;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * The data protection officer's search for a case of her organisation whose access report (GDPR
 * Art. 15) she prepares: by case code and, optionally, the day it was opened. Results show codes
 * and dates only and link to the access report; paging runs in the database.
 */
@Named
@ViewScoped
public class FindCaseForAccessReport implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AccessReportService reports;
  @Inject private SignedInUser user;

  private String code;
  private LocalDate openedOn;
  private final ResultTable table = new ResultTable();

  /** Runs the search with the fields as entered (the table then reloads from its first page). */
  public void search() {
    table.setRowCount(0);
  }

  /**
   * @return the lazy model of the results
   */
  public LazyDataModel<CaseCodeLine> getTable() {
    return table;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public LocalDate getOpenedOn() {
    return openedOn;
  }

  public void setOpenedOn(LocalDate openedOn) {
    this.openedOn = openedOn;
  }

  private final class ResultTable extends LazyDataModel<CaseCodeLine> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) reports.countCasesForReport(user.viewer(), code, openedOn);
    }

    @Override
    public List<CaseCodeLine> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return reports.findCasesForReport(user.viewer(), code, openedOn, first, pageSize);
    }

    @Override
    public String getRowKey(CaseCodeLine row) {
      return String.valueOf(row.caseId());
    }

    @Override
    public CaseCodeLine getRowData(String rowKey) {
      List<CaseCodeLine> page = getWrappedData();
      return page == null
          ? null
          : page.stream()
              .filter(r -> String.valueOf(r.caseId()).equals(rowKey))
              .findFirst()
              .orElse(null);
    }
  }
}
