/**
 * Who may read, change or export which category of a case's personal data, and on what basis —
 * decided in one place. {@link rs.astra.nrm.consent.AccessPolicy} is the policy decision point: it
 * decides one case from its {@link rs.astra.nrm.consent.CaseFacts} and gives list queries the same
 * rule as a database predicate; the bases are ownership, the {@link
 * rs.astra.nrm.consent.LegalBasisTable}, a consent for the referral's purpose and category (GDPR
 * Art. 6(1)(a), 9(2)(a)) and an emergency access (Art. 6(1)(d), 9(2)(c)). Services read personal
 * data only through {@link rs.astra.nrm.consent.AccessEnforcer}, which writes the audit record of
 * every permit and explicit deny. Here too: giving and withdrawing consents, their expiry, and
 * opening emergency accesses with the data protection officer's approval beyond the daily limit.
 */
package rs.astra.nrm.consent;
