/**
 * Case documents (issue 17): the metadata of each uploaded document version ({@link
 * rs.astra.nrm.document.CaseDocument}) and its type with the data category it belongs to by default
 * ({@link rs.astra.nrm.document.DocumentType}). The encrypted contents live in a table of their own
 * ({@code case_document_content}) and are written and read as streams by the ejb module.
 */
package rs.astra.nrm.document;
