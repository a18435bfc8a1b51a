/**
 * The DPO's retention page (issue 21): every hold, the dry run of the retention schedule, the
 * record of its runs, and recording and lifting holds.
 */
package rs.astra.nrm.web.retention;
