package rs.astra.nrm.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessBasis;

/**
 * One decision of the access policy on personal data: who asked for which category of which case,
 * to do what, whether it was permitted, and on what basis. Written once, never changed or deleted
 * (every column is {@code updatable = false}; nothing in the application updates or deletes this
 * table). Ids only, no personal data: the record names the case, not the person's name.
 */
@Entity
@Table(name = "audit_record")
@NamedQuery(
    name = AuditRecord.FIND_BY_PERSON,
    query = "select a from AuditRecord a where a.personId = :personId order by a.at, a.id")
@jakarta.persistence.NamedQuery(
    name = AuditRecord.FIND_BY_PERSONS,
    query = "select a from AuditRecord a where a.personId in :personIds order by a.at, a.id")
public class AuditRecord {

  /**
   * Named query: the records about any of several persons ({@code personIds}: a case's and those of
   * the cases merged into it, issue 19), oldest first.
   */
  public static final String FIND_BY_PERSONS = "AuditRecord.findByPersons";

  /** Named query: every record about a data subject ({@code personId}), oldest first. */
  public static final String FIND_BY_PERSON = "AuditRecord.findByPerson";

  /**
   * Numbers of the sequence {@code audit_record_seq} handed out by one {@code nextval}: the
   * sequence steps by this much (migration V2), and a {@code nextval} of {@code n} reserves {@code
   * n − 49 … n} for the caller alone.
   */
  public static final int ID_BLOCK = 50;

  /** Channel of a read through the portal's pages (every record before issue 22). */
  public static final String CHANNEL_WEB = "WEB";

  /** Channel of a read through the REST API under {@code /api/v1} (issue 22). */
  public static final String CHANNEL_API = "API";

  /**
   * Assigned by the writer from blocks of {@code audit_record_seq} ({@link #ID_BLOCK}), not by the
   * persistence provider: its sequence preallocation takes a lock shared by all requests, and with
   * one record per name on every page the requests queued on it (docs/benchmarks.md).
   */
  @Id private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant at;

  @Column(name = "user_id", nullable = false, updatable = false)
  private long userId;

  @Column(nullable = false, length = 80, updatable = false)
  private String username;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Column(name = "case_file_id", nullable = false, updatable = false)
  private long caseFileId;

  @Column(name = "person_id", nullable = false, updatable = false)
  private long personId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40, updatable = false)
  private DataCategory category;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20, updatable = false)
  private AccessAction action;

  @Column(nullable = false, updatable = false)
  private boolean permitted;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20, updatable = false)
  private AccessBasis basis;

  @Column(name = "basis_ref", length = 80, updatable = false)
  private String basisRef;

  @Column(name = "request_id", nullable = false, length = 40, updatable = false)
  private String requestId;

  @Column(name = "document_id", updatable = false)
  private Long documentId;

  @Column(nullable = false, length = 8, updatable = false)
  private String channel = CHANNEL_WEB;

  @Column(name = "client_id", length = 100, updatable = false)
  private String clientId;

  /** For JPA only. */
  protected AuditRecord() {}

  /**
   * Records one decision.
   *
   * @param id unique, from a block of {@code audit_record_seq} ({@link #ID_BLOCK})
   * @param at when (UTC)
   * @param userId who asked
   * @param username her login name (kept so that the record outlives renames)
   * @param organisationId her organisation
   * @param caseFileId the case
   * @param personId the data subject of the case
   * @param category the category asked for
   * @param action what for
   * @param permitted the decision
   * @param basis the basis of a permit, {@link AccessBasis#NONE} for a deny
   * @param basisRef consent id, break-glass id or legal-basis code; {@code null} for owner and deny
   * @param requestId the id of the request the decision was made in, to group one page's records
   * @param documentId the case document asked for, or {@code null}
   */
  public AuditRecord(
      long id,
      Instant at,
      long userId,
      String username,
      long organisationId,
      long caseFileId,
      long personId,
      DataCategory category,
      AccessAction action,
      boolean permitted,
      AccessBasis basis,
      String basisRef,
      String requestId,
      Long documentId) {
    this.id = id;
    this.at = Objects.requireNonNull(at, "at");
    this.userId = userId;
    this.username = Objects.requireNonNull(username, "username");
    this.organisationId = organisationId;
    this.caseFileId = caseFileId;
    this.personId = personId;
    this.category = Objects.requireNonNull(category, "category");
    this.action = Objects.requireNonNull(action, "action");
    this.permitted = permitted;
    this.basis = Objects.requireNonNull(basis, "basis");
    this.basisRef = basisRef;
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.documentId = documentId;
  }

  /**
   * The case document the decision was about (issue 17: every download, and every refused one).
   *
   * @return the document's id, or {@code null} when the record is not about one document
   */
  public Long getDocumentId() {
    return documentId;
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
   * @return who asked
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
   * @return the case
   */
  public long getCaseFileId() {
    return caseFileId;
  }

  /**
   * @return the data subject
   */
  public long getPersonId() {
    return personId;
  }

  /**
   * @return the category
   */
  public DataCategory getCategory() {
    return category;
  }

  /**
   * @return the action
   */
  public AccessAction getAction() {
    return action;
  }

  /**
   * @return whether it was permitted
   */
  public boolean isPermitted() {
    return permitted;
  }

  /**
   * @return the basis
   */
  public AccessBasis getBasis() {
    return basis;
  }

  /**
   * @return the basis reference, may be {@code null}
   */
  public String getBasisRef() {
    return basisRef;
  }

  /**
   * @return the request id
   */
  public String getRequestId() {
    return requestId;
  }

  /**
   * Marks the record as written for a call of the REST API (issue 22), before it is stored.
   *
   * @param client the calling system's client id (the token's {@code azp}), at most 100 characters;
   *     {@code null} when the token names none
   * @return this record
   */
  public AuditRecord throughApi(String client) {
    this.channel = CHANNEL_API;
    this.clientId = client == null ? null : client.substring(0, Math.min(100, client.length()));
    return this;
  }

  /**
   * @return {@link #CHANNEL_WEB} or {@link #CHANNEL_API}
   */
  public String getChannel() {
    return channel;
  }

  /**
   * @return the client id of the system that called the API, or {@code null} for the pages
   */
  public String getClientId() {
    return clientId;
  }
}
