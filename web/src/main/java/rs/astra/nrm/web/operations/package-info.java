/** Health checks and plumbing pages that carry no data. */
package rs.astra.nrm.web.operations;
