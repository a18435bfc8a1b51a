package rs.astra.nrm.web.casefile;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.casefile.CaseView;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * The case page: what the signed-in user may see of one case. A case that does not exist and one
 * she may not see look the same ("not found"), so the page reveals nothing.
 */
@Named
@ViewScoped
public class ShowCase implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CaseFileService cases;
  @Inject private SignedInUser user;

  private String id;
  private CaseView caseView;

  /** Loads the case named by the {@code id} view parameter; called by the page's view action. */
  public void load() {
    caseView = null;
    if (id == null || !id.matches("\\d{1,18}")) {
      return;
    }
    caseView = cases.find(user.viewer(), Long.parseLong(id)).orElse(null);
  }

  /** @return the case, or {@code null} when not found or not visible */
  public CaseView getCase() {
    return caseView;
  }

  /** @return the {@code id} view parameter */
  public String getId() {
    return id;
  }

  /** @param id the {@code id} view parameter, digits only */
  public void setId(String id) {
    this.id = id;
  }
}
