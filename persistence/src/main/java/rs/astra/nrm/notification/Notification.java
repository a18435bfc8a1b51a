package rs.astra.nrm.notification;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import rs.astra.nrm.organisation.PortalUser;

/**
 * One notification to one user, and the outbox row of its e-mail (issue 18). Written in the
 * transaction of the change that causes it. Holds no personal data of a victim: the kind, the case
 * code and id, and the name of the other organisation involved.
 *
 * <p>E-mail delivery: {@link MailState#PENDING} rows are taken by the sender when {@link
 * #getNextAttemptAt()} has come; a failure waits {@link #backoff(int)} and after {@link
 * #MAX_ATTEMPTS} attempts the row is {@link MailState#FAILED} with a reason of at most 200
 * characters (an SMTP code or exception class, never the message).
 */
@Entity
@Table(name = "notification")
public class Notification {

  /** Attempts before an e-mail is given up. */
  public static final int MAX_ATTEMPTS = 8;

  /** The hour (Europe/Belgrade) of the daily digest. */
  public static final int DIGEST_HOUR = 7;

  @Id
  @SequenceGenerator(
      name = "notification_seq",
      sequenceName = "notification_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "recipient_user_id", nullable = false, updatable = false)
  private PortalUser recipient;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40, updatable = false)
  private NotificationKind kind;

  @Column(name = "case_file_id", updatable = false)
  private Long caseFileId;

  @Column(name = "case_code", length = 40, updatable = false)
  private String caseCode;

  @Column(name = "organisation_name", length = 200, updatable = false)
  private String organisationName;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "read_at")
  private Instant readAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "mail_state", nullable = false, length = 20)
  private MailState mailState;

  @Column(name = "mail_attempts", nullable = false)
  private int mailAttempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "mail_sent_at")
  private Instant mailSentAt;

  @Column(name = "mail_error", length = 200)
  private String mailError;

  /** For JPA only. */
  protected Notification() {}

  /**
   * A new notification whose e-mail goes at once.
   *
   * @param recipient who is told; with an e-mail address the e-mail is {@link MailState#PENDING} at
   *     once, otherwise {@link MailState#NONE}
   * @param kind what happened
   * @param caseFileId the case, or {@code null}
   * @param caseCode its code (no personal data), or {@code null}
   * @param organisationName the other organisation involved, or {@code null}
   * @param at when (UTC)
   */
  public Notification(
      PortalUser recipient,
      NotificationKind kind,
      Long caseFileId,
      String caseCode,
      String organisationName,
      Instant at) {
    this(recipient, kind, caseFileId, caseCode, organisationName, at, NotificationDelivery.AT_ONCE);
  }

  /**
   * A new notification, its e-mail as the recipient chose for its kind.
   *
   * @param recipient who is told; without an e-mail address the notification is in the portal only
   *     ({@link MailState#NONE}) whatever she chose
   * @param kind what happened
   * @param caseFileId the case, or {@code null}
   * @param caseCode its code (no personal data), or {@code null}
   * @param organisationName the other organisation involved, or {@code null}
   * @param at when (UTC)
   * @param delivery her choice for the kind: {@link MailState#PENDING} due at once, {@link
   *     MailState#DIGEST} due at the next digest hour ({@link #nextDigest}), or {@link
   *     MailState#NONE}
   */
  public Notification(
      PortalUser recipient,
      NotificationKind kind,
      Long caseFileId,
      String caseCode,
      String organisationName,
      Instant at,
      NotificationDelivery delivery) {
    this.recipient = Objects.requireNonNull(recipient, "recipient");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.caseFileId = caseFileId;
    this.caseCode = caseCode;
    this.organisationName = organisationName;
    this.createdAt = Objects.requireNonNull(at, "at");
    boolean mail = recipient.getEmail() != null && !recipient.getEmail().isBlank();
    if (!mail || delivery == NotificationDelivery.PORTAL_ONLY) {
      this.mailState = MailState.NONE;
      this.nextAttemptAt = null;
    } else if (delivery == NotificationDelivery.DAILY_DIGEST) {
      this.mailState = MailState.DIGEST;
      this.nextAttemptAt = nextDigest(at);
    } else {
      this.mailState = MailState.PENDING;
      this.nextAttemptAt = at;
    }
  }

  /**
   * When the digest that carries a notification made at an instant is due: the next {@value
   * #DIGEST_HOUR}:00 in Europe/Belgrade strictly after it (summer time included).
   *
   * @param at when the notification was made (UTC)
   * @return the digest's instant (UTC)
   */
  public static Instant nextDigest(Instant at) {
    java.time.ZonedDateTime local = at.atZone(rs.astra.nrm.shared.NrmTime.ZONE);
    java.time.ZonedDateTime digest =
        local.toLocalDate().atTime(DIGEST_HOUR, 0).atZone(rs.astra.nrm.shared.NrmTime.ZONE);
    if (!digest.toInstant().isAfter(at)) {
      digest =
          local
              .toLocalDate()
              .plusDays(1)
              .atTime(DIGEST_HOUR, 0)
              .atZone(rs.astra.nrm.shared.NrmTime.ZONE);
    }
    return digest.toInstant();
  }

  /**
   * The wait after a failed attempt: 30 s doubled per attempt, at most an hour.
   *
   * @param attempts attempts made so far, 1 or more
   * @return the wait before the next attempt
   */
  public static Duration backoff(int attempts) {
    long seconds = 30L << Math.min(Math.max(attempts - 1, 0), 7);
    return Duration.ofSeconds(Math.min(seconds, 3600));
  }

  /**
   * The e-mail was sent.
   *
   * @param at when (UTC)
   */
  public void mailSent(Instant at) {
    mailAttempts++;
    mailState = MailState.SENT;
    mailSentAt = at;
    nextAttemptAt = null;
    mailError = null;
  }

  /**
   * An attempt failed: the e-mail waits {@link #backoff(int)}, or is given up after {@link
   * #MAX_ATTEMPTS}.
   *
   * @param at when (UTC)
   * @param reason the reason without message content (cut to 200 characters)
   */
  public void mailFailed(Instant at, String reason) {
    mailAttempts++;
    mailError = reason == null ? null : reason.substring(0, Math.min(200, reason.length()));
    if (mailAttempts >= MAX_ATTEMPTS) {
      mailState = MailState.FAILED;
      nextAttemptAt = null;
    } else {
      nextAttemptAt = at.plus(backoff(mailAttempts));
    }
  }

  /**
   * The recipient has read it.
   *
   * @param at when (UTC); kept from the first reading
   */
  public void markRead(Instant at) {
    if (readAt == null) {
      readAt = at;
    }
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the recipient
   */
  public PortalUser getRecipient() {
    return recipient;
  }

  /**
   * @return the kind
   */
  public NotificationKind getKind() {
    return kind;
  }

  /**
   * @return the case id, or {@code null}
   */
  public Long getCaseFileId() {
    return caseFileId;
  }

  /**
   * @return the case code, or {@code null}
   */
  public String getCaseCode() {
    return caseCode;
  }

  /**
   * @return the other organisation's name, or {@code null}
   */
  public String getOrganisationName() {
    return organisationName;
  }

  /**
   * @return when it was created (UTC)
   */
  public Instant getCreatedAt() {
    return createdAt;
  }

  /**
   * @return when it was read (UTC), or {@code null}
   */
  public Instant getReadAt() {
    return readAt;
  }

  /**
   * @return the e-mail's state
   */
  public MailState getMailState() {
    return mailState;
  }

  /**
   * @return attempts made to send the e-mail
   */
  public int getMailAttempts() {
    return mailAttempts;
  }

  /**
   * @return when the e-mail is due next (UTC), or {@code null}
   */
  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  /**
   * @return when the e-mail was sent (UTC), or {@code null}
   */
  public Instant getMailSentAt() {
    return mailSentAt;
  }

  /**
   * @return the last failure's reason, or {@code null}
   */
  public String getMailError() {
    return mailError;
  }
}
