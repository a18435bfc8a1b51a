package rs.astra.nrm.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import rs.astra.nrm.organisation.PortalUser;

/**
 * A user's choice of how she is told of one kind of event (issue 18, "Channels"). A user without a
 * row for a kind is told {@link NotificationDelivery#AT_ONCE}. One row per user and kind (unique in
 * the database).
 */
@Entity
@Table(name = "notification_preference")
public class NotificationPreference {

  @Id
  @SequenceGenerator(
      name = "notification_preference_seq",
      sequenceName = "notification_preference_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_preference_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "user_id", nullable = false, updatable = false)
  private PortalUser user;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40, updatable = false)
  private NotificationKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private NotificationDelivery delivery;

  /** For JPA only. */
  protected NotificationPreference() {}

  /**
   * A user's choice for a kind.
   *
   * @param user whose choice
   * @param kind which kind of event
   * @param delivery how she is told
   */
  public NotificationPreference(
      PortalUser user, NotificationKind kind, NotificationDelivery delivery) {
    this.user = Objects.requireNonNull(user, "user");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }

  /**
   * @return the kind of event
   */
  public NotificationKind getKind() {
    return kind;
  }

  /**
   * @return how she is told
   */
  public NotificationDelivery getDelivery() {
    return delivery;
  }

  /**
   * @param delivery how she is told from now on (notifications already written keep theirs)
   */
  public void setDelivery(NotificationDelivery delivery) {
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }
}
