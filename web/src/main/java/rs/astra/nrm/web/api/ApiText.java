package rs.astra.nrm.web.api;

/** Texts the OpenAPI annotations of several resources share. */
final class ApiText {

  /** The description of the {@code Idempotency-Key} header. */
  static final String IDEMPOTENCY_KEY =
      "Required on POSTs that create a record (IETF draft 'The Idempotency-Key HTTP Header"
          + " Field'): a value unique per request you mean, e.g. a UUID, 1 to 255 visible ASCII"
          + " characters, in double quotes or bare. A retry with the same key and the same body"
          + " answers the first answer (201, the same id, Idempotent-Replayed: true) and creates"
          + " nothing; the same key with another method, path or body is refused with 422"
          + " idempotency-key-reused; one sent while the first with its key is still being"
          + " processed is refused with 409 idempotency-key-in-use (retry it later with the same"
          + " key). A request that was refused leaves no key: retry it with the same key once"
          + " corrected. Keys are per token user and client, and are kept for a time the"
          + " installation sets (nrm.api.idempotencyKeys.keepHours), by default 24 hours: a"
          + " retry after that is a new request and creates anew.";

  private ApiText() {}
}
