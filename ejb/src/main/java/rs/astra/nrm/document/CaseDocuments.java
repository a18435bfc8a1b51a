package rs.astra.nrm.document;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import rs.astra.nrm.casefile.DataCategory;

/**
 * A case's Documents section for one viewer (issue 17, items 2 and 6).
 *
 * @param documents the current versions she may read, by category then newest first; each with the
 *     earlier versions she may read
 * @param hidden how many document versions of the case are in categories not shared with her (she
 *     sees the number, never a title: "N documents in categories not shared with you")
 * @param uploadCategories the categories she may upload documents in (the policy's UPDATE)
 * @param maxPerCase how many document versions a case may hold ({@code nrm.document.maxPerCase})
 * @param maxBytes the largest file in bytes ({@code nrm.document.maxBytes})
 */
public record CaseDocuments(
    List<DocumentRow> documents,
    long hidden,
    Set<DataCategory> uploadCategories,
    int maxPerCase,
    long maxBytes)
    implements Serializable {}
