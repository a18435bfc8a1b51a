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
 *   <li>a referral received, or a transfer of a case proposed or withdrawn again: the receiving
 *       organisation's users whose role reads case data (they answer referrals and transfers);
 *   <li>a transfer accepted or declined: the proposing organisation's case staff ({@link
 *       PortalRole#ownsCases()});
 *   <li>a referral accepted, rejected or completed, or unanswered for 5 working days; a consent
 *       ending in 14 days; an identification decided: the owning organisation's case staff ({@link
 *       PortalRole#ownsCases()}); a referral unanswered for 5 working days also the receiving
 *       organisation's users who answer referrals;
 *   <li>an emergency access opened: the owning organisation's coordinators, or its case staff if it
 *       has no coordinator;
 *   <li>an emergency access found not justified, or not reviewed within 3 working days: the owning
 *       organisation's data protection officers;
 *   <li>a data subject's request due within 7 days and not answered: the organisation's data
 *       protection officers and coordinators (issue 21, {@code rs.astra.nrm.rights});
 *   <li>the review of an emergency access: the user who opened it ({@link #tellUser});
 *   <li>a hearing tomorrow: each user whom the access policy lets read the hearing's entry ({@link
 *       #tellUser}, by {@code rs.astra.nrm.casefile.DailyNotices}).
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
    write(users, kind, caseId, caseCode, otherOrganisationName);
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
    write(List.of(u), kind, caseId, caseCode, otherOrganisationName);
    return true;
  }

  /** Writes one notification per user, each with the e-mail she chose for the kind. */
  private void write(
      List<PortalUser> users,
      NotificationKind kind,
      long caseId,
      String caseCode,
      String otherOrganisationName) {
    Instant now = Instant.now();
    java.util.Map<Long, NotificationDelivery> chosen = deliveries(users, kind);
    for (PortalUser u : users) {
      em.persist(
          new Notification(
              u,
              kind,
              caseId,
              caseCode,
              otherOrganisationName,
              now,
              chosen.getOrDefault(u.getId(), NotificationDelivery.AT_ONCE)));
    }
  }

  /**
   * What the users chose for a kind (issue 18, "Channels"); a user without a choice is absent.
   *
   * @param users the recipients
   * @param kind the kind
   * @return each user's choice by user id
   */
  private java.util.Map<Long, NotificationDelivery> deliveries(
      List<PortalUser> users, NotificationKind kind) {
    if (users.isEmpty()) {
      return java.util.Map.of();
    }
    java.util.Map<Long, NotificationDelivery> chosen = new java.util.HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select p.user.id, p.delivery from NotificationPreference p"
                    + " where p.kind = :kind and p.user.id in :users",
                Object[].class)
            .setParameter("kind", kind)
            .setParameter("users", users.stream().map(PortalUser::getId).toList())
            .getResultList()) {
      chosen.put((Long) row[0], (NotificationDelivery) row[1]);
    }
    return chosen;
  }

  /**
   * The kinds of event a user of a role can be told of, in the order of {@link NotificationKind}:
   * those told to her role, an emergency access opened (case staff are told when their organisation
   * has no coordinator), the review of one she opened, a hearing tomorrow.
   *
   * @param role her role
   * @return the kinds; none for administrators
   */
  public static List<NotificationKind> kindsFor(PortalRole role) {
    return java.util.Arrays.stream(NotificationKind.values())
        .filter(
            k ->
                roles(k).contains(role)
                    || (k == NotificationKind.EMERGENCY_ACCESS_OPENED && role.ownsCases())
                    || (k == NotificationKind.EMERGENCY_ACCESS_REVIEWED && !role.readsNoCaseData()))
        .toList();
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
            case REFERRAL_RECEIVED,
                REFERRAL_UNANSWERED,
                HEARING_TOMORROW,
                TRANSFER_PROPOSED,
                TRANSFER_WITHDRAWN,
                CASE_DATA_CORRECTED ->
                !r.readsNoCaseData();
            case EMERGENCY_ACCESS_OPENED -> r == PortalRole.NGO_COORDINATOR;
            case EMERGENCY_ACCESS_NOT_JUSTIFIED, EMERGENCY_REVIEW_OVERDUE -> r == PortalRole.DPO;
            case EMERGENCY_ACCESS_REVIEWED -> false;
            case DSR_DUE_SOON -> r == PortalRole.DPO || r == PortalRole.NGO_COORDINATOR;
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
