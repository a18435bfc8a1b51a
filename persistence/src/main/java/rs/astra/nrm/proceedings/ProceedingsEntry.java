package rs.astra.nrm.proceedings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;

/**
 * One entry of a case's criminal-proceedings track (data category LEGAL_PROCEEDINGS), owned by the
 * organisation that recorded it: only that organisation changes it.
 */
@Entity
@Table(name = "proceedings_entry")
public class ProceedingsEntry {

  @Id
  @SequenceGenerator(
      name = "proceedings_entry_seq",
      sequenceName = "proceedings_entry_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "proceedings_entry_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "case_file_id", nullable = false, updatable = false)
  private CaseFile caseFile;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
  private Organisation organisation;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "recorded_by_id", nullable = false, updatable = false)
  private PortalUser recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private ProceedingsEntryKind kind;

  @Column(name = "entry_date", nullable = false)
  private LocalDate date;

  @Enumerated(EnumType.STRING)
  @Column(length = 40)
  private Offence offence;

  @Column(name = "suspects_count")
  private Integer suspectsCount;

  @Enumerated(EnumType.STRING)
  @Column(name = "victim_status", length = 40)
  private VictimProceduralStatus victimStatus;

  @Column(length = 1000)
  private String outcome;

  @Column(length = 1000)
  private String sentence;

  @Column(length = 4000)
  private String note;

  /** For JPA only. */
  protected ProceedingsEntry() {}

  /**
   * Records an entry.
   *
   * @param caseFile the case
   * @param by the user who records it; her organisation owns the entry
   * @param kind the step
   * @param date the day of the step
   * @param at when it is recorded (UTC)
   * @throws NullPointerException if an argument is {@code null}
   */
  public ProceedingsEntry(
      CaseFile caseFile, PortalUser by, ProceedingsEntryKind kind, LocalDate date, Instant at) {
    this.caseFile = Objects.requireNonNull(caseFile, "caseFile");
    this.recordedBy = Objects.requireNonNull(by, "by");
    this.organisation = by.getOrganisation();
    this.kind = Objects.requireNonNull(kind, "kind");
    this.date = Objects.requireNonNull(date, "date");
    this.recordedAt = Objects.requireNonNull(at, "at");
  }

  /**
   * Sets the details of the step; each may be {@code null}.
   *
   * @param offence the offence (indictment)
   * @param suspectsCount number of suspects, 0 or more (complaint, investigation)
   * @param victimStatus the victim's status in the proceedings
   * @param outcome verdict or claim outcome, up to 1000 characters
   * @param sentence the sentence, up to 1000 characters
   * @param note free text, up to 4000 characters
   * @throws IllegalArgumentException for a negative count or a text too long
   */
  public void describe(
      Offence offence,
      Integer suspectsCount,
      VictimProceduralStatus victimStatus,
      String outcome,
      String sentence,
      String note) {
    if (suspectsCount != null && suspectsCount < 0) {
      throw new IllegalArgumentException("suspects count cannot be negative");
    }
    if ((outcome != null && outcome.length() > 1000)
        || (sentence != null && sentence.length() > 1000)
        || (note != null && note.length() > 4000)) {
      throw new IllegalArgumentException("text too long");
    }
    this.offence = offence;
    this.suspectsCount = suspectsCount;
    this.victimStatus = victimStatus;
    this.outcome = outcome;
    this.sentence = sentence;
    this.note = note;
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the version
   */
  public long getVersion() {
    return version;
  }

  /**
   * @return the case
   */
  public CaseFile getCaseFile() {
    return caseFile;
  }

  /**
   * @return the organisation that recorded it
   */
  public Organisation getOrganisation() {
    return organisation;
  }

  /**
   * @return who recorded it
   */
  public PortalUser getRecordedBy() {
    return recordedBy;
  }

  /**
   * @return the step
   */
  public ProceedingsEntryKind getKind() {
    return kind;
  }

  /**
   * @return the day
   */
  public LocalDate getDate() {
    return date;
  }

  /**
   * @return the offence, or {@code null}
   */
  public Offence getOffence() {
    return offence;
  }

  /**
   * @return the number of suspects, or {@code null}
   */
  public Integer getSuspectsCount() {
    return suspectsCount;
  }

  /**
   * @return the victim's status, or {@code null}
   */
  public VictimProceduralStatus getVictimStatus() {
    return victimStatus;
  }

  /**
   * @return the outcome, or {@code null}
   */
  public String getOutcome() {
    return outcome;
  }

  /**
   * @return the sentence, or {@code null}
   */
  public String getSentence() {
    return sentence;
  }

  /**
   * @return the note, or {@code null}
   */
  public String getNote() {
    return note;
  }
}
