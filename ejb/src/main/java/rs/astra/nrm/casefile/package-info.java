/**
 * Reading cases: the case list and the case page, both through the one access rule ({@link
 * rs.astra.nrm.casefile.CaseAccessRule}) applied in the database.
 */
package rs.astra.nrm.casefile;
