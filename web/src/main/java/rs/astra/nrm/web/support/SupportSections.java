package rs.astra.nrm.web.support;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.support.SupportPlanService;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * What the support sections of the case page show, shared by their beans: the support records of
 * the categories the page may show (SOCIAL, HEALTH), read once per case, categories shown and load
 * of the case page ({@link ShowCase#getGeneration}) so that a page view leaves one audit record per
 * category, and the categories the user may change (to offer the forms; every change is decided
 * again). The beans {@link #reset} it after a change.
 */
@ViewScoped
public class SupportSections implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final rs.astra.nrm.support.SupportView NOTHING =
      new rs.astra.nrm.support.SupportView(Set.of(), List.of(), null, List.of(), List.of());

  @Inject private SupportPlanService support;
  @Inject private ShowCase page;
  @Inject private SignedInUser user;

  /** The page's load that the sections were read for: read again after any reload. */
  private ShowCase.Loaded readFor;

  private long loads;
  private rs.astra.nrm.support.SupportView view = NOTHING;
  private Set<DataCategory> updatable = EnumSet.noneOf(DataCategory.class);

  /**
   * @return the case shown, or {@code null}
   */
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

  /**
   * @return the support records of the case shown, read once per case shown (nothing when no case
   *     is shown)
   */
  public rs.astra.nrm.support.SupportView view() {
    load();
    return view;
  }

  /**
   * @param category SOCIAL or HEALTH
   * @return whether the user may change records of the category on the case shown
   */
  public boolean updatable(DataCategory category) {
    load();
    return updatable.contains(category);
  }

  /**
   * @return how many times the records were read in this view, so that a form can tell it must
   *     refill
   */
  public long loads() {
    load();
    return loads;
  }

  /** Forgets what was read, after a change or when the case page reloads. */
  public void reset() {
    readFor = null;
  }

  private void load() {
    ShowCase.Loaded shown = page.getLoaded();
    if (shown == null) {
      view = NOTHING;
      updatable = EnumSet.noneOf(DataCategory.class);
      readFor = null;
      return;
    }
    long id = shown.caseId();
    Set<DataCategory> readable = EnumSet.noneOf(DataCategory.class);
    for (DataCategory c : SupportPlanService.CATEGORIES) {
      if (readable(c)) {
        readable.add(c);
      }
    }
    // Read again for another case, or when the page may now show other categories (e.g. after an
    // emergency access was opened).
    // Read again too when the page loaded the case again after a change made on it (a merge, an
    // undo, a consent, a record): the sections never show the state from before it.
    if (!shown.equals(readFor) || !readable.equals(view.categories())) {
      view = readable.isEmpty() ? NOTHING : support.view(user.viewer(), id, readable);
      Set<DataCategory> found = support.updatableCategories(user.viewer(), id);
      updatable = found.isEmpty() ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(found);
      readFor = shown;
      loads++;
    }
  }
}
