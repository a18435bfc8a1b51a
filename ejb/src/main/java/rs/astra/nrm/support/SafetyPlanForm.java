package rs.astra.nrm.support;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A new text of the safety plan.
 *
 * @param expectedVersion the version the user revised; {@code null} when she draws up the first
 *     plan
 * @param risks the risks, required (up to 4000 characters)
 * @param measures the agreed measures, required (up to 4000 characters)
 * @param emergencyContacts whom to call, or {@code null} (up to 4000 characters)
 * @param reviewOn review day, or {@code null}
 */
public record SafetyPlanForm(
    Long expectedVersion,
    String risks,
    String measures,
    String emergencyContacts,
    LocalDate reviewOn)
    implements Serializable {}
