package rs.astra.nrm.web.api;

/**
 * Every error the REST API answers, each with a stable problem type ({@code
 * urn:nrm:problem:<slug>}, RFC 9457 §3.1.1), its HTTP status and its messages ({@code
 * api.problem.<slug>.title} and {@code .detail} in the three bundles). A client tells errors apart
 * by {@link #type()}, never by the text, which follows the caller's {@code Accept-Language}.
 */
public enum ApiProblem {
  /** The embedded default: no token verification key configured. */
  API_NOT_CONFIGURED("api-not-configured", 503),
  /** No bearer token, or one that failed verification. */
  UNAUTHENTICATED("unauthenticated", 401),
  /** A valid token without exactly one known organisation and one portal role fitting it. */
  NOT_AUTHORISED("not-authorised", 403),
  /** The role may not use this operation (e.g. an administrator's referral inbox). */
  NOT_PERMITTED("not-permitted", 403),
  /** No such resource, or one the caller may not see: the two are indistinguishable. */
  NOT_FOUND("not-found", 404),
  /** Input that fails validation; {@code errors} lists the fields. */
  INVALID_INPUT("invalid-input", 400),
  /** A request the domain refuses (e.g. a referral in the wrong state); nothing changed. */
  REQUEST_REFUSED("request-refused", 422),
  /**
   * A POST that creates a record without a well-formed {@code Idempotency-Key} header (1 to 255
   * visible ASCII characters, optionally in double quotes); nothing changed.
   */
  IDEMPOTENCY_KEY_MISSING("idempotency-key-missing", 400),
  /**
   * The {@code Idempotency-Key} was used before for another request (method, path or body); nothing
   * changed.
   */
  IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422),
  /**
   * Another request with the same {@code Idempotency-Key} is being processed; this one changed
   * nothing — retry it with the same key once that one is answered.
   */
  IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", 409),
  /** Someone else changed the record since the caller read its version; nothing changed. */
  CONCURRENT_UPDATE("concurrent-update", 409),
  /** The HTTP method is not offered on this path. */
  METHOD_NOT_ALLOWED("method-not-allowed", 405),
  /** The request body is not JSON. */
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
  /** The caller accepts no type the API answers with. */
  NOT_ACCEPTABLE("not-acceptable", 406),
  /** The request body is larger than the portal accepts. */
  TOO_LARGE("too-large", 413),
  /** The calling system used up its allowance of calls ({@link ApiRateLimit}); see Retry-After. */
  TOO_MANY_REQUESTS("too-many-requests", 429),
  /** The database is away; nothing was read or changed. */
  UNAVAILABLE("unavailable", 503),
  /** Anything else; the log has the exception's class, never its text. */
  INTERNAL("internal", 500);

  /** The prefix of every problem type. */
  public static final String TYPE_PREFIX = "urn:nrm:problem:";

  private final String slug;
  private final int status;

  ApiProblem(String slug, int status) {
    this.slug = slug;
    this.status = status;
  }

  /**
   * @return the stable problem type, e.g. {@code urn:nrm:problem:not-found}
   */
  public String type() {
    return TYPE_PREFIX + slug;
  }

  /**
   * @return the HTTP status
   */
  public int status() {
    return status;
  }

  /**
   * @return the key of the title in the message bundles
   */
  public String titleKey() {
    return "api.problem." + slug + ".title";
  }

  /**
   * @return the key of the generic detail in the message bundles
   */
  public String detailKey() {
    return "api.problem." + slug + ".detail";
  }

  /**
   * @param status an HTTP error status a JAX-RS exception carries
   * @return the problem for it; {@link #INTERNAL} for an unknown one
   */
  public static ApiProblem forStatus(int status) {
    return switch (status) {
      case 400 -> INVALID_INPUT;
      case 401 -> UNAUTHENTICATED;
      case 403 -> NOT_PERMITTED;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 409 -> CONCURRENT_UPDATE;
      case 413 -> TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 429 -> TOO_MANY_REQUESTS;
      case 503 -> UNAVAILABLE;
      default -> INTERNAL;
    };
  }
}
