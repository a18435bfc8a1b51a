package rs.astra.nrm.web.referral;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import rs.astra.nrm.referral.ReferralService;
import rs.astra.nrm.referral.ReferralState;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * The referral inbox (primljena upućivanja): referrals sent to the user's organisation, waiting ones
 * first, paged in the database. Accepting and rejecting go through {@link AnswerReferral}.
 */
@Named
@ViewScoped
public class ReferralInbox implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ReferralService referrals;
  @Inject private SignedInUser user;

  private ReferralState state;
  private final InboxTable table = new InboxTable();

  /** @return the lazy model of the inbox table */
  public LazyDataModel<ReferralService.InboxRow> getTable() {
    return table;
  }

  /** @return the referral states, for the filter */
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
    public List<ReferralService.InboxRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return referrals.inbox(user.viewer(), state, first, pageSize);
    }

    @Override
    public String getRowKey(ReferralService.InboxRow row) {
      return String.valueOf(row.id());
    }

    @Override
    public ReferralService.InboxRow getRowData(String rowKey) {
      List<ReferralService.InboxRow> page = getWrappedData();
      return page == null ? null : page.stream().filter(r -> String.valueOf(r.id()).equals(rowKey)).findFirst().orElse(null);
    }
  }
}
