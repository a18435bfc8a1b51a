package rs.astra.nrm.organisation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * The second pair of eyes (issue 15, "administration that cannot escalate"): administrators
 * approve, reject or withdraw the requests that {@link AdministrationService} leaves pending
 * ({@link RoleGrant}), and an organisation's data protection officer sees those concerning its
 * users — the portal's notice to her, as no e-mail is sent yet. Only an active administrator who
 * neither asked for a request nor is the user it concerns decides it. Each decision is in the
 * activity record by ids and role codes only.
 */
@Stateless
@StoredBeforeReturn
public class RoleGrantService {

  /** How long a decided request stays on the data protection officer's home page. */
  public static final Duration DPO_SHOWS_DECIDED_FOR = Duration.ofDays(30);

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private AdministrationLog audit;

  /**
   * The pending requests, oldest first (at most 200), each saying whether the viewer may decide it.
   *
   * @param viewer an administrator
   * @return the pending requests of every organisation
   * @throws NotPermittedException for any other role
   */
  public List<RoleGrantRow> pending(Viewer viewer) {
    AdministrationService.requireAdmin(viewer);
    return em
        .createNamedQuery(RoleGrant.FIND_PENDING, RoleGrant.class)
        .setParameter("pending", RoleGrant.Status.PENDING)
        .setMaxResults(200)
        .getResultList()
        .stream()
        .map(g -> RoleGrantRow.of(g, viewer.userId()))
        .toList();
  }

  /**
   * Approves a request and carries it out: the user gets the role (a new user may sign in from now
   * on) or the new password. Takes effect at her next sign-in.
   *
   * @param viewer an administrator who neither asked for it nor is the user concerned
   * @param grantId the request
   * @param version the request's version the administrator saw
   * @throws InvalidRequestException {@code admin.error.notFound}, {@code admin.error.grantDecided},
   *     {@code admin.error.ownRequest}, {@code admin.error.grantConcernsYou}, or {@code
   *     admin.error.roleNotForType} when her organisation's kind no longer allows the role
   * @throws ConcurrentUpdateException when someone changed the request, or the user, since it was
   *     asked (the request stays pending: reject it, and ask again)
   * @throws NotPermittedException for any other role
   */
  public void approve(Viewer viewer, long grantId, long version) {
    RoleGrant g = decidable(viewer, grantId, version);
    PortalUser u = g.getUser();
    if (u.getVersion() != g.getUserVersion()) {
      throw new ConcurrentUpdateException("user");
    }
    if (g.getKind().givesRole()) {
      AdministrationService.requireRoleFits(u.getOrganisation(), g.getRequestedRole());
    }
    Instant now = Instant.now();
    g.approve(em.find(PortalUser.class, viewer.userId()), now);
    audit.record(viewer, now, AdministrativeAct.ROLE_GRANT_APPROVED, u.getId(), g.activityDetail());
    em.flush();
  }

  /**
   * Rejects a request: nothing changes for the user (a new user stays deactivated).
   *
   * @param viewer an administrator who neither asked for it nor is the user concerned
   * @param grantId the request
   * @param version the request's version the administrator saw
   * @throws InvalidRequestException {@code admin.error.notFound}, {@code admin.error.grantDecided},
   *     {@code admin.error.ownRequest} or {@code admin.error.grantConcernsYou}
   * @throws ConcurrentUpdateException when someone changed the request meanwhile
   * @throws NotPermittedException for any other role
   */
  public void reject(Viewer viewer, long grantId, long version) {
    RoleGrant g = decidable(viewer, grantId, version);
    Instant now = Instant.now();
    g.reject(em.find(PortalUser.class, viewer.userId()), now);
    audit.record(
        viewer,
        now,
        AdministrativeAct.ROLE_GRANT_REJECTED,
        g.getUser().getId(),
        g.activityDetail());
    em.flush();
  }

  /**
   * Withdraws a request the viewer asked for herself: nothing changes for the user.
   *
   * @param viewer the administrator who asked for it
   * @param grantId the request
   * @param version the request's version she saw
   * @throws InvalidRequestException {@code admin.error.notFound}, {@code admin.error.grantDecided}
   *     or {@code admin.error.notYourRequest}
   * @throws ConcurrentUpdateException when someone changed the request meanwhile
   * @throws NotPermittedException for any other role
   */
  public void cancel(Viewer viewer, long grantId, long version) {
    AdministrationService.requireAdmin(viewer);
    RoleGrant g = pendingGrant(grantId, version);
    if (!g.isRequestedBy(viewer.userId())) {
      throw new InvalidRequestException("admin.error.notYourRequest");
    }
    Instant now = Instant.now();
    g.cancel(em.find(PortalUser.class, viewer.userId()), now);
    audit.record(
        viewer,
        now,
        AdministrativeAct.ROLE_GRANT_CANCELLED,
        g.getUser().getId(),
        g.activityDetail());
    em.flush();
  }

  /**
   * The requests concerning the users of the data protection officer's organisation: pending, and
   * decided in the last {@link #DPO_SHOWS_DECIDED_FOR}, newest first — her notice of every role
   * that reads case data or controls access given in her organisation, and of every new password of
   * such a user.
   *
   * @param viewer a data protection officer
   * @param limit at most this many, 1 to 100
   * @return the requests
   * @throws NotPermittedException for any other role
   */
  public List<RoleGrantRow> forDataProtectionOfficer(Viewer viewer, int limit) {
    if (viewer == null || viewer.role() != PortalRole.DPO) {
      throw new NotPermittedException("role grants");
    }
    return em
        .createNamedQuery(RoleGrant.FIND_FOR_ORGANISATION, RoleGrant.class)
        .setParameter("organisationId", viewer.organisationId())
        .setParameter("pending", RoleGrant.Status.PENDING)
        .setParameter("since", Instant.now().minus(DPO_SHOWS_DECIDED_FOR))
        .setMaxResults(Math.max(1, Math.min(limit, 100)))
        .getResultList()
        .stream()
        .map(g -> RoleGrantRow.of(g, viewer.userId()))
        .toList();
  }

  /**
   * The pending request, if this administrator may decide it; the reason as a message key if not.
   */
  private RoleGrant decidable(Viewer viewer, long grantId, long version) {
    AdministrationService.requireAdmin(viewer);
    RoleGrant g = pendingGrant(grantId, version);
    if (g.isRequestedBy(viewer.userId())) {
      throw new InvalidRequestException("admin.error.ownRequest");
    }
    if (g.concerns(viewer.userId())) {
      throw new InvalidRequestException("admin.error.grantConcernsYou");
    }
    return g;
  }

  private RoleGrant pendingGrant(long grantId, long version) {
    RoleGrant g = em.find(RoleGrant.class, grantId);
    if (g == null) {
      throw new InvalidRequestException("admin.error.notFound");
    }
    if (g.getStatus() != RoleGrant.Status.PENDING) {
      throw new InvalidRequestException("admin.error.grantDecided");
    }
    if (g.getVersion() != version) {
      throw new ConcurrentUpdateException("role grant");
    }
    return g;
  }
}
