package rs.astra.nrm.web.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Mends the generated OpenAPI document before it is served at {@code /openapi} (MicroProfile
 * OpenAPI's filter, {@code mp.openapi.filter}): Payara writes {@code multipleOf: 0} into every
 * schema declared by a {@code @Schema} annotation (the annotation's default), which the OpenAPI
 * specification forbids ({@code multipleOf} must be greater than 0) and validators refuse. Changes
 * nothing else.
 */
public class OpenApiCleanup implements OASFilter {

  @Override
  public Schema filterSchema(Schema schema) {
    BigDecimal multipleOf = schema.getMultipleOf();
    if (multipleOf != null && multipleOf.signum() <= 0) {
      schema.setMultipleOf(null);
    }
    return schema;
  }
}
