/**
 * The REST API's own service (issue 22): idempotency keys for the POSTs that create a record. It
 * knows no domain: the web module's resources hand it the create, which runs the domain's service
 * in the key's transaction.
 */
package rs.astra.nrm.api;
