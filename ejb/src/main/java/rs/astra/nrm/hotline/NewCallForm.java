package rs.astra.nrm.hotline;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What hotline staff fill in for a call. Only channel, caller type and purpose are required; the
 * call is anonymous unless the caller leaves an alias or, with her agreement, a contact.
 *
 * @param calledAt when the call began (UTC); {@code null} = now; not in the future
 * @param durationMinutes length, 0–600 minutes, may be {@code null}
 * @param channel how it came
 * @param callerType who called
 * @param language the language spoken, may be {@code null}
 * @param purpose why
 * @param summary what was said, up to 4000 characters, may be blank
 * @param outcome what was done or advised, up to 2000 characters, may be blank
 * @param followUpOn day to follow up, not before the call's day, may be {@code null}
 * @param callerAlias how the caller wants to be known, up to 100 characters, may be blank
 * @param callerContact phone or e-mail, kept only if {@code callerAgreed}, may be blank
 * @param callerAgreed whether the caller agreed that her contact is kept
 * @param caseCode the code of a case to link the call to, may be blank
 * @param check the job-offer check made in the call, or {@code null}
 */
public record NewCallForm(
    Instant calledAt,
    Integer durationMinutes,
    CallChannel channel,
    CallerType callerType,
    CallLanguage language,
    CallPurpose purpose,
    String summary,
    String outcome,
    LocalDate followUpOn,
    String callerAlias,
    String callerContact,
    boolean callerAgreed,
    String caseCode,
    JobOfferCheckForm check)
    implements Serializable {}
