package rs.astra.nrm.casefile;

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

/**
 * One event on a case's timeline (hronologija): a stage change, a referral step, a consent given or
 * withdrawn, an emergency access, with who and when. Written once, never changed. The detail holds
 * codes and organisation names, never the data subject's personal data.
 */
@Entity
@Table(name = "case_event")
@NamedQuery(
    name = CaseEvent.FIND_BY_CASE,
    query = "select e from CaseEvent e where e.caseFileId = :caseId order by e.at, e.id")
public class CaseEvent {

  /** Named query: the events of a case ({@code caseId}), oldest first. */
  public static final String FIND_BY_CASE = "CaseEvent.findByCase";

  /** What happened. */
  public enum Type {
    /** The case was opened in the portal. */
    CASE_OPENED,
    /** The case moved to another NRM stage (detail: from → to). */
    STAGE_CHANGED,
    /** Formal identification was decided (detail: the outcome and the deciding organisation). */
    IDENTIFICATION_DECIDED,
    /** Closure was requested (detail: the reason). */
    CLOSURE_REQUESTED,
    /** A referral was sent (detail: recipient and purpose). */
    REFERRAL_SENT,
    /** A referral was accepted. */
    REFERRAL_ACCEPTED,
    /** A referral was rejected. */
    REFERRAL_REJECTED,
    /** A referral was completed. */
    REFERRAL_COMPLETED,
    /** A referral was revoked. */
    REFERRAL_REVOKED,
    /** A transfer of the case was proposed (detail: from → to organisation). */
    TRANSFER_PROPOSED,
    /** The receiving organisation accepted the transfer and owns the case (detail: from → to). */
    TRANSFER_ACCEPTED,
    /** The receiving organisation declined the transfer (detail: from → to). */
    TRANSFER_DECLINED,
    /** The owner withdrew the proposed transfer (detail: from → to). */
    TRANSFER_WITHDRAWN,
    /**
     * Two cases of one person were merged (issue 19; detail: the other case's code, on the
     * survivor's timeline and the absorbed case's).
     */
    CASE_MERGED,
    /** A merge was undone (detail: the other case's code, on both timelines). */
    MERGE_UNDONE,
    /** A consent was recorded (detail: recipient, purpose, categories). */
    CONSENT_GIVEN,
    /** A consent was withdrawn. */
    CONSENT_WITHDRAWN,
    /** Emergency access was opened (detail: category). */
    EMERGENCY_ACCESS,
    /** A step of the criminal proceedings was recorded (detail: the kind of step). */
    PROCEEDINGS_RECORDED,
    // --- support plan (category SOCIAL or HEALTH, see getCategory) ---
    /** A service was put on the support plan (detail: service type and status). */
    SERVICE_ADDED,
    /** A service's status changed (detail: service type, old → new status). */
    SERVICE_STATUS_CHANGED,
    /** The safety plan was drawn up or revised. */
    SAFETY_PLAN_UPDATED,
    /** A centre for social work recorded an assessment. */
    ASSESSMENT_RECORDED,
    /** A health institution recorded a treatment. */
    TREATMENT_RECORDED,
    /**
     * A document was uploaded (issue 17; detail: its title; category: the document's, so the event
     * is shown only to those who may read it).
     */
    DOCUMENT_UPLOADED,
    /**
     * Processing of the case was restricted (issue 21, GDPR Art. 18; no detail: the reason stays).
     */
    CASE_RESTRICTED,
    /** The restriction of processing was lifted (issue 21; no detail). */
    RESTRICTION_LIFTED
  }

  @Id
  @SequenceGenerator(name = "case_event_seq", sequenceName = "case_event_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_event_seq")
  private Long id;

  @Column(name = "case_file_id", nullable = false, updatable = false)
  private long caseFileId;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant at;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40, updatable = false)
  private Type type;

  @Column(name = "user_display_name", nullable = false, length = 200, updatable = false)
  private String userDisplayName;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Column(name = "organisation_name", nullable = false, length = 200, updatable = false)
  private String organisationName;

  @Column(length = 4000, updatable = false)
  private String detail;

  @Enumerated(EnumType.STRING)
  @Column(name = "data_category", length = 40, updatable = false)
  private DataCategory category;

  /** For JPA only. */
  protected CaseEvent() {}

  /**
   * Records an event.
   *
   * @param caseFileId the case
   * @param at when (UTC)
   * @param type what happened
   * @param userDisplayName who did it
   * @param organisationId her organisation
   * @param organisationName its name
   * @param detail codes and names that say more, no personal data of the victim; may be {@code
   *     null}
   */
  public CaseEvent(
      long caseFileId,
      Instant at,
      Type type,
      String userDisplayName,
      long organisationId,
      String organisationName,
      String detail) {
    this.caseFileId = caseFileId;
    this.at = Objects.requireNonNull(at, "at");
    this.type = Objects.requireNonNull(type, "type");
    this.userDisplayName = Objects.requireNonNull(userDisplayName, "userDisplayName");
    this.organisationId = organisationId;
    this.organisationName = Objects.requireNonNull(organisationName, "organisationName");
    this.detail = detail;
  }

  /**
   * Records an event that reveals data of a personal category (e.g. that a medical examination was
   * arranged reveals HEALTH): recipients see it only when they may read that category.
   *
   * @param caseFileId the case
   * @param at when (UTC)
   * @param type what happened
   * @param userDisplayName who did it
   * @param organisationId her organisation
   * @param organisationName its name
   * @param detail codes and names that say more, no personal data of the victim; may be {@code
   *     null}
   * @param category the category the event reveals; {@code null} for none
   */
  public CaseEvent(
      long caseFileId,
      Instant at,
      Type type,
      String userDisplayName,
      long organisationId,
      String organisationName,
      String detail,
      DataCategory category) {
    this(caseFileId, at, type, userDisplayName, organisationId, organisationName, detail);
    this.category = category;
  }

  /**
   * An event a user causes now, for the caller to persist in its transaction — the one way the
   * services of other contexts (consent, referral) write the timeline, so that they need not call
   * the casefile services ({@code CaseTimeline}), which call them (issue 16: no cycles between the
   * contexts' services). The same row as {@code CaseTimeline.record} writes.
   *
   * @param caseFileId the case
   * @param type what happened
   * @param actor who did it (the signed-in user and her organisation)
   * @param detail codes and names that say more, no personal data of the victim; may be {@code
   *     null}
   * @return the event, at the current instant (UTC), of no category; not yet persisted
   */
  public static CaseEvent now(
      long caseFileId, Type type, rs.astra.nrm.organisation.Actor actor, String detail) {
    return now(caseFileId, type, actor, detail, null);
  }

  /**
   * {@link #now(long, Type, rs.astra.nrm.organisation.Actor, String)} for an event that reveals
   * data of a personal category (e.g. HEALTH for a medical examination).
   *
   * @param caseFileId the case
   * @param type what happened
   * @param actor who did it
   * @param detail codes and names, no personal data of the victim; may be {@code null}
   * @param category the category the event reveals, or {@code null} for none
   * @return the event, at the current instant (UTC); not yet persisted
   */
  public static CaseEvent now(
      long caseFileId,
      Type type,
      rs.astra.nrm.organisation.Actor actor,
      String detail,
      DataCategory category) {
    return new CaseEvent(
        caseFileId,
        Instant.now(),
        type,
        actor.displayName(),
        actor.organisationId(),
        actor.organisationName(),
        detail,
        category);
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the case
   */
  public long getCaseFileId() {
    return caseFileId;
  }

  /**
   * @return when (UTC)
   */
  public Instant getAt() {
    return at;
  }

  /**
   * @return what happened
   */
  public Type getType() {
    return type;
  }

  /**
   * @return who did it
   */
  public String getUserDisplayName() {
    return userDisplayName;
  }

  /**
   * @return her organisation's id
   */
  public long getOrganisationId() {
    return organisationId;
  }

  /**
   * @return her organisation's name
   */
  public String getOrganisationName() {
    return organisationName;
  }

  /**
   * @return more about it, may be {@code null}
   */
  public String getDetail() {
    return detail;
  }

  /**
   * @return the personal category the event reveals, or {@code null}
   */
  public DataCategory getCategory() {
    return category;
  }
}
