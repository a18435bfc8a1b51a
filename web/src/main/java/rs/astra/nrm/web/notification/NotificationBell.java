package rs.astra.nrm.web.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import rs.astra.nrm.notification.NotificationService;
import rs.astra.nrm.web.security.NotAuthorisedException;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * The header's unread count (issue 18), counted once per request: taken from the check of the
 * signed-in user that began the request ({@link SignedInUser#UNREAD_AT_START}), or counted here
 * when that check did not count it or a step of this request changed it ({@link #recount()}).
 */
@Named
@RequestScoped
public class NotificationBell {

  @Inject private NotificationService notifications;
  @Inject private SignedInUser user;
  @Inject private HttpServletRequest request;

  private Long unread;
  private boolean counted;

  /**
   * @return how many of the signed-in user's notifications are unread; 0 when nobody is signed in
   */
  public long getUnread() {
    if (unread == null) {
      if (!counted && request.getAttribute(SignedInUser.UNREAD_AT_START) instanceof Long atStart) {
        unread = atStart;
        return unread;
      }
      try {
        unread = notifications.unreadCount(user.viewer());
      } catch (NotAuthorisedException e) {
        unread = 0L;
      }
    }
    return unread;
  }

  /** Counts again at the next {@link #getUnread()}: a step of this request read or added some. */
  public void recount() {
    unread = null;
    counted = true;
  }
}
