/**
 * Stand-ins for the portal's security plumbing classes of the same names that the portal's
 * faces-config.xml, copied into the floor unchanged, declares: they keep the floor deployable and
 * cost nothing.
 */
package rs.astra.nrm.web.security;
