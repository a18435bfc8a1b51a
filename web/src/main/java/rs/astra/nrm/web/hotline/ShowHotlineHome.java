package rs.astra.nrm.web.hotline;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import rs.astra.nrm.hotline.HotlineService;
import rs.astra.nrm.hotline.RegistryService;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * The hotline's part of the home page: the follow-ups due, and the open cases that name an employer
 * or agency the hotline's checks flagged (for users who read case data).
 */
@Named
@ViewScoped
public class ShowHotlineHome implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Lines per list. */
  private static final int MAX = 10;

  @Inject private HotlineService hotline;
  @Inject private RegistryService registry;
  @Inject private SignedInUser user;

  private List<HotlineService.CallRow> followUps;
  private List<RegistryService.FlaggedCaseLine> flaggedCases;

  /**
   * @return the calls whose follow-up is due
   */
  public List<HotlineService.CallRow> getFollowUps() {
    if (followUps == null) {
      followUps = hotline.followUpsDue(user.viewer(), MAX);
    }
    return followUps;
  }

  /**
   * @return the open cases naming a flagged employer or agency
   */
  public List<RegistryService.FlaggedCaseLine> getFlaggedCases() {
    if (flaggedCases == null) {
      flaggedCases = registry.flaggedCases(user.viewer(), MAX);
    }
    return flaggedCases;
  }
}
