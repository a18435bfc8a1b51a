package rs.astra.nrm.support;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An institution's record to write (an assessment or a treatment, see {@link
 * InstitutionRecordKind}).
 *
 * @param day the day of the assessment or of the treatment (Europe/Belgrade calendar day),
 *     required, not in the future
 * @param text the assessment, or the treatment given; required (up to 4000 characters)
 * @param note the recommended measures of an assessment or a treatment's note, or {@code null} (up
 *     to 4000 characters)
 */
public record InstitutionRecordForm(LocalDate day, String text, String note)
    implements Serializable {}
