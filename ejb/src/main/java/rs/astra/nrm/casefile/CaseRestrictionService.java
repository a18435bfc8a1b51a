package rs.astra.nrm.casefile;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.organisation.NotPermittedException;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.rights.CaseRestriction;
import rs.astra.nrm.rights.DataSubjectRequest;
import rs.astra.nrm.rights.RequestKind;
import rs.astra.nrm.shared.InvalidRequestException;

/**
 * Restriction of processing of a case (issue 21; GDPR Art. 18; ZZPL art. 31): a coordinator of the
 * owning organisation or its data protection officer restricts a case, with a reason and optionally
 * the data-subject request of kind restriction it answers, and lifts it again with a reason. What a
 * restriction does is decided by {@code AccessPolicy} alone (the case's {@code restricted} flag):
 * only the owner's coordinators read it, nobody updates, shares or exports it, its referrals are
 * suspended; statistics still count it. Each restriction and its lifting are kept in {@link
 * CaseRestriction} and on the case's timeline (without the reason, which may name the person).
 */
@Stateless
public class CaseRestrictionService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private CaseTimeline timeline;

  /**
   * Whether a user may restrict the case or lift its restriction.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return {@code true} for the owner's coordinators and data protection officer
   */
  public boolean mayRestrict(Viewer viewer, long caseId) {
    return caseAccess.facts(caseId).map(f -> enforcer.mayRestrict(viewer, f)).orElse(false);
  }

  /**
   * Whether the case is restricted, for a user whose organisation owns it or has (had) a referral
   * of it ({@link rs.astra.nrm.consent.AccessPolicy#seesRestrictionNotice}): so that a recipient's
   * link to the case says "restricted" and nothing more, instead of "not found".
   *
   * @param viewer who asks
   * @param caseId the case
   * @return {@code true} when restricted and the viewer's organisation is the owner or a recipient
   */
  public boolean isRestrictedFor(Viewer viewer, long caseId) {
    return caseAccess
        .facts(caseId)
        .filter(f -> enforcer.seesRestrictionNotice(viewer, f))
        .isPresent();
  }

  /**
   * Restricts processing of a case.
   *
   * @param viewer a coordinator of the owning organisation, or its data protection officer
   * @param caseId the case
   * @param reason why (1–2000 characters)
   * @param requestId the data-subject request of kind {@link RequestKind#RESTRICTION} of the same
   *     case it answers, or {@code null}
   * @throws NotPermittedException for anybody else
   * @throws InvalidRequestException {@code restriction.error.already} when it is restricted, {@code
   *     restriction.error.reason} for a blank or too long reason, {@code restriction.error.request}
   *     for a request that is not a restriction request of this case
   */
  public void restrict(Viewer viewer, long caseId, String reason, Long requestId) {
    CaseFile c = lockedCase(viewer, caseId, "restrict a case");
    if (c.isRestricted()) {
      throw new InvalidRequestException("restriction.error.already");
    }
    if (requestId != null) {
      DataSubjectRequest r = em.find(DataSubjectRequest.class, requestId);
      if (r == null || r.getCaseId() != caseId || r.getKind() != RequestKind.RESTRICTION) {
        throw new InvalidRequestException("restriction.error.request");
      }
    }
    Instant now = Instant.now();
    CaseRestriction restriction;
    try {
      restriction = new CaseRestriction(caseId, requestId, viewer.userId(), now, reason);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("restriction.error.reason");
    }
    c.markRestricted(now);
    em.persist(restriction);
    em.flush();
    caseAccess.changed();
    timeline.record(caseId, viewer, CaseEvent.Type.CASE_RESTRICTED, null);
  }

  /**
   * Lifts the restriction of a case.
   *
   * @param viewer a coordinator of the owning organisation, or its data protection officer
   * @param caseId the case
   * @param reason why (1–2000 characters)
   * @throws NotPermittedException for anybody else
   * @throws InvalidRequestException {@code restriction.error.notRestricted} when it is not
   *     restricted, {@code restriction.error.reason} for a blank or too long reason
   */
  public void lift(Viewer viewer, long caseId, String reason) {
    CaseFile c = lockedCase(viewer, caseId, "lift a restriction");
    if (!c.isRestricted()) {
      throw new InvalidRequestException("restriction.error.notRestricted");
    }
    List<CaseRestriction> all =
        em.createNamedQuery(CaseRestriction.OF_CASE, CaseRestriction.class)
            .setParameter("caseId", caseId)
            .getResultList();
    CaseRestriction standing =
        all.stream().filter(r -> r.getLiftedAt() == null).reduce((a, b) -> b).orElseThrow();
    try {
      standing.lift(viewer.userId(), Instant.now(), reason);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("restriction.error.reason");
    }
    c.markRestricted(null);
    em.flush();
    caseAccess.changed();
    timeline.record(caseId, viewer, CaseEvent.Type.RESTRICTION_LIFTED, null);
  }

  /**
   * Every restriction of a case, oldest first, for those who may restrict it.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return the lines; empty for anybody else
   */
  public List<RestrictionLine> history(Viewer viewer, long caseId) {
    if (!mayRestrict(viewer, caseId)) {
      return List.of();
    }
    return em
        .createNamedQuery(CaseRestriction.OF_CASE, CaseRestriction.class)
        .setParameter("caseId", caseId)
        .getResultList()
        .stream()
        .map(
            r ->
                new RestrictionLine(
                    nameOf(r.getRestrictedBy()),
                    r.getRestrictedAt(),
                    r.getReason(),
                    r.getRequestId(),
                    r.getLiftedBy() == null ? null : nameOf(r.getLiftedBy()),
                    r.getLiftedAt(),
                    r.getLiftReason()))
        .toList();
  }

  private String nameOf(long userId) {
    PortalUser u = em.find(PortalUser.class, userId);
    return u == null ? "?" : u.getDisplayName();
  }

  /** The case, locked against a concurrent restriction or lifting, after the permission check. */
  private CaseFile lockedCase(Viewer viewer, long caseId, String action) {
    CaseFacts facts = caseAccess.facts(caseId).orElse(null);
    if (facts == null || !enforcer.mayRestrict(viewer, facts)) {
      throw new NotPermittedException(action);
    }
    // The flag changes under a pessimistic lock: two coordinators restricting at once make one
    // restriction, the second is told it is restricted already.
    return em.find(CaseFile.class, caseId, LockModeType.PESSIMISTIC_WRITE);
  }
}
