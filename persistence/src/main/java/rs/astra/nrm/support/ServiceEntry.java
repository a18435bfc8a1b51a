package rs.astra.nrm.support;

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
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;

/**
 * One service on a case's support plan (HTCDS Support Plan, {@code spl_Type}): what, who provides
 * it, where it stands and when. Its data category follows from its type ({@link
 * ServiceType#category()}) and is stored, so that list queries filter by category in the database.
 * The organisation that recorded it owns it: under an own-records permit only that organisation
 * changes it. The status changes with optimistic locking ({@code @Version}).
 */
@Entity
@Table(name = "service_entry")
public class ServiceEntry {

  /** Longest free-text name of an outside provider. */
  public static final int MAX_PROVIDER_NAME = 200;

  /** Longest note. */
  public static final int MAX_NOTE = 4000;

  @Id
  @SequenceGenerator(
      name = "service_entry_seq",
      sequenceName = "service_entry_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_entry_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "case_file_id", nullable = false, updatable = false)
  private CaseFile caseFile;

  @Enumerated(EnumType.STRING)
  @Column(name = "data_category", nullable = false, length = 40, updatable = false)
  private DataCategory category;

  @Enumerated(EnumType.STRING)
  @Column(name = "service_type", nullable = false, length = 40, updatable = false)
  private ServiceType type;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
  private Organisation organisation;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "recorded_by_id", nullable = false, updatable = false)
  private PortalUser recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "provider_organisation_id")
  private Organisation providerOrganisation;

  @Column(name = "provider_name", length = MAX_PROVIDER_NAME)
  private String providerName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private ServiceStatus status;

  @Column(name = "planned_on")
  private LocalDate plannedOn;

  @Column(name = "started_on")
  private LocalDate startedOn;

  @Column(name = "ended_on")
  private LocalDate endedOn;

  @Column(length = MAX_NOTE)
  private String note;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "status_changed_by_id")
  private PortalUser statusChangedBy;

  @Column(name = "status_changed_at")
  private Instant statusChangedAt;

  /** For JPA only. */
  protected ServiceEntry() {}

  /**
   * Puts a service on the support plan.
   *
   * @param caseFile the case
   * @param by the user who records it; her organisation owns the entry
   * @param type the service; its category is the entry's
   * @param status where it stands
   * @param at when it is recorded (UTC)
   * @throws NullPointerException if an argument is {@code null}
   */
  public ServiceEntry(
      CaseFile caseFile, PortalUser by, ServiceType type, ServiceStatus status, Instant at) {
    this.caseFile = Objects.requireNonNull(caseFile, "caseFile");
    this.recordedBy = Objects.requireNonNull(by, "by");
    this.organisation = by.getOrganisation();
    this.type = Objects.requireNonNull(type, "type");
    this.category = type.category();
    this.status = Objects.requireNonNull(status, "status");
    this.recordedAt = Objects.requireNonNull(at, "at");
  }

  /**
   * Sets who provides the service, its days and a note; each may be {@code null}.
   *
   * @param providerOrganisation a portal organisation that provides it
   * @param providerName an outside provider, up to {@value #MAX_PROVIDER_NAME} characters
   * @param plannedOn the day it is planned for
   * @param startedOn the day it started
   * @param endedOn the day it ended, not before the start
   * @param note free text, up to {@value #MAX_NOTE} characters
   * @throws IllegalArgumentException for a text too long or an end before the start
   */
  public void describe(
      Organisation providerOrganisation,
      String providerName,
      LocalDate plannedOn,
      LocalDate startedOn,
      LocalDate endedOn,
      String note) {
    if ((providerName != null && providerName.length() > MAX_PROVIDER_NAME)
        || (note != null && note.length() > MAX_NOTE)) {
      throw new IllegalArgumentException("text too long");
    }
    if (startedOn != null && endedOn != null && endedOn.isBefore(startedOn)) {
      throw new IllegalArgumentException("ends before it starts");
    }
    this.providerOrganisation = providerOrganisation;
    this.providerName = providerName;
    this.plannedOn = plannedOn;
    this.startedOn = startedOn;
    this.endedOn = endedOn;
    this.note = note;
  }

  /**
   * Moves the service to another status. IN_PROGRESS sets the start day when none is known; a final
   * status (provided, declined, unavailable) sets the end day; PLANNED, REFERRED and IN_PROGRESS
   * clear the end day.
   *
   * @param next the new status, different from the current one
   * @param day the day of the change (Europe/Belgrade)
   * @param by who changes it
   * @param at when (UTC)
   * @throws IllegalArgumentException when the status does not change, or the end would lie before
   *     the start
   */
  public void changeStatus(ServiceStatus next, LocalDate day, PortalUser by, Instant at) {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(day, "day");
    if (next == status) {
      throw new IllegalArgumentException("status unchanged");
    }
    if (next.isFinal()) {
      if (startedOn != null && day.isBefore(startedOn)) {
        throw new IllegalArgumentException("ends before it starts");
      }
      endedOn = day;
    } else {
      endedOn = null;
      if (next == ServiceStatus.IN_PROGRESS && startedOn == null) {
        startedOn = day;
      }
    }
    status = next;
    statusChangedBy = Objects.requireNonNull(by, "by");
    statusChangedAt = Objects.requireNonNull(at, "at");
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
   * @return SOCIAL or HEALTH, from the type
   */
  public DataCategory getCategory() {
    return category;
  }

  /**
   * @return the service
   */
  public ServiceType getType() {
    return type;
  }

  /**
   * @return the organisation that recorded it and owns it
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
   * @return when it was recorded (UTC)
   */
  public Instant getRecordedAt() {
    return recordedAt;
  }

  /**
   * @return the portal organisation that provides it, or {@code null}
   */
  public Organisation getProviderOrganisation() {
    return providerOrganisation;
  }

  /**
   * @return the outside provider, or {@code null}
   */
  public String getProviderName() {
    return providerName;
  }

  /**
   * @return where it stands
   */
  public ServiceStatus getStatus() {
    return status;
  }

  /**
   * @return the planned day, or {@code null}
   */
  public LocalDate getPlannedOn() {
    return plannedOn;
  }

  /**
   * @return the day it started, or {@code null}
   */
  public LocalDate getStartedOn() {
    return startedOn;
  }

  /**
   * @return the day it ended, or {@code null}
   */
  public LocalDate getEndedOn() {
    return endedOn;
  }

  /**
   * @return the note, or {@code null}
   */
  public String getNote() {
    return note;
  }

  /**
   * @return who last changed the status, or {@code null}
   */
  public PortalUser getStatusChangedBy() {
    return statusChangedBy;
  }

  /**
   * @return when the status last changed (UTC), or {@code null}
   */
  public Instant getStatusChangedAt() {
    return statusChangedAt;
  }
}
