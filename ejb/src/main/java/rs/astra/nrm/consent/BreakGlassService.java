package rs.astra.nrm.consent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * Emergency (break-glass) access: a user of an organisation to which a case is referred opens one
 * category without consent, to protect a vital interest, giving a reason; it lasts 4 hours. The
 * opening is audited (as a deny when refused), every read under it is audited as BREAK_GLASS, and
 * the owning organisation sees it.
 */
@Stateless
@StoredBeforeReturn
public class BreakGlassService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseFactsLoader facts;
  @Inject private AccessPolicy policy;
  @Inject private AuditTrail audit;
  @Inject private rs.astra.nrm.casefile.CaseTimeline timeline;

  /**
   * Opens an emergency access.
   *
   * @param viewer who needs the data
   * @param caseId the case
   * @param category the personal category
   * @param reason why, at least 20 characters
   * @return the new access's id
   * @throws AccessDeniedException when refused (not referred, reason too short, administrator,
   *     owner); the refusal is in the audit trail
   */
  public long open(Viewer viewer, long caseId, DataCategory category, String reason) {
    Instant now = Instant.now();
    CaseFacts f = facts.load(caseId).orElseThrow(() -> new AccessDeniedException(category, AccessAction.READ, DenyReason.NOT_REFERRED));
    Decision d = policy.decideEmergencyAccess(viewer, f, category, reason);
    if (!d.permitted()) {
      audit.record(viewer, now, List.of(new AuditTrail.Entry(caseId, f.personId(), category, AccessAction.READ, d)));
      throw new AccessDeniedException(category, AccessAction.READ, d.denyReason());
    }
    BreakGlassAccess access = new BreakGlassAccess(em.find(CaseFile.class, caseId), em.find(PortalUser.class, viewer.userId()), category, reason, now);
    em.persist(access);
    em.flush();
    timeline.record(caseId, viewer, rs.astra.nrm.casefile.CaseEvent.Type.EMERGENCY_ACCESS, category.name());
    audit.record(
        viewer,
        now,
        List.of(
            new AuditTrail.Entry(
                caseId, f.personId(), category, AccessAction.READ, Decision.permit(AccessBasis.BREAK_GLASS, String.valueOf(access.getId()), Decision.Scope.ALL_RECORDS))));
    return access.getId();
  }

  /**
   * One emergency access to a case of the viewer's organisation, for its dashboard.
   *
   * @param id the access
   * @param caseId the case
   * @param caseCode its code
   * @param user who opened it
   * @param organisation her organisation
   * @param category what was opened
   * @param reason why
   * @param openedAt when (UTC)
   * @param expiresAt until when (UTC)
   */
  public record OwnerAlert(
      long id, long caseId, String caseCode, String user, String organisation, DataCategory category, String reason, Instant openedAt, Instant expiresAt)
      implements Serializable {}

  /**
   * The emergency accesses to the cases the viewer's organisation owns, newest first.
   *
   * @param viewer a user of the owning organisation (administrators get none)
   * @param max at most this many, 1–200
   * @return the accesses
   */
  public List<OwnerAlert> accessesToMyCases(Viewer viewer, int max) {
    if (viewer.role().readsNoCaseData()) {
      return List.of();
    }
    return em.createNamedQuery(BreakGlassAccess.FIND_BY_OWNER, BreakGlassAccess.class)
        .setParameter("organisationId", viewer.organisationId())
        .setMaxResults(Math.max(1, Math.min(200, max)))
        .getResultList()
        .stream()
        .map(
            b ->
                new OwnerAlert(
                    b.getId(),
                    b.getCaseFile().getId(),
                    b.getCaseFile().getCode(),
                    b.getUser().getDisplayName(),
                    b.getUser().getOrganisation().getName(),
                    b.getCategory(),
                    b.getReason(),
                    b.getOpenedAt(),
                    b.getExpiresAt()))
        .toList();
  }
}
