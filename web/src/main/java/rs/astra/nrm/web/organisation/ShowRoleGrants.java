package rs.astra.nrm.web.organisation;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.RoleGrantRow;
import rs.astra.nrm.organisation.RoleGrantService;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * The data protection officer's notice of four-eyes grants (issue 15), on her home page: the
 * requests to give a role that reads case data or controls access, or a new password to its holder,
 * concerning her organisation's users — pending, and decided in the last 30 days. No e-mail is sent
 * yet; this list is the notice.
 */
@Named
@ViewScoped
public class ShowRoleGrants implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private RoleGrantService grants;
  @Inject private SignedInUser user;

  private List<RoleGrantRow> rows;

  /**
   * @return whether the user is a data protection officer, who alone is shown the list
   */
  public boolean isDataProtectionOfficer() {
    return user.viewer().role() == PortalRole.DPO;
  }

  /**
   * @return the requests concerning her organisation, newest first; empty for other roles
   */
  public List<RoleGrantRow> getGrants() {
    if (rows == null) {
      rows =
          isDataProtectionOfficer()
              ? grants.forDataProtectionOfficer(user.viewer(), 20)
              : List.of();
    }
    return rows;
  }
}
