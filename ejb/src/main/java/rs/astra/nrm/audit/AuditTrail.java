package rs.astra.nrm.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.operations.DatabaseMigrator;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * Writes audit records of access decisions ({@link AuditRecord}, one per person and category) and
 * of acts that concern no single person ({@link ActivityRecord}: administration, list exports).
 * Only appends: the application has no code that updates or deletes either. Each access decision is
 * written outside the caller's transaction, so a deny is recorded even when the caller's
 * transaction then rolls back: the records of one call go to the database as one multi-row {@code
 * INSERT} that commits by itself (one statement, no {@code BEGIN} and {@code COMMIT} around it;
 * issue 16, statements per page), numbered by {@link AuditIdBlocks}; more than {@value
 * #ROWS_PER_STATEMENT} records go as several such statements in one transaction.
 */
@Stateless
@StoredBeforeReturn
public class AuditTrail {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private Instance<RequestId> requestId;

  @Inject private AuditIdBlocks idBlocks;

  @Resource(lookup = DatabaseMigrator.DATASOURCE)
  private javax.sql.DataSource dataSource;

  /** The most records one {@code INSERT} carries (16 parameters a record, far below the limits). */
  static final int ROWS_PER_STATEMENT = 200;

  private static final String INSERT =
      "insert into audit_record (id, occurred_at, user_id, username, organisation_id,"
          + " case_file_id, person_id, category, action, permitted, basis, basis_ref, request_id,"
          + " document_id, channel, client_id) values ";

  private static final String ONE_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
   * @throws PersistenceException when the database does not take them (nothing of a statement is
   *     stored then; the caller's request fails, so nothing is shown unrecorded)
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
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
    try (Connection c = dataSource.getConnection()) {
      long[] ids = idBlocks.take(entries.size(), () -> nextBlockTop(c));
      List<AuditRecord> records = new ArrayList<>(entries.size());
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
        records.add(api ? record.throughApi(client) : record);
      }
      insert(c, records);
    } catch (SQLException e) {
      throw new PersistenceException("audit records could not be stored", e);
    }
  }

  /**
   * Stores the records: one statement that commits by itself when they fit in one, else all
   * statements in one transaction, so that a call's records are stored together or not at all.
   */
  private static void insert(Connection c, List<AuditRecord> records) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    boolean oneStatement = records.size() <= ROWS_PER_STATEMENT;
    if (autoCommit != oneStatement) {
      c.setAutoCommit(oneStatement);
    }
    try {
      for (int from = 0; from < records.size(); from += ROWS_PER_STATEMENT) {
        List<AuditRecord> part =
            records.subList(from, Math.min(records.size(), from + ROWS_PER_STATEMENT));
        try (PreparedStatement insert = c.prepareStatement(insertOf(part.size()))) {
          int p = 1;
          for (AuditRecord r : part) {
            insert.setLong(p++, r.getId());
            insert.setTimestamp(p++, Timestamp.from(r.getAt()));
            insert.setLong(p++, r.getUserId());
            insert.setString(p++, r.getUsername());
            insert.setLong(p++, r.getOrganisationId());
            insert.setLong(p++, r.getCaseFileId());
            insert.setLong(p++, r.getPersonId());
            insert.setString(p++, r.getCategory().name());
            insert.setString(p++, r.getAction().name());
            insert.setBoolean(p++, r.isPermitted());
            insert.setString(p++, r.getBasis().name());
            insert.setString(p++, r.getBasisRef());
            insert.setString(p++, r.getRequestId());
            if (r.getDocumentId() == null) {
              insert.setNull(p++, Types.BIGINT);
            } else {
              insert.setLong(p++, r.getDocumentId());
            }
            insert.setString(p++, r.getChannel());
            insert.setString(p++, r.getClientId());
          }
          insert.executeUpdate();
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
      throw e;
    } finally {
      if (c.getAutoCommit() != autoCommit) {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  /** The statement for {@code rows} records. */
  static String insertOf(int rows) {
    StringBuilder sql = new StringBuilder(INSERT.length() + rows * (ONE_ROW.length() + 1));
    sql.append(INSERT);
    for (int r = 0; r < rows; r++) {
      sql.append(r == 0 ? "" : ",").append(ONE_ROW);
    }
    return sql.toString();
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
  private static long nextBlockTop(Connection c) {
    try (PreparedStatement next = c.prepareStatement("select nextval('audit_record_seq')");
        ResultSet row = next.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new PersistenceException("no audit record ids", e);
    }
  }

  private String currentRequestId() {
    RequestId current = activeRequest();
    // Outside an HTTP request (start-up, timers) every call is a request of its own.
    return current == null ? UUID.randomUUID().toString() : current.value();
  }
}
