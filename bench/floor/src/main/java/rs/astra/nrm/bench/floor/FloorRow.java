package rs.astra.nrm.bench.floor;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of the floor's case list, with the accessors the page calls on the portal's {@code
 * CaseRow} (enum values as their names, which is what the page concatenates into bundle keys).
 *
 * @param id row id
 * @param code case code, {@code NRM-yyyy-nnnnn}
 * @param openedOn day opened
 * @param status HTCDS {@code cas_Status} value name
 * @param typeOfExploitation HTCDS {@code vic_TypeOfExploitation} value names
 * @param ownerOrganisation owning organisation's name
 * @param personName the data subject's name, or {@code null} (shown as restricted)
 * @param owned whether the viewer's organisation owns the case
 * @param documents the case's document count for an owned case (the portal's list shows it to the
 *     owner), {@code null} otherwise
 */
public record FloorRow(
    long id,
    String code,
    LocalDate openedOn,
    String status,
    List<String> typeOfExploitation,
    String ownerOrganisation,
    String personName,
    boolean owned,
    Long documents)
    implements Serializable {}
