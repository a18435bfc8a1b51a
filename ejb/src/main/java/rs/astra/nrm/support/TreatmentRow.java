package rs.astra.nrm.support;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A treatment record as the viewer sees it.
 *
 * @param id the record
 * @param treatedOn day of the treatment
 * @param organisation the health institution
 * @param recordedBy who wrote it
 * @param treatment the treatment given
 * @param note note, or {@code null}
 */
public record TreatmentRow(
    long id,
    LocalDate treatedOn,
    String organisation,
    String recordedBy,
    String treatment,
    String note)
    implements Serializable {}
