/**
 * What the REST API keeps of its own (issue 22): the idempotency keys of the POSTs that create a
 * record — never personal data, only a fingerprint of the request and a reference to what it made.
 */
package rs.astra.nrm.api;
