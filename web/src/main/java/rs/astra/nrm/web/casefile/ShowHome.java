package rs.astra.nrm.web.casefile;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import rs.astra.nrm.casefile.IdentificationQueueService;
import rs.astra.nrm.casefile.WorkOverviewService;
import rs.astra.nrm.consent.BreakGlassService;
import rs.astra.nrm.proceedings.ProceedingsService;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * The home page of every role: what waits for the user's organisation (referrals to answer, overdue
 * referrals it sent, consents about to expire, quiet cases, emergency accesses to its cases, cases
 * waiting for its identification decision, hearings ahead), each with a count and the first lines.
 * Loaded once per view.
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

  // Roles feature: the identification queue's count and the upcoming hearings.
  @Inject private IdentificationQueueService identificationQueue;
  @Inject private ProceedingsService proceedings;
  private Long identificationWaiting;
  private ProceedingsService.UpcomingHearings hearings;

  /**
   * @return whether the user's organisation decides identification (CPTV, centre for social work)
   */
  public boolean isIdentificationDecider() {
    return IdentificationQueueService.hasQueue(user.viewer());
  }

  /**
   * @return how many cases wait for the organisation's identification decision
   */
  public long getIdentificationWaiting() {
    if (identificationWaiting == null) {
      identificationWaiting = identificationQueue.count(user.viewer(), null);
    }
    return identificationWaiting;
  }

  /**
   * @return the soonest hearings from today on that the user may read, and their total
   */
  public ProceedingsService.UpcomingHearings getHearings() {
    if (hearings == null) {
      hearings = proceedings.upcomingHearings(user.viewer(), 10);
    }
    return hearings;
  }

  /**
   * @return the overview of the user's organisation
   */
  public WorkOverviewService.Overview getOverview() {
    if (overview == null) {
      overview = work.overview(user.viewer(), 10);
    }
    return overview;
  }

  /**
   * @return the latest emergency accesses to the organisation's cases
   */
  public List<BreakGlassService.OwnerAlert> getEmergencyAccesses() {
    if (emergencyAccesses == null) {
      emergencyAccesses = breakGlass.accessesToMyCases(user.viewer(), 10);
    }
    return emergencyAccesses;
  }
}
