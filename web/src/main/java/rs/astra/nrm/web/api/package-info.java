/**
 * The REST API under {@code /api/v1} (issue 22): thin JAX-RS resources over the same services, the
 * same policy and the same audit as the pages, authenticated by bearer tokens (MicroProfile JWT),
 * with errors as RFC 9457 problem details.
 */
package rs.astra.nrm.web.api;
