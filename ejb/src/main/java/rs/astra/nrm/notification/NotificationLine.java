package rs.astra.nrm.notification;

import java.io.Serializable;
import java.time.Instant;

/**
 * One notification as the portal shows it to its recipient: no personal data.
 *
 * @param id its id
 * @param kind what happened
 * @param caseId the case to open, or {@code null}
 * @param caseCode the case code, or {@code null}
 * @param organisation the other organisation involved, or {@code null}
 * @param at when (UTC)
 * @param read whether she has read it
 * @param link where it leads in the portal, without a leading {@code /} (the case, or the home page
 *     for what a data protection officer is told)
 */
public record NotificationLine(
    long id,
    NotificationKind kind,
    Long caseId,
    String caseCode,
    String organisation,
    Instant at,
    boolean read,
    String link)
    implements Serializable {}
