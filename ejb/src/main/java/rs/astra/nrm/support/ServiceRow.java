package rs.astra.nrm.support;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import rs.astra.nrm.casefile.DataCategory;

/**
 * A service of the support plan as the viewer sees it.
 *
 * @param id the service
 * @param version its optimistic-lock version, to give back with a status change
 * @param type the service type
 * @param category SOCIAL or HEALTH
 * @param providerOrganisation the portal organisation that provides it, or {@code null}
 * @param providerName an outside provider, or {@code null}
 * @param status where it stands
 * @param plannedOn planned day, or {@code null}
 * @param startedOn day started, or {@code null}
 * @param endedOn day ended, or {@code null}
 * @param note note, or {@code null}
 * @param organisation the organisation that recorded it
 * @param recordedBy who recorded it
 * @param recordedAt when (UTC)
 * @param changeable whether the viewer may change its status
 */
public record ServiceRow(
    long id,
    long version,
    ServiceType type,
    DataCategory category,
    String providerOrganisation,
    String providerName,
    ServiceStatus status,
    LocalDate plannedOn,
    LocalDate startedOn,
    LocalDate endedOn,
    String note,
    String organisation,
    String recordedBy,
    Instant recordedAt,
    boolean changeable)
    implements Serializable {}
