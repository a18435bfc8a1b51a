/** The criminal-proceedings section of the case page. */
package rs.astra.nrm.web.proceedings;
