package rs.astra.nrm.casefile;

import java.io.Serializable;
import java.time.Instant;

/**
 * One entry of a case's change log (rectification, GDPR Art. 16) as the case page shows it to those
 * who may read it: the owner's staff who read the field's category, and the owner's data protection
 * officer.
 *
 * @param field the corrected field
 * @param oldValue the earlier value, or {@code null}
 * @param newValue the new value, or {@code null}
 * @param correctedBy display name of who corrected it
 * @param correctedAt when (UTC)
 * @param reason why
 * @param requestId the data-subject request it answers, or {@code null}
 */
public record CorrectionLine(
    CorrectableField field,
    String oldValue,
    String newValue,
    String correctedBy,
    Instant correctedAt,
    String reason,
    Long requestId)
    implements Serializable {}
