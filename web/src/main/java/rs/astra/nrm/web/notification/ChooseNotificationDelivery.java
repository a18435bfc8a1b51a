package rs.astra.nrm.web.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import rs.astra.nrm.notification.NotificationDelivery;
import rs.astra.nrm.notification.NotificationKind;
import rs.astra.nrm.notification.NotificationService;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * "How you are told" on the notifications page (issue 18, "Channels"): for each kind of event her
 * role is told of, an e-mail at once, in the daily summary at 07:00 (Europe/Belgrade), or none. A
 * value the form does not offer is refused by the form's validation and changes nothing.
 */
@Named
@RequestScoped
public class ChooseNotificationDelivery {

  @Inject private NotificationService notifications;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;

  private List<Row> rows;
  private Boolean hasEmail;

  /** One row of the form: a kind and the choice for it (as saved, then as posted). */
  public static final class Row {
    private final NotificationKind kind;
    private NotificationDelivery delivery;

    Row(NotificationKind kind, NotificationDelivery delivery) {
      this.kind = kind;
      this.delivery = delivery;
    }

    /**
     * @return the kind of event
     */
    public NotificationKind getKind() {
      return kind;
    }

    /**
     * @return how she is told of it
     */
    public NotificationDelivery getDelivery() {
      return delivery;
    }

    /**
     * @param delivery how she wants to be told of it
     */
    public void setDelivery(NotificationDelivery delivery) {
      this.delivery = delivery;
    }
  }

  /**
   * @return one row per kind her role is told of, with what she saved
   */
  public List<Row> getRows() {
    if (rows == null) {
      rows =
          notifications.deliveries(user.viewer()).stream()
              .map(c -> new Row(c.kind(), c.delivery()))
              .toList();
    }
    return rows;
  }

  /**
   * @return the choices offered, in order
   */
  public NotificationDelivery[] getDeliveries() {
    return NotificationDelivery.values();
  }

  /**
   * @return whether she has an e-mail address (else she is told in the portal only)
   */
  public boolean isHasEmail() {
    if (hasEmail == null) {
      hasEmail = notifications.hasEmail(user.viewer());
    }
    return hasEmail;
  }

  /**
   * Saves the form's choices.
   *
   * @return the notifications page afresh (its message kept), or {@code null} to stay on failure
   */
  public String save() {
    Map<NotificationKind, NotificationDelivery> chosen = new EnumMap<>(NotificationKind.class);
    getRows().stream()
        .filter(r -> r.getDelivery() != null)
        .forEach(r -> chosen.put(r.getKind(), r.getDelivery()));
    if (!feedback.run(
        () -> notifications.chooseDeliveries(user.viewer(), chosen),
        "notification.delivery.saved")) {
      return null;
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/app/notifications?faces-redirect=true";
  }
}
