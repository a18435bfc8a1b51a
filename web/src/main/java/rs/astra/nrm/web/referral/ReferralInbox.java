package rs.astra.nrm.web.referral;

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
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.referral.ReferralService;
import rs.astra.nrm.referral.ReferralState;
import rs.astra.nrm.web.i18n.Messages;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.ListExport;

/**
 * The referral inbox (primljena upućivanja): referrals sent to the user's organisation, waiting
 * ones first, paged in the database. Accepting and rejecting go through {@link AnswerReferral}. The
 * CSV and XLSX exports go through the same model; each is recorded with its number of rows.
 */
@Named
@ViewScoped
public class ReferralInbox implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ReferralService referrals;
  @Inject private SignedInUser user;

  @Inject private AuditTrail audit;
  @Inject private Messages messages;

  private ReferralState state;
  private final InboxTable table = new InboxTable();
  private final ListExport export = new ListExport("REFERRAL_INBOX");

  /**
   * The exporter's pre-processor: starts counting the rows that go to the file.
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
   * The exporter's post-processor: records the export (list, format, number of rows). The inbox
   * holds no personal data (case codes, organisations, purposes, states).
   *
   * @param document the exporter's document, telling CSV from XLSX
   */
  public void exportFinished(Object document) {
    export.finish(audit, user.viewer(), document);
  }

  /**
   * The categories of a referral as one text, for the export.
   *
   * @param row the referral
   * @return the category labels in the user's language, joined by commas
   */
  public String categoriesText(ReferralService.InboxRow row) {
    return row.categories().stream()
        .map(c -> messages.get("category." + c.name()))
        .collect(Collectors.joining(", "));
  }

  /**
   * @return the lazy model of the inbox table
   */
  public LazyDataModel<ReferralService.InboxRow> getTable() {
    return table;
  }

  /**
   * @return the referral states, for the filter
   */
  public ReferralState[] getStates() {
    return ReferralState.values();
  }

  public ReferralState getState() {
    return state;
  }

  public void setState(ReferralState state) {
    this.state = state;
  }

  private final class InboxTable extends LazyDataModel<ReferralService.InboxRow> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) referrals.countInbox(user.viewer(), state);
    }

    @Override
    public List<ReferralService.InboxRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      List<ReferralService.InboxRow> rows = referrals.inbox(user.viewer(), state, first, pageSize);
      export.count(rows.size());
      return rows;
    }

    @Override
    public String getRowKey(ReferralService.InboxRow row) {
      return String.valueOf(row.id());
    }

    @Override
    public ReferralService.InboxRow getRowData(String rowKey) {
      List<ReferralService.InboxRow> page = getWrappedData();
      return page == null
          ? null
          : page.stream()
              .filter(r -> String.valueOf(r.id()).equals(rowKey))
              .findFirst()
              .orElse(null);
    }
  }
}
