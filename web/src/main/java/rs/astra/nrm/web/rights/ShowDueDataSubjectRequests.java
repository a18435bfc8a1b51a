package rs.astra.nrm.web.rights;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import rs.astra.nrm.rights.DataSubjectRequestService;
import rs.astra.nrm.rights.RequestRow;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * The home page's tasks of the register of data-subject requests (issue 21): the organisation's
 * open requests due within 7 days or overdue, for its data protection officer and coordinators.
 */
@Named
@RequestScoped
public class ShowDueDataSubjectRequests {

  @Inject private DataSubjectRequestService requests;
  @Inject private SignedInUser user;

  private List<RequestRow> due;

  /**
   * @return whether the signed-in user reads the register (data protection officer, coordinator)
   */
  public boolean isReader() {
    return user.viewer().role().readsRequestRegister();
  }

  /**
   * @return the requests due soon, soonest first (none for other roles)
   */
  public List<RequestRow> getDue() {
    if (due == null) {
      due = requests.dueSoon(user.viewer());
    }
    return due;
  }
}
