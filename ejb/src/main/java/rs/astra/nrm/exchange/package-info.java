/**
 * Reads case records exchanged in the IOM Human Trafficking Case Data Standard (HTCDS 2.0)
 * spreadsheet format, so that NGOs can bring the caseloads they keep in the IOM Excel template (or
 * a CSV export of it) into the portal. Files are validated as a whole and imported all-or-nothing;
 * problems are reported by row, column and kind, without ever writing cell values (personal data)
 * to messages or logs.
 */
package rs.astra.nrm.exchange;
