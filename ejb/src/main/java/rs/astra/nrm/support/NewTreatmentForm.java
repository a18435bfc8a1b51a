package rs.astra.nrm.support;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A treatment to record.
 *
 * @param treatedOn day of the treatment, not in the future
 * @param treatment the treatment given, required (up to 4000 characters)
 * @param note note, or {@code null} (up to 4000 characters)
 */
public record NewTreatmentForm(LocalDate treatedOn, String treatment, String note)
    implements Serializable {}
