package rs.astra.nrm.consent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.DataCategory;
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

  @Inject private CaseAccess caseAccess;
  @Inject private AccessPolicy policy;
  @Inject private AuditTrail audit;
  @Inject private EmergencyApprovals approvals;
  @Inject private rs.astra.nrm.notification.Notifications notifications;

  /** How many emergency accesses one user may open a day (Europe/Belgrade) without the DPO. */
  @Inject
  @ConfigProperty(name = "nrm.emergency.perUserPerDay", defaultValue = "3")
  private int perUserPerDay;

  /**
   * Opens an emergency access, with no threat to life or health confirmed.
   *
   * @param viewer who needs the data
   * @param caseId the case
   * @param category the personal category
   * @param reason why
   * @return the new access's id
   * @throws AccessDeniedException when refused; see {@link #open(Viewer, long, DataCategory,
   *     String, boolean)}
   */
  public long open(Viewer viewer, long caseId, DataCategory category, String reason) {
    return open(viewer, caseId, category, reason, false);
  }

  /**
   * Opens an emergency access, within the bounds of {@link AccessPolicy#decideEmergencyAccess}.
   *
   * @param viewer who needs the data
   * @param caseId the case
   * @param category the personal category
   * @param reason why, at least 20 visible characters that say something
   * @param threatToLifeOrHealth whether the user confirms a threat to the person's life or health
   *     (GDPR Art. 9(2)(c)); required when the person withdrew her consent for the organisation,
   *     and recorded with the access
   * @return the new access's id
   * @throws AccessDeniedException when refused (closed case, no live referral, reason, one already
   *     open, the daily limit, vital interest not confirmed, administrator, owner); every refusal
   *     is in the audit trail with its reason; beyond the daily limit the attempt also waits for
   *     the owning organisation's data protection officer ({@link EmergencyApprovals})
   */
  public long open(
      Viewer viewer,
      long caseId,
      DataCategory category,
      String reason,
      boolean threatToLifeOrHealth) {
    Instant now = Instant.now();
    CaseFacts f =
        caseAccess
            .facts(caseId)
            .orElseThrow(
                () ->
                    new AccessDeniedException(
                        category, AccessAction.READ, DenyReason.NOT_REFERRED));
    Instant dayStart =
        now.atZone(AccessPolicy.ZONE).toLocalDate().atStartOfDay(AccessPolicy.ZONE).toInstant();
    long openedToday =
        em.createQuery(
                "select count(b) from BreakGlassAccess b where b.user.id = :user and b.openedAt >= :dayStart",
                Long.class)
            .setParameter("user", viewer.userId())
            .setParameter("dayStart", dayStart)
            .getSingleResult();
    Decision d =
        policy.decideEmergencyAccess(
            viewer,
            f,
            category,
            new AccessPolicy.EmergencyRequest(
                reason, threatToLifeOrHealth, openedToday, perUserPerDay),
            now);
    if (!d.permitted()) {
      audit.record(
          viewer,
          now,
          List.of(new AuditTrail.Entry(caseId, f.personId(), category, AccessAction.READ, d)));
      if (d.denyReason() == DenyReason.EMERGENCY_DAILY_LIMIT) {
        // Beyond the daily limit the owning organisation's data protection officer decides (issue
        // 15).
        approvals.submit(viewer, caseId, category, reason, threatToLifeOrHealth, now);
      }
      throw new AccessDeniedException(category, AccessAction.READ, d.denyReason());
    }
    boolean vitalInterest = AccessPolicy.VITAL_INTEREST.equals(d.basisRef());
    BreakGlassAccess access =
        new BreakGlassAccess(
            em.find(CaseFile.class, caseId),
            em.find(PortalUser.class, viewer.userId()),
            category,
            reason,
            now,
            vitalInterest);
    em.persist(access);
    em.flush();
    em.persist(
        CaseEvent.now(caseId, CaseEvent.Type.EMERGENCY_ACCESS, viewer.actor(), category.name()));
    audit.record(
        viewer,
        now,
        List.of(
            new AuditTrail.Entry(
                caseId,
                f.personId(),
                category,
                AccessAction.READ,
                Decision.permit(
                    AccessBasis.BREAK_GLASS,
                    access.getId() + (vitalInterest ? " " + AccessPolicy.VITAL_INTEREST : ""),
                    Decision.Scope.ALL_RECORDS))));
    // Issue 18: the owning organisation's coordinators are told at once (no personal data).
    notifications.tell(
        rs.astra.nrm.notification.NotificationKind.EMERGENCY_ACCESS_OPENED,
        caseId,
        access.getCaseFile().getCode(),
        f.ownerOrganisationId(),
        em.find(rs.astra.nrm.organisation.Organisation.class, viewer.organisationId()).getName());
    return access.getId();
  }

  /**
   * Whether the person withdrew a consent she had given to the viewer's organisation: the emergency
   * access form then says so and asks to confirm a threat to her life or health.
   *
   * @param viewer who would open an emergency access
   * @param caseId the case
   * @return {@code true} when a consent for her organisation is withdrawn and none is active
   */
  public boolean consentWithdrawnForMe(Viewer viewer, long caseId) {
    return caseAccess
        .facts(caseId)
        .map(
            f ->
                AccessPolicy.consentWithdrawnBy(
                    f, viewer.organisationId(), rs.astra.nrm.shared.NrmTime.today()))
        .orElse(false);
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
      long id,
      long caseId,
      String caseCode,
      String user,
      String organisation,
      DataCategory category,
      String reason,
      Instant openedAt,
      Instant expiresAt)
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
    return em
        .createNamedQuery(BreakGlassAccess.FIND_BY_OWNER, BreakGlassAccess.class)
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
