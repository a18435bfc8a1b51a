package rs.astra.nrm.web.support;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import rs.astra.nrm.consent.DataCategory;
import rs.astra.nrm.support.SupportPlanService;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * What the signed-in user may read and change of the support records of the case shown, for the
 * support beans of the case page: read from the case page's decisions, change asked of the service
 * once per case shown (forms only for those who may change; every change is decided again).
 */
@ViewScoped
public class SupportAccess implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private SupportPlanService support;
  @Inject private ShowCase page;
  @Inject private SignedInUser user;

  private Long loadedFor;
  private Set<DataCategory> updatable = EnumSet.noneOf(DataCategory.class);

  /** @return the case shown, or {@code null} */
  public Long caseId() {
    return page.getCaseId();
  }

  /**
   * @param category SOCIAL or HEALTH
   * @return whether the case page was permitted to show the category
   */
  public boolean readable(DataCategory category) {
    return page.getCaseId() != null && page.visible(category.name());
  }

  /** @return the support categories the case page shows (SOCIAL and/or HEALTH) */
  public Set<DataCategory> readable() {
    Set<DataCategory> result = EnumSet.noneOf(DataCategory.class);
    for (DataCategory c : SupportPlanService.CATEGORIES) {
      if (readable(c)) {
        result.add(c);
      }
    }
    return result;
  }

  /**
   * @param category SOCIAL or HEALTH
   * @return whether the user may change records of the category on the case shown
   */
  public boolean updatable(DataCategory category) {
    Long id = page.getCaseId();
    if (id == null) {
      return false;
    }
    if (!id.equals(loadedFor)) {
      Set<DataCategory> found = support.updatableCategories(user.viewer(), id);
      updatable = found.isEmpty() ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(found);
      loadedFor = id;
    }
    return updatable.contains(category);
  }

  /** Forgets what was loaded, after a change or when the case page reloads. */
  public void reset() {
    loadedFor = null;
  }
}
