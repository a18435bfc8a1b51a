package rs.astra.nrm.web.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import rs.astra.nrm.notification.NotificationService;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * The administrators' e-mail page (issue 18): whether e-mail is on and through which server, how
 * many e-mails wait, and the ones given up after the last retry with their reason.
 */
@Named
@RequestScoped
public class ShowMailStatus {

  @Inject private NotificationService notifications;
  @Inject private SignedInUser user;

  private NotificationService.MailStatus status;

  /**
   * @return the status, read once per request
   */
  public NotificationService.MailStatus getStatus() {
    if (status == null) {
      status = notifications.mailStatus(user.viewer());
    }
    return status;
  }
}
