package rs.astra.nrm.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.DataCategory;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.organisation.Viewer;

/**
 * Writes audit records of access decisions. Only appends: the application has no code that updates
 * or deletes an audit record. Each call writes in its own transaction, so a deny is recorded even
 * when the caller's transaction then rolls back.
 */
@Stateless
public class AuditTrail {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private Instance<RequestId> requestId;

  /**
   * One decision to record.
   *
   * @param caseId the case
   * @param personId its data subject
   * @param category the category
   * @param action the action
   * @param decision the policy's decision
   */
  public record Entry(long caseId, long personId, DataCategory category, AccessAction action, Decision decision) {}

  /**
   * Appends records for decisions taken for one viewer at one instant.
   *
   * @param viewer who asked
   * @param at when (UTC)
   * @param entries the decisions; an empty list writes nothing
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(Viewer viewer, Instant at, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    String request = currentRequestId();
    for (Entry e : entries) {
      em.persist(
          new AuditRecord(
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
              e.decision().basisRef(),
              request));
    }
  }

  private String currentRequestId() {
    try {
      return requestId.get().value();
    } catch (ContextNotActiveException e) {
      // Outside an HTTP request (start-up, timers) every call is a request of its own.
      return UUID.randomUUID().toString();
    }
  }
}
