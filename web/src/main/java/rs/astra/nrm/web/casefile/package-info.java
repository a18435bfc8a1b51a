/** Views of cases: the case list and the case page. */
package rs.astra.nrm.web.casefile;
