/**
 * Who the caller is: users, their organisation (tenant) and role, as the services see them.
 */
package rs.astra.nrm.organisation;
