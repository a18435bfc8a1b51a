/** Data exchange in HTCDS format: the spreadsheet upload. */
package rs.astra.nrm.web.exchange;
