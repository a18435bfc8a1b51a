package rs.astra.nrm.web.proceedings;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import rs.astra.nrm.proceedings.Offence;
import rs.astra.nrm.proceedings.ProceedingsEntryKind;
import rs.astra.nrm.proceedings.ProceedingsService;
import rs.astra.nrm.proceedings.VictimProceduralStatus;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The criminal-proceedings section of the case page: the entries the user may read (police and
 * prosecutors their own, unless the person consented to more), and the form for the steps her
 * institution records.
 */
@Named
@ViewScoped
public class RecordProceedings implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ProceedingsService proceedings;
  @Inject private ShowCase page;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private List<ProceedingsService.EntryLine> entries;

  /** The page's load that the entries were read for: read again after any reload. */
  private ShowCase.Loaded readFor;

  private ProceedingsEntryKind kind;
  private LocalDate date = rs.astra.nrm.shared.NrmTime.today();
  private Offence offence;
  private Integer suspectsCount;
  private VictimProceduralStatus victimStatus;
  private String outcome;
  private String sentence;
  private String note;

  /**
   * @return the entries the user may read; loaded once per case shown
   */
  public List<ProceedingsService.EntryLine> getEntries() {
    ShowCase.Loaded shown = page.getLoaded();
    if (shown == null || !page.visible("LEGAL_PROCEEDINGS")) {
      return List.of();
    }
    if (!shown.equals(readFor)) {
      entries = proceedings.entries(user.viewer(), shown.caseId());
      readFor = shown;
    }
    return entries;
  }

  /**
   * @return the kinds of step the user's institution records
   */
  public List<ProceedingsEntryKind> getKinds() {
    return List.copyOf(ProceedingsEntryKind.kindsFor(user.viewer().organisationType()));
  }

  /** Records the step of the form. */
  public void record() {
    if (feedback.run(
        () ->
            proceedings.record(
                user.viewer(),
                page.getCaseId(),
                new ProceedingsService.NewEntryForm(
                    kind, date, offence, suspectsCount, victimStatus, outcome, sentence, note)),
        "proceedings.recorded")) {
      kind = null;
      offence = null;
      suspectsCount = null;
      victimStatus = null;
      outcome = null;
      sentence = null;
      note = null;
    }
    readFor = null;
    page.load();
  }

  /**
   * @return the offences
   */
  public Offence[] getOffences() {
    return Offence.values();
  }

  /**
   * @return the victim's possible statuses
   */
  public VictimProceduralStatus[] getVictimStatuses() {
    return VictimProceduralStatus.values();
  }

  public ProceedingsEntryKind getKind() {
    return kind;
  }

  public void setKind(ProceedingsEntryKind kind) {
    this.kind = kind;
  }

  public LocalDate getDate() {
    return date;
  }

  public void setDate(LocalDate date) {
    this.date = date;
  }

  public Offence getOffence() {
    return offence;
  }

  public void setOffence(Offence offence) {
    this.offence = offence;
  }

  public Integer getSuspectsCount() {
    return suspectsCount;
  }

  public void setSuspectsCount(Integer suspectsCount) {
    this.suspectsCount = suspectsCount;
  }

  public VictimProceduralStatus getVictimStatus() {
    return victimStatus;
  }

  public void setVictimStatus(VictimProceduralStatus victimStatus) {
    this.victimStatus = victimStatus;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getSentence() {
    return sentence;
  }

  public void setSentence(String sentence) {
    this.sentence = sentence;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
