package rs.astra.nrm.consent;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;

/**
 * The data subject's consent to share given categories of her case's data with one organisation for
 * one purpose, from a day until an optional last day (GDPR Art. 6(1)(a), 7, 9(2)(a); Serbian Law on
 * Personal Data Protection, Sl. glasnik RS 87/2018, art. 12 and 15). A consent is never deleted:
 * withdrawal records who withdrew it and when (GDPR Art. 7(3)).
 */
@Entity
@jakarta.persistence.EntityListeners(rs.astra.nrm.casefile.CaseFactsWrites.class)
@Table(name = "consent")
public class Consent {

  @Id
  @SequenceGenerator(name = "consent_seq", sequenceName = "consent_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "case_file_id", nullable = false, updatable = false)
  private CaseFile caseFile;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "recipient_organisation_id", nullable = false, updatable = false)
  private Organisation recipient;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40, updatable = false)
  private Purpose purpose;

  @ElementCollection(fetch = FetchType.LAZY)
  // One query for the categories of every consent read together (a case page lists them all), not
  // one each.
  @org.eclipse.persistence.annotations.BatchFetch(
      org.eclipse.persistence.annotations.BatchFetchType.IN)
  @CollectionTable(name = "consent_category", joinColumns = @JoinColumn(name = "consent_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "category", nullable = false, length = 40)
  private Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);

  @Column(name = "given_on", nullable = false, updatable = false)
  private LocalDate givenOn;

  @Column(name = "valid_until", updatable = false)
  private LocalDate validUntil;

  @Enumerated(EnumType.STRING)
  @Column(name = "given_as", nullable = false, length = 40, updatable = false)
  private ConsentMethod form;

  @Column(length = 2000, updatable = false)
  private String note;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "recorded_by_id", nullable = false, updatable = false)
  private PortalUser recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "withdrawn_by_id")
  private PortalUser withdrawnBy;

  /** For JPA only. */
  protected Consent() {}

  /**
   * Records a consent.
   *
   * @param caseFile the case of the data subject
   * @param recipient the organisation the data may be shared with; not the case's owner
   * @param purpose the one purpose of sharing
   * @param categories the personal categories shared, at least one; CASE_SUMMARY is never needed
   * @param givenOn the day it was given (Europe/Belgrade)
   * @param validUntil last day it is valid, inclusive; {@code null} = until withdrawn
   * @param form how it was given
   * @param note free text (e.g. the witness of an oral consent), up to 2000 characters, may be
   *     {@code null}
   * @param recordedBy the user who records it
   * @param recordedAt when it is recorded (UTC)
   * @throws IllegalArgumentException if no personal category is given, the validity ends before it
   *     starts, the recipient owns the case, or the note is too long
   * @throws NullPointerException if a required argument is {@code null}
   */
  public Consent(
      CaseFile caseFile,
      Organisation recipient,
      Purpose purpose,
      Set<DataCategory> categories,
      LocalDate givenOn,
      LocalDate validUntil,
      ConsentMethod form,
      String note,
      PortalUser recordedBy,
      Instant recordedAt) {
    this.caseFile = Objects.requireNonNull(caseFile, "caseFile");
    this.recipient = Objects.requireNonNull(recipient, "recipient");
    this.purpose = Objects.requireNonNull(purpose, "purpose");
    this.givenOn = Objects.requireNonNull(givenOn, "givenOn");
    this.form = Objects.requireNonNull(form, "form");
    this.recordedBy = Objects.requireNonNull(recordedBy, "recordedBy");
    this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
    if (categories == null || categories.stream().noneMatch(DataCategory::isPersonal)) {
      throw new IllegalArgumentException("a consent covers at least one personal data category");
    }
    if (validUntil != null && validUntil.isBefore(givenOn)) {
      throw new IllegalArgumentException("a consent cannot end before it is given");
    }
    if (caseFile.getOwnerOrganisation() == recipient
        || (recipient.getId() != null
            && recipient.getId().equals(caseFile.getOwnerOrganisation().getId()))) {
      throw new IllegalArgumentException("the owning organisation needs no consent");
    }
    if (note != null && note.length() > 2000) {
      throw new IllegalArgumentException("note longer than 2000 characters");
    }
    this.categories = EnumSet.copyOf(categories);
    this.categories.remove(DataCategory.CASE_SUMMARY);
    this.validUntil = validUntil;
    this.note = note;
  }

  /**
   * Whether the consent is active on a day: given on or before it, not past its last valid day, and
   * not withdrawn at {@code now}.
   *
   * @param day the calendar day in Europe/Belgrade
   * @return {@code true} when active
   */
  public boolean isActiveOn(LocalDate day) {
    return isActive(givenOn, validUntil, withdrawnAt != null, day);
  }

  /**
   * The one statement of consent validity (issue 16), used by the entity, by the policy's facts
   * ({@code CaseFacts.ConsentFact}) and mirrored by the policy's query predicate: a consent is
   * active on a day when it was given on or before that day, the day is not after its last valid
   * day, and it has not been withdrawn (GDPR Art. 7(3): a withdrawal takes effect at once).
   *
   * @param givenOn the day it was given (Europe/Belgrade)
   * @param validUntil its last valid day, {@code null} for no end
   * @param withdrawn whether it was withdrawn
   * @param day the day asked about (Europe/Belgrade)
   * @return whether it is active on {@code day}
   */
  public static boolean isActive(
      LocalDate givenOn, LocalDate validUntil, boolean withdrawn, LocalDate day) {
    return !withdrawn && !givenOn.isAfter(day) && (validUntil == null || !day.isAfter(validUntil));
  }

  /**
   * Withdraws the consent (GDPR Art. 7(3)). It stays on record with who and when.
   *
   * @param by the user who records the withdrawal
   * @param at when (UTC)
   * @throws IllegalStateException if it was withdrawn already
   */
  public void withdraw(PortalUser by, Instant at) {
    if (withdrawnAt != null) {
      throw new IllegalStateException("consent already withdrawn");
    }
    this.withdrawnBy = Objects.requireNonNull(by, "by");
    this.withdrawnAt = Objects.requireNonNull(at, "at");
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
   * @return the recipient organisation
   */
  public Organisation getRecipient() {
    return recipient;
  }

  /**
   * @return the purpose
   */
  public Purpose getPurpose() {
    return purpose;
  }

  /**
   * @return the personal categories covered, unmodifiable
   */
  public Set<DataCategory> getCategories() {
    return Collections.unmodifiableSet(
        categories.isEmpty() ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(categories));
  }

  /**
   * @return the day given
   */
  public LocalDate getGivenOn() {
    return givenOn;
  }

  /**
   * @return the last valid day, or {@code null}
   */
  public LocalDate getValidUntil() {
    return validUntil;
  }

  /**
   * @return how it was given
   */
  public ConsentMethod getForm() {
    return form;
  }

  /**
   * @return the note, may be {@code null}
   */
  public String getNote() {
    return note;
  }

  /**
   * @return who recorded it
   */
  public PortalUser getRecordedBy() {
    return recordedBy;
  }

  /**
   * @return when it was recorded
   */
  public Instant getRecordedAt() {
    return recordedAt;
  }

  /**
   * @return when it was withdrawn, or {@code null}
   */
  public Instant getWithdrawnAt() {
    return withdrawnAt;
  }

  /**
   * @return who withdrew it, or {@code null}
   */
  public PortalUser getWithdrawnBy() {
    return withdrawnBy;
  }
}
