package rs.astra.nrm.web.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import rs.astra.nrm.notification.NotificationLine;
import rs.astra.nrm.notification.NotificationService;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * The user's notifications page (issue 18): her own notifications, newest first, and "mark all
 * read". Holds rows only; a notification carries no personal data, and its case opens through the
 * case page, which asks the policy.
 */
@Named
@RequestScoped
public class ShowNotifications {

  @Inject private NotificationService notifications;
  @Inject private SignedInUser user;
  @Inject private NotificationBell bell;

  private List<NotificationLine> lines;

  /**
   * @return her notifications, newest first
   */
  public List<NotificationLine> getLines() {
    if (lines == null) {
      lines = notifications.recent(user.viewer());
    }
    return lines;
  }

  /** Marks all her notifications read. */
  public void markAllRead() {
    notifications.markAllRead(user.viewer());
    lines = null;
    bell.recount();
  }
}
