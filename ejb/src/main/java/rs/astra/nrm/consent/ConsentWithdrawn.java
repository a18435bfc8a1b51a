package rs.astra.nrm.consent;

import java.time.Instant;
import rs.astra.nrm.organisation.Viewer;

/**
 * A CDI event fired, inside the withdrawing transaction, when the data subject's consent is
 * withdrawn (GDPR Art. 7(3): withdrawal has effect at once). Other contexts that rested something
 * on the consent (a proposed case transfer) observe it and close what rested on it in the same
 * transaction, without the consent package knowing them.
 *
 * @param consentId the consent withdrawn
 * @param caseId its case
 * @param by who recorded the withdrawal (staff of the owning organisation)
 * @param at when (UTC)
 */
public record ConsentWithdrawn(long consentId, long caseId, Viewer by, Instant at) {}
