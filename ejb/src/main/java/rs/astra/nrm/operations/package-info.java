/**
 * Running the portal: schema migration at start-up and what the health checks report. Nothing here
 * reads personal data.
 */
package rs.astra.nrm.operations;
