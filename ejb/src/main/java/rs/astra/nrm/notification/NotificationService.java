package rs.astra.nrm.notification;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * A user's own notifications in the portal (issue 18, "Channels"): the unread count of the header,
 * the list, marking read. Every query is limited to the viewer's own rows; a notification holds no
 * personal data, and the case it links to is decided by the policy when opened.
 */
@Stateless
@StoredBeforeReturn
public class NotificationService {

  /** The most notifications the list shows. */
  public static final int LIST_MAX = 200;

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @jakarta.inject.Inject private MailSettings settings;

  /**
   * The check every page request makes of its signed-in user (issue 16, statements per page): her
   * viewer as she is now, with her unread count for the header, in one query. The rule of who may
   * use the portal is {@link UserDirectory#activeViewerOf}.
   *
   * @param username the authenticated principal's name; {@code null} gives an empty result
   * @return her viewer and unread count, or empty when no user of that name may use the portal now
   */
  public Optional<SignedInCheck> signedIn(String username) {
    if (username == null) {
      return Optional.empty();
    }
    return em.createQuery(
            "select u, (select count(n) from Notification n where n.recipient = u and n.readAt"
                + " is null) from PortalUser u join fetch u.organisation where u.username ="
                + " :username",
            Object[].class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst()
        .flatMap(
            r ->
                UserDirectory.activeViewerOf((PortalUser) r[0])
                    .map(v -> new SignedInCheck(v, ((Number) r[1]).longValue())));
  }

  /**
   * A signed-in user as checked at the start of a request.
   *
   * @param viewer who she is now
   * @param unread how many of her notifications she had not read when the request began
   */
  public record SignedInCheck(Viewer viewer, long unread) {}

  /**
   * @param viewer who asks
   * @return how many of her notifications she has not read
   */
  public long unreadCount(Viewer viewer) {
    return em.createQuery(
            "select count(n) from Notification n where n.recipient.id = :u and n.readAt is null",
            Long.class)
        .setParameter("u", viewer.userId())
        .getSingleResult();
  }

  /**
   * @param viewer who asks
   * @return her notifications, newest first, at most {@link #LIST_MAX}
   */
  public List<NotificationLine> recent(Viewer viewer) {
    return em
        .createQuery(
            "select n from Notification n where n.recipient.id = :u order by n.createdAt desc, n.id"
                + " desc",
            Notification.class)
        .setParameter("u", viewer.userId())
        .setMaxResults(LIST_MAX)
        .getResultList()
        .stream()
        .map(
            n ->
                new NotificationLine(
                    n.getId(),
                    n.getKind(),
                    n.getCaseFileId(),
                    n.getCaseCode(),
                    n.getOrganisationName(),
                    n.getCreatedAt(),
                    n.getReadAt() != null,
                    NotificationMail.linkInPortal(n.getKind(), n.getCaseFileId())))
        .toList();
  }

  /**
   * Marks every notification of hers read.
   *
   * @param viewer who reads
   * @return how many were unread
   */
  public int markAllRead(Viewer viewer) {
    return em.createQuery(
            "update Notification n set n.readAt = :now, n.version = n.version + 1"
                + " where n.recipient.id = :u and n.readAt is null")
        .setParameter("now", Instant.now())
        .setParameter("u", viewer.userId())
        .executeUpdate();
  }

  /**
   * Her choice for one kind of event.
   *
   * @param kind the kind
   * @param delivery how she is told of it ({@link NotificationDelivery#AT_ONCE} when she never
   *     chose)
   */
  public record DeliveryChoice(NotificationKind kind, NotificationDelivery delivery)
      implements java.io.Serializable {}

  /**
   * How she is told of each kind of event her role can be told of (issue 18, "Channels").
   *
   * @param viewer who asks
   * @return one choice per kind ({@link Notifications#kindsFor}), in the kinds' order; empty for
   *     administrators
   */
  public List<DeliveryChoice> deliveries(Viewer viewer) {
    java.util.Map<NotificationKind, NotificationDelivery> chosen =
        new java.util.EnumMap<>(NotificationKind.class);
    preferences(viewer).forEach(p -> chosen.put(p.getKind(), p.getDelivery()));
    return Notifications.kindsFor(viewer.role()).stream()
        .map(k -> new DeliveryChoice(k, chosen.getOrDefault(k, NotificationDelivery.AT_ONCE)))
        .toList();
  }

  /**
   * Saves her choices. Kinds her role is not told of are ignored; notifications already written
   * keep the e-mail they had (a digest already waiting still goes at 07:00).
   *
   * @param viewer who chooses
   * @param choices how she wants to be told, by kind
   * @return how many choices changed
   */
  public int chooseDeliveries(
      Viewer viewer, java.util.Map<NotificationKind, NotificationDelivery> choices) {
    java.util.Map<NotificationKind, NotificationPreference> saved =
        new java.util.EnumMap<>(NotificationKind.class);
    preferences(viewer).forEach(p -> saved.put(p.getKind(), p));
    PortalUser user = em.getReference(PortalUser.class, viewer.userId());
    int changed = 0;
    for (NotificationKind kind : Notifications.kindsFor(viewer.role())) {
      NotificationDelivery wanted = choices.get(kind);
      NotificationPreference now = saved.get(kind);
      NotificationDelivery before = now == null ? NotificationDelivery.AT_ONCE : now.getDelivery();
      if (wanted == null || wanted == before) {
        continue;
      }
      if (now == null) {
        em.persist(new NotificationPreference(user, kind, wanted));
      } else {
        now.setDelivery(wanted);
      }
      changed++;
    }
    return changed;
  }

  /**
   * @param viewer who asks
   * @return whether she has an e-mail address (without one she is told in the portal only)
   */
  public boolean hasEmail(Viewer viewer) {
    PortalUser u = em.find(PortalUser.class, viewer.userId());
    return u != null && u.getEmail() != null && !u.getEmail().isBlank();
  }

  private List<NotificationPreference> preferences(Viewer viewer) {
    return em.createQuery(
            "select p from NotificationPreference p where p.user.id = :u",
            NotificationPreference.class)
        .setParameter("u", viewer.userId())
        .getResultList();
  }

  /**
   * Remembers the language she chose, for her e-mails.
   *
   * @param viewer who chose
   * @param languageTag {@code sr-Latn}, {@code sr-Cyrl} or {@code en}; anything else is ignored
   */
  public void rememberLanguage(Viewer viewer, String languageTag) {
    if (languageTag == null || !NotificationMail.LANGUAGES.contains(languageTag)) {
      return;
    }
    PortalUser u = em.find(PortalUser.class, viewer.userId());
    if (u != null && !languageTag.equals(u.getLanguage())) {
      u.setLanguage(languageTag);
    }
  }

  /**
   * An e-mail given up after the last retry, for the administrators (issue 18): no content, the
   * reason without the message.
   *
   * @param id the notification
   * @param at when the notification was made (UTC)
   * @param kind what it was about
   * @param caseCode the case code, or {@code null}
   * @param recipient the recipient's login name
   * @param attempts how many attempts were made
   * @param reason the last failure's class names
   */
  public record FailedMail(
      long id,
      Instant at,
      NotificationKind kind,
      String caseCode,
      String recipient,
      int attempts,
      String reason)
      implements java.io.Serializable {}

  /**
   * The state of e-mail for the administrators' page.
   *
   * @param server {@code host:port}, or {@code off} when no SMTP host is configured
   * @param waiting how many notifications wait for their e-mail (at once, or in a daily digest)
   * @param failed the e-mails given up, newest first (at most {@link #LIST_MAX})
   */
  public record MailStatus(String server, long waiting, List<FailedMail> failed)
      implements java.io.Serializable {}

  /**
   * What administrators see of e-mail delivery.
   *
   * @param viewer an administrator
   * @return the status
   * @throws rs.astra.nrm.organisation.NotPermittedException for any other role
   */
  public MailStatus mailStatus(Viewer viewer) {
    if (viewer.role() != rs.astra.nrm.organisation.PortalRole.ADMIN) {
      throw new rs.astra.nrm.organisation.NotPermittedException("mail status");
    }
    long waiting =
        em.createQuery("select count(n) from Notification n where n.mailState in :s", Long.class)
            .setParameter("s", List.of(MailState.PENDING, MailState.DIGEST))
            .getSingleResult();
    List<FailedMail> failed =
        em
            .createQuery(
                "select n from Notification n join fetch n.recipient where n.mailState = :s"
                    + " order by n.createdAt desc, n.id desc",
                Notification.class)
            .setParameter("s", MailState.FAILED)
            .setMaxResults(LIST_MAX)
            .getResultList()
            .stream()
            .map(
                n ->
                    new FailedMail(
                        n.getId(),
                        n.getCreatedAt(),
                        n.getKind(),
                        n.getCaseCode(),
                        n.getRecipient().getUsername(),
                        n.getMailAttempts(),
                        n.getMailError()))
            .toList();
    return new MailStatus(settings.toString(), waiting, failed);
  }
}
