package rs.astra.nrm.hotline;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rs.astra.nrm.audit.ActivityRecord;
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.NrmTime;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * The SOS hotline's call log: recording a call with its job-offer check ({@link JobOfferChecks}
 * files the employer and agency in the registry), corrections, the log page by page and follow-ups.
 * The link from a call to a case is {@link CallCaseLinks}.
 *
 * <p>Only hotline users ({@link HotlineUsers}) call these methods, and every query is filtered by
 * their organisation in the database: the calls of one NGO never reach another organisation here.
 */
@Stateless
@StoredBeforeReturn
public class HotlineService {

  /**
   * How far ahead of the server's clock a call's time may lie (clocks of staff computers drift).
   */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private HotlineRecords records;
  @Inject private JobOfferChecks checks;
  @Inject private CallCaseLinks caseLinks;
  @Inject private AuditTrail audit;

  /**
   * One line of the call log.
   *
   * @param id call id
   * @param version its optimistic-lock version
   * @param calledAt when (UTC)
   * @param durationMinutes minutes, or {@code null}
   * @param channel channel
   * @param callerType who called
   * @param language language, or {@code null}
   * @param purpose why
   * @param summary summary, or {@code null}
   * @param outcome what was done, or {@code null}
   * @param followUpOn follow-up day, or {@code null}
   * @param followedUp whether the follow-up was done
   * @param takenBy who took the call
   * @param callerAlias the caller's alias, or {@code null}
   * @param callerContact the caller's contact, or {@code null}
   * @param caseId the linked case, or {@code null}
   * @param caseCode its code, or {@code null}
   * @param check the job-offer check of the call, or {@code null}
   */
  public record CallRow(
      long id,
      long version,
      Instant calledAt,
      Integer durationMinutes,
      CallChannel channel,
      CallerType callerType,
      CallLanguage language,
      CallPurpose purpose,
      String summary,
      String outcome,
      LocalDate followUpOn,
      boolean followedUp,
      String takenBy,
      String callerAlias,
      String callerContact,
      Long caseId,
      String caseCode,
      CheckLine check)
      implements Serializable {}

  /** Columns the call log sorts by. */
  public enum SortColumn {
    /** When the call began (the default, newest first). */
    CALLED_AT,
    /** Purpose. */
    PURPOSE,
    /** Channel. */
    CHANNEL
  }

  /**
   * A page of the call log.
   *
   * @param first index of the first row, 0 or more
   * @param pageSize rows per page, 1–500
   * @param sortBy sort column
   * @param ascending sort direction
   * @param purpose only this purpose, or {@code null}
   * @param channel only this channel, or {@code null}
   * @param callerAlias only callers whose alias contains this text (any case), or {@code null}
   */
  public record CallQuery(
      int first,
      int pageSize,
      SortColumn sortBy,
      boolean ascending,
      CallPurpose purpose,
      CallChannel channel,
      String callerAlias)
      implements Serializable {}

  /**
   * Records a call and its job-offer check; the check files its employer and agency in the
   * organisation's registry (a new entry for a name not met before, under its match key).
   *
   * @param viewer a hotline user; her organisation owns the record and she is shown as having taken
   *     the call
   * @param form the call
   * @return the call's id
   * @throws InvalidRequestException {@code hotline.error.*} for bad input, nothing stored
   * @throws rs.astra.nrm.organisation.NotPermittedException for other users
   * @throws rs.astra.nrm.consent.AccessDeniedException when a case to link is not hers to update
   *     (recorded)
   */
  public long record(Viewer viewer, NewCallForm form) {
    HotlineUsers.require(viewer);
    if (form.channel() == null || form.callerType() == null || form.purpose() == null) {
      throw new InvalidRequestException("hotline.error.incomplete");
    }
    Instant now = Instant.now();
    Instant calledAt = form.calledAt() == null ? now : form.calledAt();
    if (calledAt.isAfter(now.plus(CLOCK_SKEW))) {
      throw new InvalidRequestException("hotline.error.futureTime");
    }
    LocalDate day = calledAt.atZone(NrmTime.ZONE).toLocalDate();
    if (form.followUpOn() != null && form.followUpOn().isBefore(day)) {
      throw new InvalidRequestException("hotline.error.followUpBeforeCall");
    }
    String contact = HotlineRecords.text(form.callerContact());
    if (contact != null && !form.callerAgreed()) {
      throw new InvalidRequestException("hotline.error.contactNeedsAgreement");
    }
    HotlineCall call =
        new HotlineCall(
            em.find(PortalUser.class, viewer.userId()),
            calledAt,
            form.channel(),
            form.callerType(),
            form.purpose(),
            now);
    try {
      call.describe(
          form.durationMinutes(),
          form.language(),
          HotlineRecords.text(form.summary()),
          HotlineRecords.text(form.outcome()),
          form.followUpOn());
      call.identifyCaller(HotlineRecords.text(form.callerAlias()), contact, form.callerAgreed());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("hotline.error.invalid");
    }
    em.persist(call);
    if (form.check() != null) {
      checks.record(call, form.check(), day);
    }
    if (HotlineRecords.text(form.caseCode()) != null) {
      caseLinks.link(viewer, call, HotlineRecords.text(form.caseCode()), now);
    }
    em.flush();
    return call.getId();
  }

  /**
   * Records a call and opens a case from it in one step (see {@link #record} and {@link
   * #openCase}).
   *
   * @param viewer an NGO caseworker or coordinator
   * @param form the call
   * @return the new case's id
   * @throws InvalidRequestException as {@link #record} and {@link CallCaseLinks#openCase}; nothing
   *     is stored then
   */
  public long recordAndOpenCase(Viewer viewer, NewCallForm form) {
    if (viewer.role().readsNoCaseData()) {
      throw new InvalidRequestException("hotline.error.caseworkersOnly");
    }
    long callId = record(viewer, form);
    return caseLinks.openCase(viewer, callId, em.find(HotlineCall.class, callId).getVersion());
  }

  /**
   * A correction of a call's record: what the operator may change after the call, when she finds a
   * mistake. The time of the call, who took it, the caller's alias and contact (kept only with her
   * agreement), the job-offer check and the link to a case are not changed here.
   *
   * @param channel how it came
   * @param callerType who called
   * @param purpose why
   * @param durationMinutes length, 0–600 minutes, may be {@code null}
   * @param language the language spoken, may be {@code null}
   * @param summary what was said, up to 4000 characters, may be blank
   * @param outcome what was done or advised, up to 2000 characters, may be blank
   * @param followUpOn day to follow up, not before the call's day, may be {@code null}
   */
  public record CallCorrectionForm(
      CallChannel channel,
      CallerType callerType,
      CallPurpose purpose,
      Integer durationMinutes,
      CallLanguage language,
      String summary,
      String outcome,
      LocalDate followUpOn)
      implements Serializable {}

  /**
   * Corrects a call's record; the correction is kept in the activity record (who, when, which call;
   * never what the call says).
   *
   * @param viewer a hotline user of the call's organisation
   * @param callId the call
   * @param version the call's version the user saw
   * @param form the corrected fields
   * @throws InvalidRequestException {@code hotline.error.callNotFound}, {@code
   *     hotline.error.incomplete}, {@code hotline.error.followUpBeforeCall} or {@code
   *     hotline.error.invalid}; nothing changed
   * @throws ConcurrentUpdateException when the call changed meanwhile
   * @throws rs.astra.nrm.organisation.NotPermittedException for other users
   */
  public void correct(Viewer viewer, long callId, long version, CallCorrectionForm form) {
    HotlineCall call = records.ownCall(viewer, callId, version);
    if (form == null
        || form.channel() == null
        || form.callerType() == null
        || form.purpose() == null) {
      throw new InvalidRequestException("hotline.error.incomplete");
    }
    LocalDate day = call.getCalledAt().atZone(NrmTime.ZONE).toLocalDate();
    if (form.followUpOn() != null && form.followUpOn().isBefore(day)) {
      throw new InvalidRequestException("hotline.error.followUpBeforeCall");
    }
    try {
      // The call's own rule on duration and text lengths, as when it was recorded; it checks
      // before it changes anything.
      call.describe(
          form.durationMinutes(),
          form.language(),
          HotlineRecords.text(form.summary()),
          HotlineRecords.text(form.outcome()),
          form.followUpOn());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("hotline.error.invalid");
    }
    call.reclassify(form.channel(), form.callerType(), form.purpose());
    audit.recordActivity(
        viewer,
        Instant.now(),
        ActivityRecord.Kind.HOTLINE_CALL_CORRECTED,
        null,
        call.getId(),
        null,
        null);
    em.flush();
  }

  /**
   * Records that a call's follow-up was done.
   *
   * @param viewer a hotline user of the call's organisation
   * @param callId the call
   * @param version the call's version the user saw
   * @throws InvalidRequestException {@code hotline.error.callNotFound} or {@code
   *     hotline.error.noFollowUp}
   * @throws ConcurrentUpdateException when the call changed meanwhile
   */
  public void markFollowedUp(Viewer viewer, long callId, long version) {
    HotlineCall call = records.ownCall(viewer, callId, version);
    try {
      call.markFollowedUp(Instant.now());
    } catch (IllegalStateException e) {
      throw new InvalidRequestException("hotline.error.noFollowUp");
    }
    em.flush();
  }

  /**
   * One call of the organisation's call log, as {@link #list} shows it (with its job-offer check),
   * for a caller that reads back what it recorded (the REST API's {@code GET} of a call). Filtered
   * by the viewer's organisation in the database, as the call log is; a call concerns no case, so
   * its read is not an audited read of a case (as on the call page).
   *
   * @param viewer a hotline user
   * @param callId the call
   * @return the call, or empty when there is none of her organisation with that id
   * @throws rs.astra.nrm.organisation.NotPermittedException for other users
   */
  public java.util.Optional<CallRow> call(Viewer viewer, long callId) {
    HotlineUsers.require(viewer);
    return em.createQuery(
            "select c from HotlineCall c join fetch c.takenBy left join fetch c.caseFile"
                + " where c.id = :id and c.organisation.id = :org",
            HotlineCall.class)
        .setParameter("id", callId)
        .setParameter("org", viewer.organisationId())
        .getResultStream()
        .findFirst()
        .map(c -> HotlineRecords.row(c, records.checksOf(List.of(c.getId())).get(c.getId()), true));
  }

  /**
   * One page of the organisation's call log.
   *
   * @param viewer a hotline user
   * @param query page, order and filters
   * @return at most {@code query.pageSize()} rows
   * @throws rs.astra.nrm.organisation.NotPermittedException for other users
   */
  public List<CallRow> list(Viewer viewer, CallQuery query) {
    HotlineUsers.require(viewer);
    String order =
        switch (query.sortBy() == null ? SortColumn.CALLED_AT : query.sortBy()) {
          case PURPOSE -> "c.purpose";
          case CHANNEL -> "c.channel";
          case CALLED_AT -> "c.calledAt";
        };
    String direction = query.ascending() ? " asc" : " desc";
    TypedQuery<HotlineCall> q =
        em.createQuery(
            "select c from HotlineCall c join fetch c.takenBy left join fetch c.caseFile"
                + where(query)
                + " order by "
                + order
                + direction
                + ", c.id"
                + direction,
            HotlineCall.class);
    bind(q, viewer, query);
    List<HotlineCall> page =
        q.setFirstResult(Math.max(0, query.first()))
            .setMaxResults(Math.max(1, Math.min(500, query.pageSize())))
            .getResultList();
    Map<Long, CheckLine> checks = records.checksOf(page.stream().map(HotlineCall::getId).toList());
    List<CallRow> rows = new ArrayList<>(page.size());
    for (HotlineCall c : page) {
      rows.add(HotlineRecords.row(c, checks.get(c.getId()), true));
    }
    return rows;
  }

  /**
   * Counts the organisation's calls with the query's filters (paging ignored).
   *
   * @param viewer a hotline user
   * @param query the filters
   * @return the number of rows {@link #list} can page through
   */
  public long count(Viewer viewer, CallQuery query) {
    HotlineUsers.require(viewer);
    TypedQuery<Long> q =
        em.createQuery("select count(c) from HotlineCall c" + where(query), Long.class);
    bind(q, viewer, query);
    return q.getSingleResult();
  }

  private static String where(CallQuery query) {
    StringBuilder w = new StringBuilder(" where c.organisation.id = :org");
    if (query.purpose() != null) {
      w.append(" and c.purpose = :purpose");
    }
    if (query.channel() != null) {
      w.append(" and c.channel = :channel");
    }
    if (HotlineRecords.text(query.callerAlias()) != null) {
      w.append(" and lower(c.callerAlias) like :alias escape '!'");
    }
    return w.toString();
  }

  private static void bind(TypedQuery<?> q, Viewer viewer, CallQuery query) {
    q.setParameter("org", viewer.organisationId());
    if (query.purpose() != null) {
      q.setParameter("purpose", query.purpose());
    }
    if (query.channel() != null) {
      q.setParameter("channel", query.channel());
    }
    if (HotlineRecords.text(query.callerAlias()) != null) {
      String escaped =
          HotlineRecords.text(query.callerAlias())
              .toLowerCase(Locale.ROOT)
              .replace("!", "!!")
              .replace("%", "!%")
              .replace("_", "!_");
      q.setParameter("alias", "%" + escaped + "%");
    }
  }

  /**
   * The follow-ups due: calls of the organisation whose follow-up day has come and that nobody
   * followed up yet, oldest first.
   *
   * @param viewer a hotline user (others get an empty list)
   * @param max at most this many, 1–50
   * @return the calls
   */
  public List<CallRow> followUpsDue(Viewer viewer, int max) {
    if (!HotlineUsers.isHotlineUser(viewer)) {
      return List.of();
    }
    LocalDate today = NrmTime.today();
    List<HotlineCall> due =
        em.createQuery(
                "select c from HotlineCall c join fetch c.takenBy left join fetch c.caseFile where c.organisation.id = :org"
                    + " and c.followUpOn <= :today and c.followedUpAt is null order by c.followUpOn, c.id",
                HotlineCall.class)
            .setParameter("org", viewer.organisationId())
            .setParameter("today", today)
            .setMaxResults(Math.max(1, Math.min(50, max)))
            .getResultList();
    Map<Long, CheckLine> checks = records.checksOf(due.stream().map(HotlineCall::getId).toList());
    return due.stream().map(c -> HotlineRecords.row(c, checks.get(c.getId()), true)).toList();
  }
}
