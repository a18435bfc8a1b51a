package rs.astra.nrm.web.casefile;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import rs.astra.nrm.casefile.IdentificationQueueService;
import rs.astra.nrm.casefile.IdentificationQueueService.QueueQuery;
import rs.astra.nrm.casefile.IdentificationQueueService.QueueRow;
import rs.astra.nrm.casefile.IdentificationQueueService.SortColumn;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.PageRows;

/**
 * The identification queue of a CPTV officer (adults) or a social-work professional (children):
 * cases referred to her organisation for identification that wait for the decision, oldest referral
 * first, in a lazy table paged, sorted and filtered in the database. Each row links to the case
 * page, where the decision is taken.
 */
@Named
@ViewScoped
public class ShowIdentificationQueue implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private IdentificationQueueService queue;
  @Inject private SignedInUser user;

  private final QueueTable table = new QueueTable();

  /**
   * @return the lazy model bound to the table
   */
  public LazyDataModel<QueueRow> getTable() {
    return table;
  }

  /**
   * @return whether the user's organisation decides identification (else the page explains)
   */
  public boolean isDecider() {
    return IdentificationQueueService.hasQueue(user.viewer());
  }

  private final class QueueTable extends LazyDataModel<QueueRow> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) queue.count(user.viewer(), code(filterBy));
    }

    @Override
    public List<QueueRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      SortColumn column = SortColumn.REFERRED_ON;
      boolean ascending = true;
      SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
      if (sort != null && sort.getOrder() != SortOrder.UNSORTED) {
        column = "caseCode".equals(sort.getField()) ? SortColumn.CODE : SortColumn.REFERRED_ON;
        ascending = sort.getOrder() == SortOrder.ASCENDING;
      }
      // The page is not kept in the session (its rows hold only links and text).
      return PageRows.of(
          queue.page(
              user.viewer(),
              new QueueQuery(
                  first, Math.max(1, Math.min(pageSize, 500)), column, ascending, code(filterBy))));
    }

    @Override
    public String getRowKey(QueueRow row) {
      return String.valueOf(row.caseId());
    }

    @Override
    public QueueRow getRowData(String rowKey) {
      List<QueueRow> page = getWrappedData();
      return page == null
          ? null
          : page.stream()
              .filter(r -> String.valueOf(r.caseId()).equals(rowKey))
              .findFirst()
              .orElse(null);
    }
  }

  private static String code(Map<String, FilterMeta> filterBy) {
    FilterMeta f = filterBy.get("caseCode");
    if (f == null || f.getFilterValue() == null || f.getFilterValue().toString().isBlank()) {
      return null;
    }
    return f.getFilterValue().toString().strip();
  }
}
