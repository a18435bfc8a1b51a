package rs.astra.nrm.support;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An assessment to record.
 *
 * @param assessedOn day of the assessment, not in the future
 * @param text the assessment, required (up to 4000 characters)
 * @param recommendedMeasures the recommended measures, or {@code null} (up to 4000 characters)
 */
public record NewAssessmentForm(LocalDate assessedOn, String text, String recommendedMeasures)
    implements Serializable {}
