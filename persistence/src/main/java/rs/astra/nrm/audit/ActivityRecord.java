package rs.astra.nrm.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import rs.astra.nrm.consent.AccessAction;

/**
 * One act that concerns no single data subject, kept beside the per-person {@link AuditRecord}s: an
 * administrator's change to an organisation or a user, or the export of a list to a file (one
 * record per export, with the number of rows). Written once, never changed or deleted (every column
 * is {@code updatable = false}; on PostgreSQL a trigger refuses UPDATE, DELETE and TRUNCATE). Ids,
 * codes and counts only, no personal data: a user is named by her id, never by her name or e-mail.
 */
@Entity
@Table(name = "activity_record")
@NamedQuery(
    name = ActivityRecord.FIND_BY_USER_AND_KIND,
    query =
        "select a from ActivityRecord a where a.userId = :userId and a.kind = :kind order by a.at, a.id")
public class ActivityRecord {

  /** Named query: the records of one user ({@code userId}) and {@code kind}, oldest first. */
  public static final String FIND_BY_USER_AND_KIND = "ActivityRecord.findByUserAndKind";

  /** What was done. */
  public enum Kind {
    /** An organisation was created; subject = its id, detail = its type. */
    ORGANISATION_CREATED,
    /** An organisation was renamed; subject = its id. */
    ORGANISATION_RENAMED,
    /** An organisation's type changed; subject = its id, detail = old → new type. */
    ORGANISATION_TYPE_CHANGED,
    /** An organisation was deactivated; subject = its id. */
    ORGANISATION_DEACTIVATED,
    /** A user was created; subject = her id, detail = role and organisation id. */
    USER_CREATED,
    /** A user's role changed; subject = her id, detail = old → new role. */
    USER_ROLE_CHANGED,
    /** A user was deactivated; subject = her id. */
    USER_DEACTIVATED,
    /** A deactivated organisation was reactivated; subject = its id. */
    ORGANISATION_REACTIVATED,
    /** A deactivated user was reactivated; subject = her id. */
    USER_REACTIVATED,
    /** An administrator set a new password for a user; subject = her id (never the password). */
    USER_PASSWORD_SET,
    /** A hotline call's record was corrected; subject = the call's id (never what it says). */
    HOTLINE_CALL_CORRECTED,
    /** A list was exported to a file; detail = the list and the format, rows = how many rows. */
    LIST_EXPORTED,
    /** A user's form login was locked after repeated wrong passwords; user and subject = her id. */
    LOGIN_LOCKED,
    /** An administrator lifted a user's login lock; subject = the user's id. */
    LOGIN_UNLOCKED,
    /**
     * An access report (GDPR Art. 15) was prepared, by the owner's staff or its data protection
     * officer; subject = the case's id.
     */
    ACCESS_REPORT_PREPARED,
    /**
     * An administrator verified the sealed audit trail; detail = the outcome ({@code intact} or
     * {@code broken} with the first day and the problem), rows = how many days were checked.
     */
    AUDIT_SEAL_VERIFIED,
    /**
     * A data protection officer approved an emergency access asked for beyond the daily limit;
     * subject = the request's id, detail = the case's id and the category.
     */
    EMERGENCY_REQUEST_APPROVED,
    /** A data protection officer rejected such a request; subject and detail as for approval. */
    EMERGENCY_REQUEST_REJECTED,
    /**
     * An administrator asked for a grant that needs a second administrator (four eyes): a new
     * user's role, another role or a new password; subject = the user's id, detail = the kind, role
     * names and the organisation's id.
     */
    ROLE_GRANT_REQUESTED,
    /**
     * A second administrator approved a grant and it was carried out; subject and detail as
     * requested.
     */
    ROLE_GRANT_APPROVED,
    /**
     * A second administrator rejected a grant; nothing changed; subject and detail as requested.
     */
    ROLE_GRANT_REJECTED,
    /**
     * The administrator who asked withdrew a grant, or a newer request for the same user replaced
     * it; nothing changed; subject and detail as requested.
     */
    ROLE_GRANT_CANCELLED,
    /**
     * A coordinator of the owning organisation reviewed an emergency access (issue 18); subject =
     * the access's id, detail = {@code JUSTIFIED} or {@code NOT_JUSTIFIED} (the note stays on the
     * access).
     */
    EMERGENCY_ACCESS_REVIEWED
  }

  @Id
  @SequenceGenerator(
      name = "activity_record_seq",
      sequenceName = "activity_record_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "activity_record_seq")
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant at;

  @Column(name = "user_id", nullable = false, updatable = false)
  private long userId;

  @Column(nullable = false, length = 80, updatable = false)
  private String username;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40, updatable = false)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(length = 20, updatable = false)
  private AccessAction action;

  @Column(name = "subject_id", updatable = false)
  private Long subjectId;

  @Column(length = 200, updatable = false)
  private String detail;

  @Column(name = "row_count", updatable = false)
  private Integer rows;

  @Column(name = "request_id", nullable = false, length = 40, updatable = false)
  private String requestId;

  /** For JPA only. */
  protected ActivityRecord() {}

  /**
   * Records one act.
   *
   * @param at when (UTC)
   * @param userId who acted
   * @param username her login name (kept so that the record outlives renames)
   * @param organisationId her organisation
   * @param kind what she did
   * @param action the access action, e.g. {@link AccessAction#EXPORT} for an export; {@code null}
   *     for an administrator's change
   * @param subjectId the organisation or user acted on, or {@code null}
   * @param detail codes only (types, roles, list and file format), at most 200 characters, or
   *     {@code null}; never personal data
   * @param rows number of rows exported, or {@code null}
   * @param requestId the id of the request it happened in
   * @throws NullPointerException if {@code at}, {@code username}, {@code kind} or {@code requestId}
   *     is {@code null}
   * @throws IllegalArgumentException if the detail is longer than 200 characters
   */
  public ActivityRecord(
      Instant at,
      long userId,
      String username,
      long organisationId,
      Kind kind,
      AccessAction action,
      Long subjectId,
      String detail,
      Integer rows,
      String requestId) {
    if (detail != null && detail.length() > 200) {
      throw new IllegalArgumentException("detail longer than 200 characters");
    }
    this.at = Objects.requireNonNull(at, "at");
    this.userId = userId;
    this.username = Objects.requireNonNull(username, "username");
    this.organisationId = organisationId;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.action = action;
    this.subjectId = subjectId;
    this.detail = detail;
    this.rows = rows;
    this.requestId = Objects.requireNonNull(requestId, "requestId");
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return when (UTC)
   */
  public Instant getAt() {
    return at;
  }

  /**
   * @return who acted
   */
  public long getUserId() {
    return userId;
  }

  /**
   * @return her login name
   */
  public String getUsername() {
    return username;
  }

  /**
   * @return her organisation
   */
  public long getOrganisationId() {
    return organisationId;
  }

  /**
   * @return what she did
   */
  public Kind getKind() {
    return kind;
  }

  /**
   * @return the access action, or {@code null}
   */
  public AccessAction getAction() {
    return action;
  }

  /**
   * @return the organisation or user acted on, or {@code null}
   */
  public Long getSubjectId() {
    return subjectId;
  }

  /**
   * @return the detail (codes only), or {@code null}
   */
  public String getDetail() {
    return detail;
  }

  /**
   * @return the number of rows exported, or {@code null}
   */
  public Integer getRows() {
    return rows;
  }

  /**
   * @return the request id
   */
  public String getRequestId() {
    return requestId;
  }
}
