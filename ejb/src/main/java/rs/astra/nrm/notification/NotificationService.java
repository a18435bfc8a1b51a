package rs.astra.nrm.notification;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import rs.astra.nrm.organisation.PortalUser;
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
                    n.getReadAt() != null))
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
   * Remembers the language she chose, for her e-mails.
   *
   * @param viewer who chose
   * @param languageTag {@code sr-Latn}, {@code sr-Cyrl} or {@code en}; anything else is ignored
   */
  public void rememberLanguage(Viewer viewer, String languageTag) {
    if (!NotificationMail.LANGUAGES.contains(languageTag)) {
      return;
    }
    PortalUser u = em.find(PortalUser.class, viewer.userId());
    if (u != null && !languageTag.equals(u.getLanguage())) {
      u.setLanguage(languageTag);
    }
  }
}
