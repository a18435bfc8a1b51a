package rs.astra.nrm.shared;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a service that changes records: every business method writes its changes to the database
 * before it returns ({@link StoredBeforeReturnInterceptor}), so that a conflict with someone else's
 * change (optimistic locking) reaches the caller as {@link ConcurrentUpdateException}, and any
 * other refusal of the database as {@link StorageRefusedException} — neither carrying the rows'
 * values. Left to the commit, the persistence provider's exception would be logged by the EJB
 * container with the values of the failed statement: password hashes, what a hotline caller said.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface StoredBeforeReturn {}
