package rs.astra.nrm.document;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import rs.astra.nrm.casefile.DataCategory;

/**
 * One document version in a case's Documents section, shown only to a user who may read its
 * category (issue 17, item 2): no content, no key.
 *
 * @param id the version's id (what a download names)
 * @param rowVersion the optimistic-lock version of the row, for the owner's change of category
 * @param title its title
 * @param type its type
 * @param category the category every read of it is decided on
 * @param uploadedAt when it was uploaded (UTC)
 * @param uploadedBy the uploader's display name
 * @param organisation the uploader's organisation's name
 * @param fileName the original file name, exactly as uploaded
 * @param sizeBytes its size in bytes
 * @param contentType the media type detected at upload
 * @param consentId the consent it is the signed form of, or {@code null}
 * @param ownOrganisation whether the viewer's organisation uploaded it (it may then correct it)
 * @param earlierVersions the versions this one corrects that the viewer may read, newest first;
 *     empty for a first version (and always empty inside that list)
 */
public record DocumentRow(
    long id,
    long rowVersion,
    String title,
    DocumentType type,
    DataCategory category,
    Instant uploadedAt,
    String uploadedBy,
    String organisation,
    String fileName,
    long sizeBytes,
    String contentType,
    Long consentId,
    boolean ownOrganisation,
    List<DocumentRow> earlierVersions)
    implements Serializable {}
