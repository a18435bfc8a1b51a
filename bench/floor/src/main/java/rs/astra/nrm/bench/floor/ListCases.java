package rs.astra.nrm.bench.floor;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Stand-in for the portal's {@code ListCases}: the same lazy table model, answering every page from
 * memory. Sorting and filtering are accepted and ignored (the rows are already in the order asked
 * for), so that what remains is the framework's own work for the request.
 */
@Named("listCases")
@ViewScoped
public class ListCases implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String[] STATUSES = {"Active", "FollowUp", "Closed", "ClosedReferred"};

  @Inject private FloorRows rows;

  private final Table table = new Table();

  /** The export's pre-processor (the floor exports nothing). @param document unused */
  public void exportStarted(Object document) {}

  /** The export's post-processor. @param document unused */
  public void exportFinished(Object document) {}

  /**
   * @param row a row
   * @return its exploitation types joined, as the portal's export writes them
   */
  public String exploitationText(FloorRow row) {
    return String.join(", ", row.typeOfExploitation());
  }

  /**
   * @return the lazy model bound to the table
   */
  public LazyDataModel<FloorRow> getTable() {
    return table;
  }

  /**
   * @return the HTCDS case statuses, for the status filter
   */
  public String[] getStatuses() {
    return STATUSES.clone();
  }

  private final class Table extends LazyDataModel<FloorRow> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return rows.all().size();
    }

    @Override
    public List<FloorRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      List<FloorRow> all = rows.all();
      int from = Math.min(first, all.size());
      return List.copyOf(all.subList(from, Math.min(all.size(), from + pageSize)));
    }

    @Override
    public String getRowKey(FloorRow row) {
      return String.valueOf(row.id());
    }

    @Override
    public FloorRow getRowData(String rowKey) {
      List<FloorRow> page = getWrappedData();
      return page == null
          ? null
          : page.stream()
              .filter(r -> String.valueOf(r.id()).equals(rowKey))
              .findFirst()
              .orElse(null);
    }
  }
}
