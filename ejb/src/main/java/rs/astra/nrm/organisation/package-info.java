/**
 * Who the caller is: users, their organisation (tenant) and role, as the services see them; and how
 * administrators change them, a role that reads case data only with a second administrator's
 * approval (four eyes).
 */
package rs.astra.nrm.organisation;
