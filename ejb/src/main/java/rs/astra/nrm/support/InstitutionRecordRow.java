package rs.astra.nrm.support;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An institution's record (an assessment note or a treatment record, see {@link
 * InstitutionRecordKind}) as the viewer sees it.
 *
 * @param id the record
 * @param day the day of the assessment or of the treatment (Europe/Belgrade calendar day)
 * @param organisation the name of the institution that wrote it (centre for social work or health
 *     institution)
 * @param recordedBy the display name of who wrote it
 * @param text the assessment, or the treatment given
 * @param note the recommended measures of an assessment or a treatment's note, or {@code null}
 */
public record InstitutionRecordRow(
    long id, LocalDate day, String organisation, String recordedBy, String text, String note)
    implements Serializable {}
