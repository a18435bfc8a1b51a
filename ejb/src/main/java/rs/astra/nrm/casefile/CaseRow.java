package rs.astra.nrm.casefile;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of the case list, as the viewer may see it.
 *
 * @param id the case id (opaque to users; pages use it to open the case)
 * @param code the case code, {@code NRM-yyyy-nnnnn}
 * @param openedOn the day the case was opened (Europe/Belgrade)
 * @param status HTCDS {@code cas_Status}
 * @param typeOfExploitation HTCDS {@code vic_TypeOfExploitation} value names, in declaration order
 * @param ownerOrganisation name of the owning organisation
 * @param personName first and second name of the data subject; {@code null} unless the policy
 *     permits the viewer to read IDENTITY of this case (and the read is then audited)
 * @param owned whether the viewer's organisation owns the case
 * @param documents how many document versions the case holds (issue 17), for the owning
 *     organisation only; {@code null} for a case it does not own
 */
public record CaseRow(
    long id,
    String code,
    LocalDate openedOn,
    CaseStatus status,
    List<TypeOfExploitation> typeOfExploitation,
    String ownerOrganisation,
    String personName,
    boolean owned,
    Long documents)
    implements Serializable {}
