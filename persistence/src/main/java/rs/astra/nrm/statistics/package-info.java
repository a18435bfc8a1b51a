/**
 * The statistics-only store: anonymised historical records in the CTDC layout (no persons, no
 * names, no dates but years) and the monthly summaries per organisation that a timer computes.
 */
package rs.astra.nrm.statistics;
