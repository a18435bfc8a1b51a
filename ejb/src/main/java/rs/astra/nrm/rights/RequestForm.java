package rs.astra.nrm.rights;

import java.time.LocalDate;

/**
 * A new entry of the register of data-subject requests, as typed.
 *
 * @param kind what the person asks for
 * @param caseCode the code of the case it concerns (e.g. {@code NRM-2026-K7QX-M4P2})
 * @param receivedOn the day it was received (Europe/Belgrade)
 * @param verification how her identity was verified
 * @param note a free-text note without names, or {@code null}
 */
public record RequestForm(
    RequestKind kind,
    String caseCode,
    LocalDate receivedOn,
    IdentityVerification verification,
    String note) {}
