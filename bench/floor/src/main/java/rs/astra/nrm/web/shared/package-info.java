/**
 * Stand-ins for the portal's shared Faces classes of the same names (the text input guard, the CSV
 * export registration) that the portal's configuration, copied into the floor unchanged, names; the
 * floor's requests carry no text and export nothing, so they do nothing.
 */
package rs.astra.nrm.web.shared;
