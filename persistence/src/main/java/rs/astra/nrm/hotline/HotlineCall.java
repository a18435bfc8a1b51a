package rs.astra.nrm.hotline;

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
import java.time.ZonedDateTime;
import java.util.Objects;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.shared.NrmTime;

/**
 * One call to the NGO's SOS hotline, as the staff member who took it recorded it. It belongs to her
 * organisation (the tenant). Calls are anonymous unless the caller agrees otherwise: no field about
 * the caller is required, and a way to reach the caller is kept only with the caller's agreement. A
 * call may be linked to a case (one the call opened, or an existing one).
 */
@Entity
@Table(name = "hotline_call")
public class HotlineCall {

  /** Longest call recorded, in minutes. */
  public static final int MAX_DURATION_MINUTES = 600;

  @Id
  @SequenceGenerator(
      name = "hotline_call_seq",
      sequenceName = "hotline_call_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hotline_call_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
  private Organisation organisation;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "taken_by_id", nullable = false, updatable = false)
  private PortalUser takenBy;

  @Column(name = "called_at", nullable = false)
  private Instant calledAt;

  @Column(name = "call_year", nullable = false)
  private int callYear;

  @Column(name = "call_month", nullable = false)
  private int callMonth;

  @Column(name = "duration_minutes")
  private Integer durationMinutes;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private CallChannel channel;

  @Enumerated(EnumType.STRING)
  @Column(name = "caller_type", nullable = false, length = 30)
  private CallerType callerType;

  @Enumerated(EnumType.STRING)
  @Column(length = 30)
  private CallLanguage language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private CallPurpose purpose;

  @Column(length = 4000)
  private String summary;

  @Column(name = "outcome", length = 2000)
  private String callOutcome;

  @Column(name = "follow_up_on")
  private LocalDate followUpOn;

  @Column(name = "followed_up_at")
  private Instant followedUpAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "case_file_id")
  private CaseFile caseFile;

  @Column(name = "caller_alias", length = 100)
  private String callerAlias;

  @Column(name = "caller_contact", length = 255)
  private String callerContact;

  @Column(name = "caller_agreed", nullable = false)
  private boolean callerAgreed;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  /** For JPA only. */
  protected HotlineCall() {}

  /**
   * Records a call.
   *
   * @param takenBy the staff member who took it; her organisation owns the record
   * @param calledAt when the call began (UTC); its month and year in {@link NrmTime#ZONE}
   *     (Europe/Belgrade) count it in the statistics
   * @param channel how it came
   * @param callerType who called
   * @param purpose why
   * @param recordedAt when it is recorded (UTC)
   * @throws NullPointerException if an argument is {@code null}
   */
  public HotlineCall(
      PortalUser takenBy,
      Instant calledAt,
      CallChannel channel,
      CallerType callerType,
      CallPurpose purpose,
      Instant recordedAt) {
    this.takenBy = Objects.requireNonNull(takenBy, "takenBy");
    this.organisation = takenBy.getOrganisation();
    this.calledAt = Objects.requireNonNull(calledAt, "calledAt");
    ZonedDateTime local = calledAt.atZone(NrmTime.ZONE);
    this.callYear = local.getYear();
    this.callMonth = local.getMonthValue();
    this.channel = Objects.requireNonNull(channel, "channel");
    this.callerType = Objects.requireNonNull(callerType, "callerType");
    this.purpose = Objects.requireNonNull(purpose, "purpose");
    this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
  }

  /**
   * Describes the call; every argument may be {@code null}.
   *
   * @param durationMinutes length in minutes, 0–600
   * @param language the language spoken
   * @param summary what was said, up to 4000 characters
   * @param outcome what was done or advised, up to 2000 characters
   * @param followUpOn the day someone should call back or follow up (Europe/Belgrade)
   * @throws IllegalArgumentException for a duration out of range or a text too long
   */
  public void describe(
      Integer durationMinutes,
      CallLanguage language,
      String summary,
      String outcome,
      LocalDate followUpOn) {
    if (durationMinutes != null
        && (durationMinutes < 0 || durationMinutes > MAX_DURATION_MINUTES)) {
      throw new IllegalArgumentException(
          "duration must be 0 to " + MAX_DURATION_MINUTES + " minutes");
    }
    if ((summary != null && summary.length() > 4000)
        || (outcome != null && outcome.length() > 2000)) {
      throw new IllegalArgumentException("text too long");
    }
    this.durationMinutes = durationMinutes;
    this.language = language;
    this.summary = summary;
    this.callOutcome = outcome;
    this.followUpOn = followUpOn;
  }

  /**
   * Corrects how the call was classified (a mistake made while taking it).
   *
   * @param newChannel how it came
   * @param newCallerType who called
   * @param newPurpose why
   * @throws NullPointerException if one of them is {@code null}
   */
  public void reclassify(CallChannel newChannel, CallerType newCallerType, CallPurpose newPurpose) {
    this.channel = Objects.requireNonNull(newChannel, "channel");
    this.callerType = Objects.requireNonNull(newCallerType, "callerType");
    this.purpose = Objects.requireNonNull(newPurpose, "purpose");
  }

  /**
   * Records what the caller agreed to leave: an alias (a first name, nickname or code she gave, so
   * that several staff members can follow her history) and, only with her agreement, a way to reach
   * her.
   *
   * @param alias up to 100 characters, may be {@code null}
   * @param contact phone or e-mail, up to 255 characters, may be {@code null}
   * @param agreed whether the caller agreed that her contact is kept
   * @throws IllegalArgumentException if a contact is given without agreement, or a text is too long
   */
  public void identifyCaller(String alias, String contact, boolean agreed) {
    if (contact != null && !agreed) {
      throw new IllegalArgumentException("a caller's contact is kept only with her agreement");
    }
    if ((alias != null && alias.length() > 100) || (contact != null && contact.length() > 255)) {
      throw new IllegalArgumentException("text too long");
    }
    this.callerAlias = alias;
    this.callerContact = contact;
    this.callerAgreed = agreed;
  }

  /**
   * Records that the follow-up was done: the call leaves the list of follow-ups due, and its
   * follow-up day stays on record.
   *
   * @param at when (UTC)
   * @throws IllegalStateException if the call has no follow-up day or was followed up already
   */
  public void markFollowedUp(Instant at) {
    if (followUpOn == null || followedUpAt != null) {
      throw new IllegalStateException("no follow-up due");
    }
    followedUpAt = Objects.requireNonNull(at, "at");
  }

  /**
   * Links the call to a case.
   *
   * @param c the case
   * @throws IllegalStateException if the call is linked to another case already
   */
  public void linkTo(CaseFile c) {
    Objects.requireNonNull(c, "case");
    if (caseFile != null && !caseFile.getId().equals(c.getId())) {
      throw new IllegalStateException("call already linked to another case");
    }
    this.caseFile = c;
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
   * @return the organisation that keeps the hotline (owner of the record)
   */
  public Organisation getOrganisation() {
    return organisation;
  }

  /**
   * @return who took the call
   */
  public PortalUser getTakenBy() {
    return takenBy;
  }

  /**
   * @return when the call began (UTC)
   */
  public Instant getCalledAt() {
    return calledAt;
  }

  /**
   * @return the Europe/Belgrade year of the call
   */
  public int getCallYear() {
    return callYear;
  }

  /**
   * @return the Europe/Belgrade month of the call, 1–12
   */
  public int getCallMonth() {
    return callMonth;
  }

  /**
   * @return the length in minutes, or {@code null}
   */
  public Integer getDurationMinutes() {
    return durationMinutes;
  }

  /**
   * @return the channel
   */
  public CallChannel getChannel() {
    return channel;
  }

  /**
   * @return who called
   */
  public CallerType getCallerType() {
    return callerType;
  }

  /**
   * @return the language, or {@code null}
   */
  public CallLanguage getLanguage() {
    return language;
  }

  /**
   * @return why the caller called
   */
  public CallPurpose getPurpose() {
    return purpose;
  }

  /**
   * @return the summary, or {@code null}
   */
  public String getSummary() {
    return summary;
  }

  /**
   * @return what was done or advised, or {@code null}
   */
  public String getCallOutcome() {
    return callOutcome;
  }

  /**
   * @return the follow-up day, or {@code null}
   */
  public LocalDate getFollowUpOn() {
    return followUpOn;
  }

  /**
   * @return when the follow-up was done (UTC), or {@code null}
   */
  public Instant getFollowedUpAt() {
    return followedUpAt;
  }

  /**
   * @return the linked case, or {@code null}
   */
  public CaseFile getCaseFile() {
    return caseFile;
  }

  /**
   * @return the caller's alias, or {@code null}
   */
  public String getCallerAlias() {
    return callerAlias;
  }

  /**
   * @return the caller's contact (kept only with her agreement), or {@code null}
   */
  public String getCallerContact() {
    return callerContact;
  }

  /**
   * @return whether the caller agreed that her contact is kept
   */
  public boolean isCallerAgreed() {
    return callerAgreed;
  }

  /**
   * @return when the call was recorded (UTC)
   */
  public Instant getRecordedAt() {
    return recordedAt;
  }
}
