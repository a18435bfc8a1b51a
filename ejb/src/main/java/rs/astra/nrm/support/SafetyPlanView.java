package rs.astra.nrm.support;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The current safety plan.
 *
 * @param version its optimistic-lock version, to give back with a revision
 * @param risks the risks
 * @param measures the agreed measures
 * @param emergencyContacts whom to call, or {@code null}
 * @param reviewOn review day, or {@code null}
 * @param organisation the organisation that drew it up
 * @param updatedBy who revised it last
 * @param updatedAt when (UTC)
 * @param editable whether the viewer may revise it
 */
public record SafetyPlanView(
    long version,
    String risks,
    String measures,
    String emergencyContacts,
    LocalDate reviewOn,
    String organisation,
    String updatedBy,
    Instant updatedAt,
    boolean editable)
    implements Serializable {}
