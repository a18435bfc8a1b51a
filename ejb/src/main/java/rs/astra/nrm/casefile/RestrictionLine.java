package rs.astra.nrm.casefile;

import java.io.Serializable;
import java.time.Instant;

/**
 * One restriction of a case as its page shows it to those who may restrict (the owner's
 * coordinators and data protection officer): who, when and why it was imposed and lifted.
 *
 * @param restrictedBy display name of who restricted it
 * @param restrictedAt when (UTC)
 * @param reason why
 * @param requestId the data-subject request it answers, or {@code null}
 * @param liftedBy display name of who lifted it, or {@code null} while it stands
 * @param liftedAt when it was lifted (UTC), or {@code null}
 * @param liftReason why it was lifted, or {@code null}
 */
public record RestrictionLine(
    String restrictedBy,
    Instant restrictedAt,
    String reason,
    Long requestId,
    String liftedBy,
    Instant liftedAt,
    String liftReason)
    implements Serializable {}
