package rs.astra.nrm.support;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A service to put on the support plan.
 *
 * @param type the service, required
 * @param providerOrganisationId a portal organisation that provides it, or {@code null}
 * @param providerName an outside provider, or {@code null} (up to 200 characters)
 * @param status where it stands; {@code null} = PLANNED
 * @param plannedOn planned day, or {@code null}
 * @param startedOn day started, not in the future, or {@code null}
 * @param endedOn day ended, not in the future nor before the start, or {@code null}
 * @param note note, or {@code null} (up to 4000 characters)
 */
public record NewServiceForm(
    ServiceType type,
    Long providerOrganisationId,
    String providerName,
    ServiceStatus status,
    LocalDate plannedOn,
    LocalDate startedOn,
    LocalDate endedOn,
    String note)
    implements Serializable {}
