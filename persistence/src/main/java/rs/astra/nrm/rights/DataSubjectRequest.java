package rs.astra.nrm.rights;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One request of a data subject in her organisation's register (issue 21), with its legal deadline.
 *
 * <p>The rule (GDPR Art. 12(3); Serbia's Law on Personal Data Protection, Sl. glasnik RS 87/2018,
 * art. 21(3)): the answer is due {@value #DAYS_TO_ANSWER} calendar days after the day the request
 * was received (days in Europe/Belgrade); the deadline may be extended once, by at most {@value
 * #MAX_EXTENSION_DAYS} days, with the reason recorded (the person is told of the extension and its
 * reason within the first deadline), and only while the first deadline has not passed. A request is
 * answered or refused once; a refusal needs its reason (Art. 12(4)).
 *
 * <p>Holds no personal data beyond the case link and the free-text notes; the users are kept by id.
 */
@Entity
@Table(name = "data_subject_request")
public class DataSubjectRequest {

  /** Days after the day of receipt the answer is due (ZZPL art. 21(3); GDPR: one month). */
  public static final int DAYS_TO_ANSWER = 30;

  /** The longest extension, in days (ZZPL art. 21(3); GDPR: two further months). */
  public static final int MAX_EXTENSION_DAYS = 60;

  /** How many days before the due date an open request is "due soon" (home page, notice). */
  public static final int DUE_SOON_DAYS = 7;

  /** The longest free text, in characters. */
  public static final int MAX_TEXT = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dsrSeq")
  @SequenceGenerator(
      name = "dsrSeq",
      sequenceName = "data_subject_request_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "organisation_id", nullable = false)
  private long organisationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private RequestKind kind;

  @Column(name = "case_file_id", nullable = false)
  private long caseId;

  @Column(name = "case_code", nullable = false, length = 40)
  private String caseCode;

  @Column(name = "received_on", nullable = false)
  private LocalDate receivedOn;

  @Enumerated(EnumType.STRING)
  @Column(name = "identity_verification", nullable = false, length = 40)
  private IdentityVerification identityVerification;

  @Column(length = MAX_TEXT)
  private String note;

  @Column(name = "due_on", nullable = false)
  private LocalDate dueOn;

  @Column(name = "extension_days")
  private Integer extensionDays;

  @Column(name = "extension_reason", length = MAX_TEXT)
  private String extensionReason;

  @Column(name = "extended_by")
  private Long extendedBy;

  @Column(name = "extended_at")
  private Instant extendedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private RequestStatus status;

  @Column(name = "registered_by", nullable = false)
  private long registeredBy;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  @Column(name = "started_by")
  private Long startedBy;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(length = MAX_TEXT)
  private String outcome;

  @Column(length = MAX_TEXT)
  private String answer;

  @Column(name = "closed_by")
  private Long closedBy;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "due_notice_at")
  private Instant dueNoticeAt;

  /** For JPA. */
  protected DataSubjectRequest() {}

  /**
   * Registers a request received on a day; its answer is due {@value #DAYS_TO_ANSWER} days later.
   *
   * @param organisationId the organisation whose register it is (the controller)
   * @param kind what the person asks for
   * @param caseId the case it concerns
   * @param caseCode that case's code
   * @param receivedOn the day it was received (Europe/Belgrade); not after {@code today}
   * @param identityVerification how her identity was verified
   * @param note a free-text note, or {@code null} (no names: the form says so)
   * @param registeredBy the user who registers it (id)
   * @param registeredAt when (UTC)
   * @param today today (Europe/Belgrade)
   * @throws RequestRuleException {@code dsr.error.receivedInFuture} for a day after today, {@code
   *     dsr.error.tooLong} for a note over {@value #MAX_TEXT} characters
   * @throws NullPointerException for a missing kind, code, day, verification or instant
   */
  public DataSubjectRequest(
      long organisationId,
      RequestKind kind,
      long caseId,
      String caseCode,
      LocalDate receivedOn,
      IdentityVerification identityVerification,
      String note,
      long registeredBy,
      Instant registeredAt,
      LocalDate today) {
    this.organisationId = organisationId;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.caseId = caseId;
    this.caseCode = Objects.requireNonNull(caseCode, "caseCode");
    this.receivedOn = Objects.requireNonNull(receivedOn, "receivedOn");
    if (receivedOn.isAfter(today)) {
      throw new RequestRuleException("dsr.error.receivedInFuture");
    }
    this.identityVerification = Objects.requireNonNull(identityVerification, "verification");
    this.note = optionalText(note);
    this.registeredBy = registeredBy;
    this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
    this.dueOn = firstDueDate(receivedOn);
    this.status = RequestStatus.RECEIVED;
  }

  /**
   * The first due date of a request.
   *
   * @param receivedOn the day it was received (Europe/Belgrade)
   * @return that day plus {@value #DAYS_TO_ANSWER} calendar days
   */
  public static LocalDate firstDueDate(LocalDate receivedOn) {
    return receivedOn.plusDays(DAYS_TO_ANSWER);
  }

  /**
   * Starts work on a received request.
   *
   * @param by the user (id)
   * @param at when (UTC)
   * @throws RequestRuleException {@code dsr.error.notReceived} unless it is {@code RECEIVED}
   */
  public void startWork(long by, Instant at) {
    if (status != RequestStatus.RECEIVED) {
      throw new RequestRuleException("dsr.error.notReceived");
    }
    status = RequestStatus.IN_PROGRESS;
    startedBy = by;
    startedAt = Objects.requireNonNull(at, "at");
  }

  /**
   * Extends the deadline once (ZZPL art. 21(3); GDPR Art. 12(3)).
   *
   * @param days by how many calendar days, 1 to {@value #MAX_EXTENSION_DAYS}
   * @param reason why (required; the person is told of it)
   * @param today today (Europe/Belgrade): the extension is allowed up to and including the due date
   * @param by the user (id)
   * @param at when (UTC)
   * @throws RequestRuleException {@code dsr.error.closed} for an answered or refused request,
   *     {@code dsr.error.alreadyExtended} for a second extension, {@code dsr.error.extensionDays}
   *     outside 1–60 days, {@code dsr.error.reasonRequired} without a reason, {@code
   *     dsr.error.pastDue} once the due date has passed, {@code dsr.error.tooLong}
   */
  public void extend(int days, String reason, LocalDate today, long by, Instant at) {
    requireOpen();
    if (extensionDays != null) {
      throw new RequestRuleException("dsr.error.alreadyExtended");
    }
    if (days < 1 || days > MAX_EXTENSION_DAYS) {
      throw new RequestRuleException("dsr.error.extensionDays");
    }
    String why = requiredText(reason);
    if (today.isAfter(dueOn)) {
      throw new RequestRuleException("dsr.error.pastDue");
    }
    extensionDays = days;
    extensionReason = why;
    extendedBy = by;
    extendedAt = Objects.requireNonNull(at, "at");
    dueOn = dueOn.plusDays(days);
    // The new deadline is told of again when it comes near.
    dueNoticeAt = null;
  }

  /**
   * Records the answer given.
   *
   * @param outcome what was done (e.g. "copy of the data sent", "data corrected"), required
   * @param answer the answer given to the person, required
   * @param by the user (id)
   * @param at when (UTC)
   * @throws RequestRuleException {@code dsr.error.closed} when already answered or refused, {@code
   *     dsr.error.outcomeRequired} without outcome or answer, {@code dsr.error.tooLong}
   */
  public void answer(String outcome, String answer, long by, Instant at) {
    requireOpen();
    if (outcome == null || outcome.isBlank() || answer == null || answer.isBlank()) {
      throw new RequestRuleException("dsr.error.outcomeRequired");
    }
    this.outcome = requiredText(outcome);
    this.answer = requiredText(answer);
    close(RequestStatus.ANSWERED, by, at);
  }

  /**
   * Refuses the request (GDPR Art. 12(4)–(5): the person is told why and of her right to complain
   * to the Commissioner and to a court).
   *
   * @param reason the reason given to the person, required
   * @param by the user (id)
   * @param at when (UTC)
   * @throws RequestRuleException {@code dsr.error.closed} when already answered or refused, {@code
   *     dsr.error.reasonRequired} without a reason, {@code dsr.error.tooLong}
   */
  public void refuse(String reason, long by, Instant at) {
    requireOpen();
    this.answer = requiredText(reason);
    this.outcome = null;
    close(RequestStatus.REFUSED, by, at);
  }

  /**
   * Whether the request is open and due within {@value #DUE_SOON_DAYS} days (or overdue).
   *
   * @param today today (Europe/Belgrade)
   * @return {@code true} when it waits for its answer and {@code dueOn <= today + 7}
   */
  public boolean isDueSoon(LocalDate today) {
    return status.isOpen() && !dueOn.isAfter(today.plusDays(DUE_SOON_DAYS));
  }

  /**
   * Whether the extension is still possible.
   *
   * @param today today (Europe/Belgrade)
   * @return {@code true} for an open request not extended yet whose due date has not passed
   */
  public boolean mayExtend(LocalDate today) {
    return status.isOpen() && extensionDays == null && !today.isAfter(dueOn);
  }

  /**
   * Notes that the "due soon" notice was written (once per due date; an extension clears it).
   *
   * @param at when (UTC)
   */
  public void dueNoticeWritten(Instant at) {
    dueNoticeAt = Objects.requireNonNull(at, "at");
  }

  private void close(RequestStatus to, long by, Instant at) {
    status = to;
    closedBy = by;
    closedAt = Objects.requireNonNull(at, "at");
  }

  private void requireOpen() {
    if (!status.isOpen()) {
      throw new RequestRuleException("dsr.error.closed");
    }
  }

  private static String requiredText(String text) {
    String t = optionalText(text);
    if (t == null) {
      throw new RequestRuleException("dsr.error.reasonRequired");
    }
    return t;
  }

  private static String optionalText(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (t.length() > MAX_TEXT) {
      throw new RequestRuleException("dsr.error.tooLong");
    }
    return t;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public long getOrganisationId() {
    return organisationId;
  }

  public RequestKind getKind() {
    return kind;
  }

  public long getCaseId() {
    return caseId;
  }

  public String getCaseCode() {
    return caseCode;
  }

  public LocalDate getReceivedOn() {
    return receivedOn;
  }

  public IdentityVerification getIdentityVerification() {
    return identityVerification;
  }

  public String getNote() {
    return note;
  }

  public LocalDate getDueOn() {
    return dueOn;
  }

  public Integer getExtensionDays() {
    return extensionDays;
  }

  public String getExtensionReason() {
    return extensionReason;
  }

  public Long getExtendedBy() {
    return extendedBy;
  }

  public Instant getExtendedAt() {
    return extendedAt;
  }

  public RequestStatus getStatus() {
    return status;
  }

  public long getRegisteredBy() {
    return registeredBy;
  }

  public Instant getRegisteredAt() {
    return registeredAt;
  }

  public Long getStartedBy() {
    return startedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public String getOutcome() {
    return outcome;
  }

  public String getAnswer() {
    return answer;
  }

  public Long getClosedBy() {
    return closedBy;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public Instant getDueNoticeAt() {
    return dueNoticeAt;
  }
}
