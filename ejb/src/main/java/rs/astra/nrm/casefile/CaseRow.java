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
 * @param personName first and second name of the data subject; {@code null} unless {@code access}
 *     is OWNER
 * @param access how much of the case the viewer may see (OWNER or RECIPIENT)
 */
public record CaseRow(
    long id,
    String code,
    LocalDate openedOn,
    CaseStatus status,
    List<TypeOfExploitation> typeOfExploitation,
    String ownerOrganisation,
    String personName,
    CaseAccess access)
    implements Serializable {}
