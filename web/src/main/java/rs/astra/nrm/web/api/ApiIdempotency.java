package rs.astra.nrm.web.api;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import rs.astra.nrm.api.IdempotentCreates;
import rs.astra.nrm.shared.StorageRefusedException;

/**
 * The {@code Idempotency-Key} of the current POST ({@link IdempotencyFilter} takes it) and the
 * create it guards: the resource hands over the call of the domain's service, {@link
 * IdempotentCreates} runs it once per key, and the answer is {@code 201} with {@code {"id": n}} and
 * a {@code Location} header naming the created record's {@code GET} — the same for a retry with the
 * same key and body, which also carries {@code Idempotent-Replayed: true}.
 */
@RequestScoped
public class ApiIdempotency {

  /** The answer header that tells a repeated first answer from a new one. */
  public static final String REPLAYED = "Idempotent-Replayed";

  @Inject IdempotentCreates creates;
  @Inject ApiCaller caller;

  private String key;
  private String fingerprint;

  /**
   * Another request with the same key is being processed (IETF draft: 409); this one changed
   * nothing.
   */
  public static class KeyInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The key is not in the message: it is the caller's. */
    public KeyInUseException() {
      super("idempotency key in use by a request being processed");
    }
  }

  /**
   * Whether the database refused the store for a key another transaction holds: a unique key
   * (SQLState class 23), a serialization or deadlock failure (class 40) or a lock timeout (H2's
   * HYT00).
   */
  private static boolean keyConflict(StorageRefusedException refused) {
    String state = refused.sqlState();
    return state != null
        && (state.startsWith("23") || state.startsWith("40") || state.equals("HYT00"));
  }

  /**
   * Remembers the request's key and fingerprint.
   *
   * @param key the header's value, well-formed
   * @param fingerprint SHA-256 of method, path and body, hex
   */
  void begin(String key, String fingerprint) {
    this.key = key;
    this.fingerprint = fingerprint;
  }

  /**
   * Creates a record at most once for this request's key.
   *
   * @param resourceType what the create makes, e.g. {@code proceedings-entry}
   * @param location the address of the created record's {@code GET}, from its id
   * @param create calls the domain's service and gives the new record's id
   * @return 201 with the id and {@code Location} (replayed or new)
   * @throws rs.astra.nrm.api.IdempotencyKeyReusedException when the key was used for another
   *     request (the mapper answers 422)
   * @throws IllegalStateException on an operation without {@link Idempotent}
   */
  public Response create(String resourceType, LongFunction<URI> location, LongSupplier create) {
    if (key == null) {
      throw new IllegalStateException("not an @Idempotent operation");
    }
    var viewer = caller.viewer();
    var request =
        new IdempotentCreates.Request(viewer.userId(), caller.clientId(), key, fingerprint);
    IdempotentCreates.Answer answer;
    try {
      answer = creates.once(request, resourceType, create);
    } catch (EJBException e) {
      if (!(e.getCause() instanceof StorageRefusedException refused) || !keyConflict(refused)) {
        throw e;
      }
      // Two requests with one key at once: the database's unique key let the other one store it
      // and rolled this one back with its record. Answer as the other was answered; while the
      // other is still running (a database that refuses at once rather than waiting), 409.
      Optional<IdempotentCreates.Answer> other = creates.earlier(request);
      if (other.isEmpty()) {
        throw new KeyInUseException();
      }
      answer = other.get();
    }
    Response.ResponseBuilder response =
        Response.status(answer.status())
            .location(location.apply(answer.resourceId()))
            .type(MediaType.APPLICATION_JSON)
            .entity(Json.createObjectBuilder().add("id", answer.resourceId()).build().toString());
    if (answer.replayed()) {
      response.header(REPLAYED, "true");
    }
    return response.build();
  }
}
