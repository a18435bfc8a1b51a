package rs.astra.nrm.api;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * Creates a record at most once per {@code Idempotency-Key} (IETF draft "The Idempotency-Key HTTP
 * Header Field"): the first request runs the create and stores the key with the request's
 * fingerprint and a reference to the record, in the create's own transaction — a create that is
 * refused or rolled back leaves no key, so the caller may retry it. A later request with the same
 * key and the same fingerprint gets the first answer without creating again; one with another
 * fingerprint is refused ({@link IdempotencyKeyReusedException}). Keys are per portal user and
 * client id: two systems never see each other's keys.
 */
@Stateless
@StoredBeforeReturn
public class IdempotentCreates {

  /** The HTTP status of a record created (201 Created). */
  public static final int CREATED = 201;

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * Who sent a key, and for what request.
   *
   * @param userId the portal user the token maps to
   * @param clientId the calling system's client id; {@code null} or blank is kept as {@code ""}
   * @param key the header's value, 1 to 255 characters
   * @param fingerprint SHA-256 of method, path and body, 64 hex digits
   */
  public record Request(long userId, String clientId, String key, String fingerprint)
      implements Serializable {

    /** Normalises the client id. */
    public Request {
      clientId = clientId == null ? "" : clientId.strip();
      Objects.requireNonNull(key);
      Objects.requireNonNull(fingerprint);
    }
  }

  /**
   * The answer to a request: what was created, and whether this is the first answer repeated.
   *
   * @param resourceType what was created, e.g. {@code proceedings-entry}
   * @param resourceId its id
   * @param status the HTTP status to answer ({@link #CREATED})
   * @param replayed {@code true} when the record was created by an earlier request with the key
   */
  public record Answer(String resourceType, long resourceId, int status, boolean replayed)
      implements Serializable {}

  /**
   * Runs a create once per key, in one transaction with the key's row.
   *
   * @param request the caller, her key and the request's fingerprint
   * @param resourceType what the create makes, at most 40 characters
   * @param create calls the domain's service (which joins this transaction) and gives the new
   *     record's id; it throws the service's refusals, which roll everything back
   * @return the new record, or the one an earlier request with the key created
   * @throws IdempotencyKeyReusedException when the key was used for another request
   */
  public Answer once(Request request, String resourceType, LongSupplier create) {
    Optional<Answer> earlier = earlier(request);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    long id = create.getAsLong();
    em.persist(
        new IdempotencyKey(
            request.userId(),
            request.clientId(),
            request.key(),
            request.fingerprint(),
            resourceType,
            id,
            CREATED,
            Instant.now()));
    return new Answer(resourceType, id, CREATED, false);
  }

  /**
   * The answer an earlier request with the key got, for a request that lost the race to store the
   * key (two requests with one key at once: the database's unique key lets one through).
   *
   * @param request the caller, her key and the request's fingerprint
   * @return the earlier answer, replayed; empty when the key was not used
   * @throws IdempotencyKeyReusedException when the key was used for another request
   */
  public Optional<Answer> earlier(Request request) {
    return em.createNamedQuery(IdempotencyKey.BY_CALLER_AND_KEY, IdempotencyKey.class)
        .setParameter("user", request.userId())
        .setParameter("client", request.clientId())
        .setParameter("key", request.key())
        .getResultStream()
        .findFirst()
        .map(
            k -> {
              if (!k.getFingerprint().equals(request.fingerprint())) {
                throw new IdempotencyKeyReusedException();
              }
              return new Answer(k.getResourceType(), k.getResourceId(), k.getStatus(), true);
            });
  }

  /**
   * Forgets the keys stored before a moment (their expiry, {@link IdempotencyKeyExpiry}): a request
   * with such a key afterwards is a new request and creates anew.
   *
   * @param before the moment (UTC); keys created earlier are deleted
   * @return how many keys were deleted
   */
  public int forgetKeysCreatedBefore(Instant before) {
    return em.createQuery("delete from IdempotencyKey k where k.createdAt < :before")
        .setParameter("before", before)
        .executeUpdate();
  }
}
