package rs.astra.nrm.web.api;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Takes Bean Validation's failures before the JAX-RS implementation's own mapper for {@code
 * ValidationException} does (the nearest mapper wins), so that they too are problem details ({@code
 * invalid-input} with the failing fields), written by {@link ApiExceptionMapper}.
 */
@Provider
public class ApiValidationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Inject Problems problems;

  @Context HttpHeaders headers;

  @Override
  public Response toResponse(ConstraintViolationException e) {
    return ApiExceptionMapper.map(e, headers, problems, null);
  }
}
