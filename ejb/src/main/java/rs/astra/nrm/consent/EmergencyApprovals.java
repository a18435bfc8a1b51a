package rs.astra.nrm.consent;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import rs.astra.nrm.audit.ActivityRecord;
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.organisation.NotPermittedException;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * Emergency access beyond the daily limit (issue 15): the attempt is kept as a request for the data
 * protection officer of the organisation that owns the case ({@link EmergencyAccessRequest}); she
 * approves it — the emergency access opens for its four hours, if every other bound of {@link
 * AccessPolicy#decideEmergencyAccess} still holds — or rejects it. Who may decide is the policy's
 * ({@link AccessPolicy#mayDecideEmergencyRequest}); every decision is in the activity record and an
 * opened access in the audit trail like any other.
 */
@Stateless
@StoredBeforeReturn
public class EmergencyApprovals {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessPolicy policy;
  @Inject private AuditTrail audit;
  @Inject private UserDirectory directory;
  @Inject private rs.astra.nrm.notification.Notifications notifications;

  /**
   * A pending request as the data protection officer sees it: the case by its code, who asks, what
   * and why — no other data of the case.
   *
   * @param id the request
   * @param version its version, for optimistic locking
   * @param caseCode the case's code
   * @param user who asks (display name)
   * @param organisation her organisation
   * @param category the category asked for
   * @param reason her reason
   * @param vitalInterest whether she confirmed a threat to life or health
   * @param requestedAt when (UTC)
   */
  public record PendingRequest(
      long id,
      long version,
      String caseCode,
      String user,
      String organisation,
      DataCategory category,
      String reason,
      boolean vitalInterest,
      Instant requestedAt)
      implements Serializable {}

  /**
   * Keeps an emergency access refused for the daily limit as a request, in a transaction of its own
   * (the refusal that follows rolls the caller's back). A second identical request while one is
   * pending is not kept twice.
   *
   * @param viewer who asked
   * @param caseId the case
   * @param category the category
   * @param reason her reason, already accepted by the reason rules
   * @param vitalInterest whether she confirmed a threat to life or health
   * @param at when (UTC)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void submit(
      Viewer viewer,
      long caseId,
      DataCategory category,
      String reason,
      boolean vitalInterest,
      Instant at) {
    long pending =
        em.createQuery(
                "select count(r) from EmergencyAccessRequest r where r.caseFile.id = :c and r.user.id = :u and r.category = :k and r.state = :pending",
                Long.class)
            .setParameter("c", caseId)
            .setParameter("u", viewer.userId())
            .setParameter("k", category)
            .setParameter("pending", EmergencyAccessRequest.State.PENDING)
            .getSingleResult();
    if (pending == 0) {
      em.persist(
          new EmergencyAccessRequest(
              em.find(CaseFile.class, caseId),
              em.find(PortalUser.class, viewer.userId()),
              category,
              reason,
              vitalInterest,
              at));
    }
  }

  /**
   * The pending requests on the cases the officer's organisation owns, oldest first.
   *
   * @param officer a data protection officer (anyone else gets none)
   * @return the requests
   */
  public List<PendingRequest> pending(Viewer officer) {
    if (officer.role() != rs.astra.nrm.organisation.PortalRole.DPO) {
      return List.of();
    }
    return em
        .createNamedQuery(
            EmergencyAccessRequest.FIND_PENDING_FOR_OWNER, EmergencyAccessRequest.class)
        .setParameter("organisationId", officer.organisationId())
        .setMaxResults(200)
        .getResultList()
        .stream()
        .map(
            r ->
                new PendingRequest(
                    r.getId(),
                    r.getVersion(),
                    r.getCaseFile().getCode(),
                    r.getUser().getDisplayName(),
                    r.getUser().getOrganisation().getName(),
                    r.getCategory(),
                    r.getReason(),
                    r.isVitalInterest(),
                    r.getRequestedAt()))
        .toList();
  }

  /**
   * Approves a request: the emergency access opens for the requester now, for four hours.
   *
   * @param officer the data protection officer of the organisation that owns the case
   * @param requestId the request
   * @param version the version she saw
   * @return the emergency access opened
   * @throws NotPermittedException for anyone else
   * @throws InvalidRequestException {@code emergency.error.decided} when it was decided meanwhile
   * @throws ConcurrentUpdateException when another officer decided it at the same moment
   * @throws InvalidRequestException {@code emergency.error.boundsChanged} when another bound no
   *     longer holds for the requester (the case was closed, the referral ended, one is already
   *     open); the refusal is in the audit trail under the requester
   */
  public long approve(Viewer officer, long requestId, long version) {
    Instant now = Instant.now();
    Pending pending = request(officer, requestId, version);
    EmergencyAccessRequest r = pending.request();
    long caseId = r.getCaseFile().getId();
    CaseFacts f = pending.facts();
    Viewer requester =
        directory
            .viewerFor(r.getUser().getUsername())
            .orElseThrow(() -> new InvalidRequestException("emergency.error.requesterGone"));
    // Every bound again, for the requester, as of now; only the daily limit is the officer's to
    // lift.
    Decision d =
        policy.decideEmergencyAccess(
            requester,
            f,
            r.getCategory(),
            new AccessPolicy.EmergencyRequest(
                r.getReason(), r.isVitalInterest(), 0, Integer.MAX_VALUE),
            now);
    if (!d.permitted()) {
      audit.record(
          requester,
          now,
          List.of(
              new AuditTrail.Entry(caseId, f.personId(), r.getCategory(), AccessAction.READ, d)));
      // Said to the officer in her terms: the requester may no longer open it (not "your
      // organisation").
      throw new InvalidRequestException("emergency.error.boundsChanged");
    }
    boolean vitalInterest = AccessPolicy.VITAL_INTEREST.equals(d.basisRef());
    BreakGlassAccess access =
        new BreakGlassAccess(
            r.getCaseFile(), r.getUser(), r.getCategory(), r.getReason(), now, vitalInterest);
    em.persist(access);
    em.flush();
    r.approve(officer.userId(), now, access.getId());
    em.persist(
        CaseEvent.now(
            caseId, CaseEvent.Type.EMERGENCY_ACCESS, requester.actor(), r.getCategory().name()));
    notifications.tell(
        rs.astra.nrm.notification.NotificationKind.EMERGENCY_ACCESS_OPENED,
        caseId,
        r.getCaseFile().getCode(),
        f.ownerOrganisationId(),
        r.getUser().getOrganisation().getName());
    audit.record(
        requester,
        now,
        List.of(
            new AuditTrail.Entry(
                caseId,
                f.personId(),
                r.getCategory(),
                AccessAction.READ,
                Decision.permit(
                    AccessBasis.BREAK_GLASS,
                    access.getId()
                        + " DPO "
                        + officer.userId()
                        + (vitalInterest ? " " + AccessPolicy.VITAL_INTEREST : ""),
                    Decision.Scope.ALL_RECORDS))));
    audit.recordActivity(
        officer,
        now,
        ActivityRecord.Kind.EMERGENCY_REQUEST_APPROVED,
        null,
        r.getId(),
        "case " + caseId + " " + r.getCategory().name(),
        null);
    em.flush();
    return access.getId();
  }

  /**
   * Rejects a request: nothing opens.
   *
   * @param officer the data protection officer of the organisation that owns the case
   * @param requestId the request
   * @param version the version she saw
   * @throws NotPermittedException for anyone else
   * @throws InvalidRequestException {@code emergency.error.decided} when it was decided meanwhile
   * @throws ConcurrentUpdateException when another officer decided it at the same moment
   */
  public void reject(Viewer officer, long requestId, long version) {
    Instant now = Instant.now();
    EmergencyAccessRequest r = request(officer, requestId, version).request();
    r.reject(officer.userId(), now);
    audit.recordActivity(
        officer,
        now,
        ActivityRecord.Kind.EMERGENCY_REQUEST_REJECTED,
        null,
        r.getId(),
        "case " + r.getCaseFile().getId() + " " + r.getCategory().name(),
        null);
    em.flush();
  }

  /** A request the officer may decide, with the facts of its case as loaded for that decision. */
  private record Pending(EmergencyAccessRequest request, CaseFacts facts) {}

  private Pending request(Viewer officer, long requestId, long version) {
    EmergencyAccessRequest r = em.find(EmergencyAccessRequest.class, requestId);
    CaseFacts f = r == null ? null : caseAccess.facts(r.getCaseFile().getId()).orElseThrow();
    // A request on another organisation's case and one that does not exist look the same.
    if (r == null || !policy.mayDecideEmergencyRequest(officer, f)) {
      throw new NotPermittedException("emergency access request");
    }
    if (r.getState() != EmergencyAccessRequest.State.PENDING) {
      throw new InvalidRequestException("emergency.error.decided");
    }
    if (r.getVersion() != version) {
      throw new ConcurrentUpdateException("emergency access request");
    }
    return new Pending(r, f);
  }
}
