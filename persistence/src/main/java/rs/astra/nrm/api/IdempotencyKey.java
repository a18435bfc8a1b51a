package rs.astra.nrm.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * An {@code Idempotency-Key} a caller used for a POST that created a record (IETF draft "The
 * Idempotency-Key HTTP Header Field"): unique per portal user, client id and key, written in the
 * same transaction as the record. It holds the request's fingerprint (SHA-256 of method, path and
 * body, hex), the kind and id of the record created and the HTTP status answered — never the body
 * or any other personal data. Written once, never changed.
 */
@Entity
@Table(name = "api_idempotency_key")
@NamedQuery(
    name = IdempotencyKey.BY_CALLER_AND_KEY,
    query =
        "select k from IdempotencyKey k where k.userId = :user and k.clientId = :client"
            + " and k.key = :key")
public class IdempotencyKey {

  /** Named query: the key of a caller ({@code user}, {@code client}, {@code key}). */
  public static final String BY_CALLER_AND_KEY = "IdempotencyKey.byCallerAndKey";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "apiIdempotencyKeySeq")
  @SequenceGenerator(
      name = "apiIdempotencyKeySeq",
      sequenceName = "api_idempotency_key_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "portal_user_id", nullable = false, updatable = false)
  private long userId;

  @Column(name = "client_id", nullable = false, updatable = false, length = 100)
  private String clientId;

  @Column(name = "idempotency_key", nullable = false, updatable = false, length = 255)
  private String key;

  @Column(nullable = false, updatable = false, length = 64)
  private String fingerprint;

  @Column(name = "resource_type", nullable = false, updatable = false, length = 40)
  private String resourceType;

  @Column(name = "resource_id", nullable = false, updatable = false)
  private long resourceId;

  @Column(nullable = false, updatable = false)
  private int status;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** For JPA only. */
  protected IdempotencyKey() {}

  /**
   * A key used for a record just created.
   *
   * @param userId the portal user the token maps to
   * @param clientId the calling system's client id ({@code ""} when the token names none), at most
   *     100 characters
   * @param key the header's value, 1 to 255 characters
   * @param fingerprint SHA-256 of method, path and body, 64 hex digits
   * @param resourceType what was created, e.g. {@code proceedings-entry}, at most 40 characters
   * @param resourceId its id
   * @param status the HTTP status answered, e.g. 201
   * @param createdAt when (UTC)
   */
  public IdempotencyKey(
      long userId,
      String clientId,
      String key,
      String fingerprint,
      String resourceType,
      long resourceId,
      int status,
      Instant createdAt) {
    this.userId = userId;
    this.clientId = Objects.requireNonNull(clientId);
    this.key = Objects.requireNonNull(key);
    this.fingerprint = Objects.requireNonNull(fingerprint);
    this.resourceType = Objects.requireNonNull(resourceType);
    this.resourceId = resourceId;
    this.status = status;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return SHA-256 of method, path and body, 64 hex digits
   */
  public String getFingerprint() {
    return fingerprint;
  }

  /**
   * @return what was created, e.g. {@code proceedings-entry}
   */
  public String getResourceType() {
    return resourceType;
  }

  /**
   * @return the id of what was created
   */
  public long getResourceId() {
    return resourceId;
  }

  /**
   * @return the HTTP status answered
   */
  public int getStatus() {
    return status;
  }

  /**
   * @return when the record was created (UTC)
   */
  public Instant getCreatedAt() {
    return createdAt;
  }
}
