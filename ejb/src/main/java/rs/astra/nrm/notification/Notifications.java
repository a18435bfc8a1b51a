package rs.astra.nrm.notification;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;

/**
 * Writes notifications in the caller's transaction (issue 18: a transactional outbox — a change
 * that rolls back leaves no notification, and one that commits leaves all of its). Who is told is
 * decided here, by the kind of event and the organisation it concerns:
 *
 * <ul>
 *   <li>a referral received: the receiving organisation's users whose role reads case data (they
 *       answer referrals);
 *   <li>a referral accepted, rejected or completed, or unanswered for 5 working days; a consent
 *       ending in 14 days; an identification decided: the owning organisation's case staff ({@link
 *       PortalRole#ownsCases()}); a referral unanswered for 5 working days also the receiving
 *       organisation's users who answer referrals;
 *   <li>an emergency access opened: the owning organisation's coordinators, or its case staff if it
 *       has no coordinator;
 *   <li>an emergency access found not justified, or not reviewed within 3 working days: the owning
 *       organisation's data protection officers;
 *   <li>the review of an emergency access: the user who opened it ({@link #tellUser}).
 * </ul>
 *
 * Only active users. A notification names the event, the case code and the other organisation —
 * never personal data of the victim.
 */
@Stateless
public class Notifications {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  /**
   * Tells the users of an organisation about an event on a case.
   *
   * @param kind what happened
   * @param caseId the case
   * @param caseCode its code
   * @param toOrganisationId the organisation whose users are told (receiving or owning, by kind)
   * @param otherOrganisationName the other organisation involved (sender, recipient or the
   *     organisation of the user who opened an emergency access), or {@code null}
   * @return how many users were told
   */
  public int tell(
      NotificationKind kind,
      long caseId,
      String caseCode,
      long toOrganisationId,
      String otherOrganisationName) {
    List<PortalUser> users = recipients(toOrganisationId, roles(kind));
    if (users.isEmpty() && kind == NotificationKind.EMERGENCY_ACCESS_OPENED) {
      users = recipients(toOrganisationId, roles(NotificationKind.IDENTIFICATION_DECIDED));
    }
    Instant now = Instant.now();
    for (PortalUser u : users) {
      em.persist(new Notification(u, kind, caseId, caseCode, otherOrganisationName, now));
    }
    return users.size();
  }

  /**
   * Tells one user about an event on a case (e.g. the user who opened an emergency access, of its
   * review), if she is active.
   *
   * @param kind what happened
   * @param userId the user
   * @param caseId the case
   * @param caseCode its code
   * @param otherOrganisationName the other organisation involved, or {@code null}
   * @return whether she was told
   */
  public boolean tellUser(
      NotificationKind kind,
      long userId,
      long caseId,
      String caseCode,
      String otherOrganisationName) {
    PortalUser u = em.find(PortalUser.class, userId);
    if (u == null || !u.isActive()) {
      return false;
    }
    em.persist(new Notification(u, kind, caseId, caseCode, otherOrganisationName, Instant.now()));
    return true;
  }

  /**
   * The roles told of an event of a kind.
   *
   * @param kind the kind
   * @return the roles
   */
  static Set<PortalRole> roles(NotificationKind kind) {
    Set<PortalRole> roles = EnumSet.noneOf(PortalRole.class);
    for (PortalRole r : PortalRole.values()) {
      boolean told =
          switch (kind) {
            case REFERRAL_RECEIVED, REFERRAL_UNANSWERED -> !r.readsNoCaseData();
            case EMERGENCY_ACCESS_OPENED -> r == PortalRole.NGO_COORDINATOR;
            case EMERGENCY_ACCESS_NOT_JUSTIFIED, EMERGENCY_REVIEW_OVERDUE -> r == PortalRole.DPO;
            case EMERGENCY_ACCESS_REVIEWED -> false;
            default -> r.ownsCases();
          };
      if (told) {
        roles.add(r);
      }
    }
    return roles;
  }

  private List<PortalUser> recipients(long organisationId, Set<PortalRole> roles) {
    if (roles.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select u from PortalUser u where u.organisation.id = :o and u.active = true"
                + " and u.role in :roles order by u.id",
            PortalUser.class)
        .setParameter("o", organisationId)
        .setParameter("roles", roles)
        .getResultList();
  }
}
