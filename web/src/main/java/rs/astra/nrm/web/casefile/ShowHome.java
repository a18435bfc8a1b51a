package rs.astra.nrm.web.casefile;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import rs.astra.nrm.casefile.WorkOverviewService;
import rs.astra.nrm.consent.BreakGlassService;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * The home page of every role: what waits for the user's organisation (referrals to answer, overdue
 * referrals it sent, consents about to expire, quiet cases, emergency accesses to its cases), each
 * with a count and the first lines. Loaded once per view.
 */
@Named
@ViewScoped
public class ShowHome implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private WorkOverviewService work;
  @Inject private BreakGlassService breakGlass;
  @Inject private SignedInUser user;

  private WorkOverviewService.Overview overview;
  private List<BreakGlassService.OwnerAlert> emergencyAccesses;

  /** @return the overview of the user's organisation */
  public WorkOverviewService.Overview getOverview() {
    if (overview == null) {
      overview = work.overview(user.viewer(), 10);
    }
    return overview;
  }

  /** @return the latest emergency accesses to the organisation's cases */
  public List<BreakGlassService.OwnerAlert> getEmergencyAccesses() {
    if (emergencyAccesses == null) {
      emergencyAccesses = breakGlass.accessesToMyCases(user.viewer(), 10);
    }
    return emergencyAccesses;
  }
}
