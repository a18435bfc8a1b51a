/**
 * The statistics page (tables with charts and XLSX, CSV and PDF exports, protected by the
 * small-cell component) and the monthly summary on the home page.
 */
package rs.astra.nrm.web.statistics;
