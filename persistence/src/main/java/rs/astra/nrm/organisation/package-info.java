/**
 * Organisations (the NRM's institutions and the portal's tenants) and the users who work for them.
 * Who belongs where decides everything else the portal shows.
 */
package rs.astra.nrm.organisation;
