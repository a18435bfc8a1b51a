package rs.astra.nrm.web.casefile;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.casefile.CaseView;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * The case page: what the policy lets the signed-in user read of one case, and why the rest is
 * hidden. A case that does not exist and one she may not see look the same ("not found"). The other
 * beans of the page (consent, referral, emergency access) call {@link #load()} after a change.
 */
@Named
@ViewScoped
public class ShowCase implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CaseFileService cases;
  @Inject private rs.astra.nrm.casefile.CaseTimeline timeline;
  @Inject private SignedInUser user;
  @Inject private rs.astra.nrm.casefile.CaseMergeService merges;
  @Inject private rs.astra.nrm.casefile.CaseRestrictionService restrictions;

  private String id;
  private CaseView caseView;
  private rs.astra.nrm.casefile.CaseMergeService.MergedInto mergedInto;
  private List<rs.astra.nrm.casefile.CaseTimeline.EventLine> events = List.of();
  private boolean restricted;
  private long generation;

  /**
   * Opens the case named by the {@code id} view parameter: the page's view action. The permits of
   * the sections the page then shows are recorded with the page's own ({@link
   * CaseFileService#findForCasePage}).
   */
  public void open() {
    load(true);
  }

  /**
   * Loads the case named by the {@code id} view parameter again; called by every action of the page
   * that changed the case, so that all its sections show the state after the change ({@link
   * #getGeneration}). Each section then reads, and records, its own as it did before.
   */
  public void load() {
    load(false);
  }

  /**
   * Before a postback's answer is rendered: when nothing in this request loaded the case again, it
   * is loaded now. A post that changed nothing — a language switch, a form refused by its checks, a
   * failed upload, an Ajax step — then shows the case as the policy decides it now, and the reads
   * it shows are recorded, never the copy this view kept from an earlier request (a withdrawn
   * consent must hide its data at the recipient's next click; trial finding). The page's {@code
   * preRenderView} listener; the actions ran before it with the versions the user saw.
   */
  public void refreshForRender() {
    var faces = jakarta.faces.context.FacesContext.getCurrentInstance();
    if (faces == null
        || !faces.isPostback()
        || faces.getExternalContext().getRequestMap().containsKey(LOADED_IN_REQUEST)) {
      return;
    }
    load();
  }

  /** Request attribute: the case was loaded in this request. */
  private static final String LOADED_IN_REQUEST = ShowCase.class.getName() + ".loaded";

  private void load(boolean opening) {
    var faces = jakarta.faces.context.FacesContext.getCurrentInstance();
    if (faces != null) {
      faces.getExternalContext().getRequestMap().put(LOADED_IN_REQUEST, Boolean.TRUE);
    }
    generation++;
    caseView = null;
    mergedInto = null;
    restricted = false;
    if (id == null || !id.matches("\\d{1,18}")) {
      return;
    }
    caseView =
        (opening
                ? cases.findForCasePage(user.viewer(), Long.parseLong(id))
                : cases.find(user.viewer(), Long.parseLong(id)))
            .orElse(null);
    // A merged case is never found (issue 19), so only a case not found can have been merged: the
    // case shown is not read a second time for the question (issue 16, statements per page).
    mergedInto =
        caseView != null ? null : merges.mergedInto(user.viewer(), Long.parseLong(id)).orElse(null);
    // GDPR Art. 18: the owner and the case's recipients learn that it is restricted, nothing more.
    restricted = restrictions.isRestrictedFor(user.viewer(), Long.parseLong(id));
    events = caseView == null ? List.of() : timeline.events(user.viewer(), caseView.id());
  }

  /**
   * @return whether the case is restricted (GDPR Art. 18) and the user's organisation owns it or is
   *     one of its recipients
   */
  public boolean isRestricted() {
    return restricted;
  }

  /**
   * @return the data subject's citizenships as ISO codes joined by commas, or an empty string
   */
  public String getCitizenship() {
    return caseView == null || caseView.identity() == null
        ? ""
        : String.join(", ", caseView.identity().citizenship());
  }

  /**
   * @return the timeline events the user may see, oldest first
   */
  public List<rs.astra.nrm.casefile.CaseTimeline.EventLine> getEvents() {
    return events;
  }

  /**
   * @return the case this one was merged into, when the user may see it (issue 19), or {@code null}
   */
  public rs.astra.nrm.casefile.CaseMergeService.MergedInto getMergedInto() {
    return mergedInto;
  }

  /**
   * How many times this view loaded the case: a section that keeps what it read for the view (the
   * support plan, the recruitment names) reads again when the number moved, so that it never shows
   * the state from before a change made on the page.
   *
   * @return the number of loads in this view, from 1 after the first
   */
  public long getGeneration() {
    return generation;
  }

  /**
   * Which load of which case is shown now: a section keeps the value of its last read and reads
   * again when it differs ({@link Loaded#equals}), so that one rule serves every section.
   *
   * @return the case's id and {@link #getGeneration()}, or {@code null} when no case is shown
   */
  public Loaded getLoaded() {
    return caseView == null ? null : new Loaded(caseView.id(), generation);
  }

  /**
   * One load of a case by this view.
   *
   * @param caseId the case
   * @param generation the view's {@link #getGeneration()} at that load
   */
  public record Loaded(long caseId, long generation) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * @return the case, or {@code null} when not found or not visible
   */
  public CaseView getCase() {
    return caseView;
  }

  /**
   * @return the case id, or {@code null}
   */
  public Long getCaseId() {
    return caseView == null ? null : caseView.id();
  }

  /**
   * Whether a personal category is visible.
   *
   * @param category the category name
   * @return {@code true} when the policy permitted reading it
   */
  public boolean visible(String category) {
    return caseView != null && caseView.visible().containsKey(DataCategory.valueOf(category));
  }

  /**
   * Why a personal category is visible.
   *
   * @param category the category name
   * @return its basis, or {@code null} when hidden
   */
  public CaseView.Basis basis(String category) {
    return caseView == null ? null : caseView.visible().get(DataCategory.valueOf(category));
  }

  /**
   * @return the hidden categories whose emergency access the user could open
   */
  public List<DataCategory> getEmergencyCategories() {
    return caseView == null
        ? List.of()
        : caseView.hidden().stream()
            .filter(CaseView.Hidden::emergencyAccessPossible)
            .map(CaseView.Hidden::category)
            .toList();
  }

  /**
   * @return the {@code id} view parameter
   */
  public String getId() {
    return id;
  }

  /**
   * @param id the {@code id} view parameter, digits only
   */
  public void setId(String id) {
    this.id = id;
  }
}
