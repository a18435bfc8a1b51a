/**
 * The pages of case documents (issue 17): the Documents section of the case page, its upload form
 * and the download servlet. Every read is decided by the policy in {@link
 * rs.astra.nrm.document.CaseDocumentService}; nothing here decides visibility.
 */
package rs.astra.nrm.web.document;
