/**
 * The framework floor of the benchmark: stand-ins, under the same EL names, for the beans the
 * portal's case-list page ({@code app/cases.xhtml} and its template) uses, serving rows from
 * memory. Rendering the unchanged page with them costs what Faces and PrimeFaces cost, with no
 * database and no access policy; the harness divides the portal's page time by it.
 */
package rs.astra.nrm.bench.floor;
