package rs.astra.nrm.document;

import java.io.Serializable;

/**
 * What a user fills in to upload a document (issue 17, item 1); the file itself is passed beside it
 * as a stream and its original name.
 *
 * @param title the title shown in the list, 1 to {@link CaseDocument#TITLE_MAX} characters
 * @param type the document's type; decides its category ({@link DocumentType#defaultCategory()})
 *     unless it corrects an earlier version, whose category it keeps
 * @param consentId for a signed consent form: the consent record of the same case it is the form
 *     of; otherwise {@code null}
 * @param correctsDocumentId the document version this upload corrects (it becomes the newer
 *     version), or {@code null} for a new document
 */
public record NewDocumentForm(
    String title, DocumentType type, Long consentId, Long correctsDocumentId)
    implements Serializable {}
