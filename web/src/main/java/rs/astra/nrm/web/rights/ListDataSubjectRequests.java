package rs.astra.nrm.web.rights;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import rs.astra.nrm.rights.DataSubjectRequestService;
import rs.astra.nrm.rights.RequestRow;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * The register of data-subject requests of the signed-in user's organisation (issue 21): open
 * requests first by due date, then the closed ones. Loaded once per view and again after each step
 * ({@link #refresh}).
 */
@Named
@ViewScoped
public class ListDataSubjectRequests implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private DataSubjectRequestService requests;
  @Inject private SignedInUser user;

  private List<RequestRow> rows;

  /**
   * @return the rows of the register
   */
  public List<RequestRow> getRows() {
    if (rows == null) {
      rows = requests.register(user.viewer());
    }
    return rows;
  }

  /**
   * @param id a request
   * @return its row as last loaded, or {@code null}
   */
  public RequestRow row(long id) {
    return getRows().stream().filter(r -> r.id() == id).findFirst().orElse(null);
  }

  /**
   * @return whether the signed-in user keeps the register (registers and answers requests: the data
   *     protection officer); coordinators only read it
   */
  public boolean isKeeper() {
    return user.viewer().role().keepsRequestRegister();
  }

  /** Loads the register again (after a step). */
  public void refresh() {
    rows = null;
  }
}
