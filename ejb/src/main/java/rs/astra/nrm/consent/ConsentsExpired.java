package rs.astra.nrm.consent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A CDI event fired by the hourly consent-expiry job ({@link ConsentExpiry}), inside its
 * transaction: consents whose last valid day is before {@code today} no longer hold. An expired
 * consent behaves as a withdrawn one, so other contexts that rested something on a consent (a
 * proposed case transfer) close it as they do on {@link ConsentWithdrawn}, without the consent
 * package knowing them.
 *
 * @param today the day (Europe/Belgrade) the run judges expiry by: a consent valid until a day
 *     before it has expired
 * @param at the run's instant (UTC)
 */
public record ConsentsExpired(LocalDate today, Instant at) {}
