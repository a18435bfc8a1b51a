package rs.astra.nrm.web.api;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a POST that creates a record: it needs an {@code Idempotency-Key} header, and {@link
 * IdempotencyFilter} takes the request's fingerprint before the resource runs ({@link
 * ApiIdempotency}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Idempotent {}
