package rs.astra.nrm.support;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * A health institution's record of treatment given to the person; data category HEALTH (special
 * category, GDPR Art. 9; Law 87/2018 art. 17). Only health institutions record them; each belongs
 * to the institution that wrote it and is not changed afterwards.
 */
@Entity
@Table(name = "treatment_record")
public class TreatmentRecord {

  /** Longest text of each field. */
  public static final int MAX_TEXT = 4000;

  @Id
  @SequenceGenerator(
      name = "treatment_record_seq",
      sequenceName = "treatment_record_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "treatment_record_seq")
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

  @Column(name = "treated_on", nullable = false, updatable = false)
  private LocalDate treatedOn;

  @Column(nullable = false, length = MAX_TEXT, updatable = false)
  private String treatment;

  @Column(length = MAX_TEXT, updatable = false)
  private String note;

  /** For JPA only. */
  protected TreatmentRecord() {}

  /**
   * Records a treatment.
   *
   * @param caseFile the case
   * @param by a health worker; her institution owns the record
   * @param treatedOn the day of the treatment
   * @param treatment the treatment given, not blank, up to {@value #MAX_TEXT} characters
   * @param note a note, may be {@code null}, up to {@value #MAX_TEXT} characters
   * @param at when it is recorded (UTC)
   * @throws IllegalArgumentException when the author's organisation is not a health institution,
   *     the treatment is blank or a text is too long
   */
  public TreatmentRecord(
      CaseFile caseFile,
      PortalUser by,
      LocalDate treatedOn,
      String treatment,
      String note,
      Instant at) {
    if (!by.getOrganisation().getType().recordsTreatments()) {
      throw new IllegalArgumentException("only a health institution records a treatment");
    }
    if (treatment == null
        || treatment.isBlank()
        || treatment.length() > MAX_TEXT
        || (note != null && note.length() > MAX_TEXT)) {
      throw new IllegalArgumentException("text blank or too long");
    }
    this.caseFile = Objects.requireNonNull(caseFile, "caseFile");
    this.recordedBy = by;
    this.organisation = by.getOrganisation();
    this.treatedOn = Objects.requireNonNull(treatedOn, "treatedOn");
    this.treatment = treatment;
    this.note = note;
    this.recordedAt = Objects.requireNonNull(at, "at");
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the optimistic-lock version
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
   * @return the institution that wrote it
   */
  public Organisation getOrganisation() {
    return organisation;
  }

  /**
   * @return who wrote it
   */
  public PortalUser getRecordedBy() {
    return recordedBy;
  }

  /**
   * @return when it was recorded (UTC)
   */
  public Instant getRecordedAt() {
    return recordedAt;
  }

  /**
   * @return the day of the treatment
   */
  public LocalDate getTreatedOn() {
    return treatedOn;
  }

  /**
   * @return the treatment given
   */
  public String getTreatment() {
    return treatment;
  }

  /**
   * @return the note, or {@code null}
   */
  public String getNote() {
    return note;
  }
}
