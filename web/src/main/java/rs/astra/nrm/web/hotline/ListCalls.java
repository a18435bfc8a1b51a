package rs.astra.nrm.web.hotline;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import rs.astra.nrm.hotline.CallChannel;
import rs.astra.nrm.hotline.CallLanguage;
import rs.astra.nrm.hotline.CallPurpose;
import rs.astra.nrm.hotline.CallerType;
import rs.astra.nrm.hotline.HotlineService;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The hotline's call log: a lazy table of the organisation's calls (paging, sorting and filtering
 * in the database), newest first, with what can be done to a call: open a case from it or link it
 * to a case (caseworkers and coordinators), mark its follow-up done, and correct its record.
 */
@Named
@ViewScoped
public class ListCalls implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private HotlineService hotline;
  @Inject private rs.astra.nrm.hotline.CallCaseLinks caseLinks;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private final CallTable table = new CallTable();
  private HotlineService.CallRow chosen;
  private String caseCode;

  private Long correctedId;
  private long correctedVersion;
  private CallChannel editChannel;
  private CallerType editCallerType;
  private CallPurpose editPurpose;
  private Integer editDuration;
  private CallLanguage editLanguage;
  private String editSummary;
  private String editOutcome;
  private LocalDate editFollowUpOn;

  /**
   * @return the lazy model bound to the table
   */
  public LazyDataModel<HotlineService.CallRow> getTable() {
    return table;
  }

  /**
   * Opens a case from a call and goes to it.
   *
   * @param row the call
   * @throws IOException if the redirect fails
   */
  public void openCase(HotlineService.CallRow row) throws IOException {
    long[] caseId = new long[1];
    if (feedback.run(
        () -> caseId[0] = caseLinks.openCase(user.viewer(), row.id(), row.version()),
        "hotline.caseOpened")) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().getFlash().setKeepMessages(true);
      faces
          .getExternalContext()
          .redirect(
              faces.getExternalContext().getRequestContextPath()
                  + "/app/case.xhtml?id="
                  + caseId[0]);
    }
  }

  /**
   * Chooses the call to link (the link dialog opens).
   *
   * @param row the call
   */
  public void choose(HotlineService.CallRow row) {
    chosen = row;
    caseCode = null;
  }

  /** Links the chosen call to the case with the code typed in the dialog. */
  public void link() {
    if (chosen != null) {
      feedback.run(
          () -> caseLinks.linkToCase(user.viewer(), chosen.id(), chosen.version(), caseCode),
          "hotline.linked");
    }
  }

  /**
   * Marks a call's follow-up done.
   *
   * @param row the call
   */
  public void followedUp(HotlineService.CallRow row) {
    feedback.run(
        () -> hotline.markFollowedUp(user.viewer(), row.id(), row.version()), "hotline.followedUp");
  }

  /**
   * Chooses a call to correct (the correction dialog opens with its record).
   *
   * @param row the call
   */
  public void edit(HotlineService.CallRow row) {
    correctedId = row.id();
    correctedVersion = row.version();
    editChannel = row.channel();
    editCallerType = row.callerType();
    editPurpose = row.purpose();
    editDuration = row.durationMinutes();
    editLanguage = row.language();
    editSummary = row.summary();
    editOutcome = row.outcome();
    editFollowUpOn = row.followUpOn();
  }

  /**
   * Saves the correction of the chosen call; on a refusal nothing changes and the dialog stays
   * open.
   */
  public void saveCorrection() {
    if (correctedId == null) {
      return;
    }
    long id = correctedId;
    HotlineService.CallCorrectionForm form =
        new HotlineService.CallCorrectionForm(
            editChannel,
            editCallerType,
            editPurpose,
            editDuration,
            editLanguage,
            editSummary,
            editOutcome,
            editFollowUpOn);
    if (feedback.run(
        () -> hotline.correct(user.viewer(), id, correctedVersion, form), "hotline.corrected")) {
      correctedId = null;
    } else {
      FacesContext.getCurrentInstance().validationFailed();
    }
  }

  /**
   * @return the caller types, for the correction dialog
   */
  public CallerType[] getCallerTypes() {
    return CallerType.values();
  }

  /**
   * @return the languages, for the correction dialog
   */
  public CallLanguage[] getLanguages() {
    return CallLanguage.values();
  }

  public CallChannel getEditChannel() {
    return editChannel;
  }

  public void setEditChannel(CallChannel editChannel) {
    this.editChannel = editChannel;
  }

  public CallerType getEditCallerType() {
    return editCallerType;
  }

  public void setEditCallerType(CallerType editCallerType) {
    this.editCallerType = editCallerType;
  }

  public CallPurpose getEditPurpose() {
    return editPurpose;
  }

  public void setEditPurpose(CallPurpose editPurpose) {
    this.editPurpose = editPurpose;
  }

  public Integer getEditDuration() {
    return editDuration;
  }

  public void setEditDuration(Integer editDuration) {
    this.editDuration = editDuration;
  }

  public CallLanguage getEditLanguage() {
    return editLanguage;
  }

  public void setEditLanguage(CallLanguage editLanguage) {
    this.editLanguage = editLanguage;
  }

  public String getEditSummary() {
    return editSummary;
  }

  public void setEditSummary(String editSummary) {
    this.editSummary = editSummary;
  }

  public String getEditOutcome() {
    return editOutcome;
  }

  public void setEditOutcome(String editOutcome) {
    this.editOutcome = editOutcome;
  }

  public LocalDate getEditFollowUpOn() {
    return editFollowUpOn;
  }

  public void setEditFollowUpOn(LocalDate editFollowUpOn) {
    this.editFollowUpOn = editFollowUpOn;
  }

  /**
   * @return the purposes, for the filter
   */
  public CallPurpose[] getPurposes() {
    return CallPurpose.values();
  }

  /**
   * @return the channels, for the filter
   */
  public CallChannel[] getChannels() {
    return CallChannel.values();
  }

  /**
   * @return the call chosen for linking, or {@code null}
   */
  public HotlineService.CallRow getChosen() {
    return chosen;
  }

  public String getCaseCode() {
    return caseCode;
  }

  public void setCaseCode(String caseCode) {
    this.caseCode = caseCode;
  }

  /** The table model; it asks the service for one page at a time. */
  private final class CallTable extends LazyDataModel<HotlineService.CallRow> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) hotline.count(user.viewer(), query(0, 1, Map.of(), filterBy));
    }

    @Override
    public List<HotlineService.CallRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return hotline.list(user.viewer(), query(first, pageSize, sortBy, filterBy));
    }

    @Override
    public String getRowKey(HotlineService.CallRow row) {
      return String.valueOf(row.id());
    }

    @Override
    public HotlineService.CallRow getRowData(String rowKey) {
      List<HotlineService.CallRow> page = getWrappedData();
      return page == null
          ? null
          : page.stream()
              .filter(r -> String.valueOf(r.id()).equals(rowKey))
              .findFirst()
              .orElse(null);
    }
  }

  private static HotlineService.CallQuery query(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    HotlineService.SortColumn column = HotlineService.SortColumn.CALLED_AT;
    boolean ascending = false;
    SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
    if (sort != null && sort.getOrder() != SortOrder.UNSORTED) {
      column =
          switch (sort.getField()) {
            case "purpose" -> HotlineService.SortColumn.PURPOSE;
            case "channel" -> HotlineService.SortColumn.CHANNEL;
            default -> HotlineService.SortColumn.CALLED_AT;
          };
      ascending = sort.getOrder() == SortOrder.ASCENDING;
    }
    return new HotlineService.CallQuery(
        first,
        Math.max(1, Math.min(pageSize, 500)),
        column,
        ascending,
        value(filterBy, "purpose", CallPurpose.class),
        value(filterBy, "channel", CallChannel.class),
        text(filterBy, "callerAlias"));
  }

  private static String text(Map<String, FilterMeta> filterBy, String field) {
    FilterMeta f = filterBy.get(field);
    if (f == null || f.getFilterValue() == null) {
      return null;
    }
    String value = f.getFilterValue().toString().strip();
    return value.isEmpty() ? null : value;
  }

  private static <E extends Enum<E>> E value(
      Map<String, FilterMeta> filterBy, String field, Class<E> type) {
    FilterMeta f = filterBy.get(field);
    if (f == null || f.getFilterValue() == null) {
      return null;
    }
    Object v = f.getFilterValue();
    if (type.isInstance(v)) {
      return type.cast(v);
    }
    try {
      return Enum.valueOf(type, v.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
