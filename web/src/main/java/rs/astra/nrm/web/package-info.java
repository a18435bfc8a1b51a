/**
 * The web module of NRM Portal: PrimeFaces views, their backing beans (one per use case) and the
 * wiring of datasource and security. Views see DTOs only, never entities.
 */
package rs.astra.nrm.web;
