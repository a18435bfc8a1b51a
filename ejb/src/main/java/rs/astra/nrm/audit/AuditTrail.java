package rs.astra.nrm.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * Writes audit records of access decisions ({@link AuditRecord}, one per person and category) and
 * of acts that concern no single person ({@link ActivityRecord}: administration, list exports).
 * Only appends: the application has no code that updates or deletes either. Each access decision is
 * written in its own transaction, so a deny is recorded even when the caller's transaction then
 * rolls back; the records of one call go to the database in one JDBC batch, numbered by {@link
 * AuditIdBlocks}.
 */
@Stateless
@StoredBeforeReturn
public class AuditTrail {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private Instance<RequestId> requestId;

  @Inject private AuditIdBlocks idBlocks;

  /**
   * One decision to record.
   *
   * @param caseId the case
   * @param personId its data subject
   * @param category the category
   * @param action the action
   * @param decision the policy's decision
   * @param documentId the case document asked for (issue 17), or {@code null}
   */
  public record Entry(
      long caseId,
      long personId,
      DataCategory category,
      AccessAction action,
      Decision decision,
      Long documentId) {

    /**
     * A decision about a category of a case, not about one document.
     *
     * @param caseId the case
     * @param personId its data subject
     * @param category the category
     * @param action the action
     * @param decision the policy's decision
     */
    public Entry(
        long caseId, long personId, DataCategory category, AccessAction action, Decision decision) {
      this(caseId, personId, category, action, decision, null);
    }
  }

  /**
   * Appends records for decisions taken for one viewer at one instant.
   *
   * @param viewer who asked
   * @param at when (UTC)
   * @param entries the decisions; an empty list writes nothing
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(Viewer viewer, Instant at, List<Entry> entries) {
    List<Entry> fresh = firstInThisPageView(entries);
    if (!fresh.isEmpty()) {
      write(viewer, at, fresh);
    }
  }

  private void write(Viewer viewer, Instant at, List<Entry> entries) {
    String request = currentRequestId();
    RequestId current = activeRequest();
    boolean api = current != null && current.isApiCall();
    String client = api ? current.apiClient() : null;
    long[] ids = idBlocks.take(entries.size(), this::nextBlockTop);
    int i = 0;
    for (Entry e : entries) {
      AuditRecord record =
          new AuditRecord(
              ids[i++],
              at,
              viewer.userId(),
              viewer.username(),
              viewer.organisationId(),
              e.caseId(),
              e.personId(),
              e.category(),
              e.action(),
              e.decision().permitted(),
              e.decision().basis(),
              // A refusal keeps its reason (e.g. CASE_CLOSED) where a permit keeps its reference.
              e.decision().permitted() || e.decision().denyReason() == null
                  ? e.decision().basisRef()
                  : e.decision().denyReason().name(),
              request,
              e.documentId());
      em.persist(api ? record.throughApi(client) : record);
    }
  }

  /**
   * Appends the record of an act that concerns no single data subject: an administrator's change to
   * an organisation or user, or the export of a list. Joins the caller's transaction, so that an
   * administrator's change and its record are stored together or not at all.
   *
   * @param viewer who acted
   * @param at when (UTC)
   * @param kind what she did
   * @param action the access action ({@link AccessAction#EXPORT} for an export), or {@code null}
   * @param subjectId the organisation or user acted on, or {@code null}
   * @param detail codes only (types, roles, list and format), at most 200 characters; never
   *     personal data
   * @param rows the number of rows exported, or {@code null}
   */
  public void recordActivity(
      Viewer viewer,
      Instant at,
      ActivityRecord.Kind kind,
      AccessAction action,
      Long subjectId,
      String detail,
      Integer rows) {
    em.persist(
        new ActivityRecord(
            at,
            viewer.userId(),
            viewer.username(),
            viewer.organisationId(),
            kind,
            action,
            subjectId,
            detail,
            rows,
            currentRequestId()));
  }

  /**
   * The entries without the permits already recorded while drawing the current page (same case,
   * category, action, basis and reference): one page view leaves one record per category read,
   * however many of its sections read it — the case timeline's events repeat the support plan's
   * SOCIAL and HEALTH data. Refusals are always kept; outside a page view (a service called
   * directly, start-up, timers) every entry is kept.
   */
  private List<Entry> firstInThisPageView(List<Entry> entries) {
    RequestId current = activeRequest();
    if (current == null || !current.isPageView()) {
      return entries;
    }
    return entries.stream()
        .filter(e -> !e.decision().permitted() || current.firstPermit(permitKey(e)))
        .toList();
  }

  private static String permitKey(Entry e) {
    return e.caseId()
        + "|"
        + e.category()
        + "|"
        + e.action()
        + "|"
        + e.decision().basis()
        + "|"
        + e.decision().basisRef()
        + "|"
        + e.documentId();
  }

  private RequestId activeRequest() {
    try {
      RequestId current = requestId.get();
      current.value();
      return current;
    } catch (ContextNotActiveException e) {
      return null;
    }
  }

  /** The top of a new block of {@code audit_record_seq} ({@link AuditIdBlocks}). */
  private long nextBlockTop() {
    // COMMIT: nothing pending is flushed first (this runs before the records are persisted anyway).
    return ((Number)
            em.createNativeQuery("select nextval('audit_record_seq')")
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult())
        .longValue();
  }

  private String currentRequestId() {
    RequestId current = activeRequest();
    // Outside an HTTP request (start-up, timers) every call is a request of its own.
    return current == null ? UUID.randomUUID().toString() : current.value();
  }
}
