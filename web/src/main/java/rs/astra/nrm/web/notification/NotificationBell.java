package rs.astra.nrm.web.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import rs.astra.nrm.notification.NotificationService;
import rs.astra.nrm.web.security.NotAuthorisedException;
import rs.astra.nrm.web.security.SignedInUser;

/** The header's unread count (issue 18), counted once per request. */
@Named
@RequestScoped
public class NotificationBell {

  @Inject private NotificationService notifications;
  @Inject private SignedInUser user;

  private Long unread;

  /**
   * @return how many of the signed-in user's notifications are unread; 0 when nobody is signed in
   */
  public long getUnread() {
    if (unread == null) {
      try {
        unread = notifications.unreadCount(user.viewer());
      } catch (NotAuthorisedException e) {
        unread = 0L;
      }
    }
    return unread;
  }
}
