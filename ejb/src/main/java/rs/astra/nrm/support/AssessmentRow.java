package rs.astra.nrm.support;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An assessment note as the viewer sees it.
 *
 * @param id the note
 * @param assessedOn day of the assessment
 * @param organisation the centre for social work
 * @param recordedBy who wrote it
 * @param text the assessment
 * @param recommendedMeasures the recommended measures, or {@code null}
 */
public record AssessmentRow(
    long id,
    LocalDate assessedOn,
    String organisation,
    String recordedBy,
    String text,
    String recommendedMeasures)
    implements Serializable {}
