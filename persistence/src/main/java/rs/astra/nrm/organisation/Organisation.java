package rs.astra.nrm.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import rs.astra.nrm.shared.RequiredText;

/**
 * An institution taking part in the NRM, and the tenant that users and cases belong to.
 *
 * <p>HTCDS models organisations as {@code org_*} records; the portal keeps the name, the city and
 * the kind ({@link OrganisationType}) that decides what the organisation does on a case.
 */
@Entity
@Table(name = "organisation")
@NamedQuery(
    name = Organisation.FIND_BY_NAME,
    query = "select o from Organisation o where lower(o.name) = lower(:name)")
@NamedQuery(name = Organisation.FIND_ALL, query = "select o from Organisation o order by o.name")
@NamedQuery(
    name = Organisation.FIND_ACTIVE,
    query = "select o from Organisation o where o.active = true order by o.name")
public class Organisation {

  /** Named query: the organisation with a given name, case-insensitive; parameter {@code name}. */
  public static final String FIND_BY_NAME = "Organisation.findByName";

  /** Named query: all organisations ordered by name. */
  public static final String FIND_ALL = "Organisation.findAll";

  /** Named query: the active organisations ordered by name (those that take part in cases). */
  public static final String FIND_ACTIVE = "Organisation.findActive";

  @Id
  @SequenceGenerator(
      name = "organisation_seq",
      sequenceName = "organisation_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organisation_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = 200, unique = true)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private OrganisationType type;

  @Column(length = 100)
  private String city;

  @Column(nullable = false)
  private boolean active = true;

  /** For JPA only. */
  protected Organisation() {}

  /**
   * Creates an organisation.
   *
   * @param name unique display name, 1–200 characters
   * @param type what kind of institution it is
   * @param city seat of the organisation, may be {@code null}
   * @throws IllegalArgumentException if the name is blank or too long
   * @throws NullPointerException if the type is {@code null}
   */
  public Organisation(String name, OrganisationType type, String city) {
    this.name = checkedName(name);
    this.type = Objects.requireNonNull(type, "type");
    this.city = city;
  }

  private static String checkedName(String name) {
    return RequiredText.of(name, 200, "an organisation name");
  }

  /**
   * Gives the organisation a new name (an administrator's act). With single sign-on the {@code
   * organisation} claim of its users must then carry the new name.
   *
   * @param newName unique display name, 1–200 characters
   * @throws IllegalArgumentException if the name is blank or too long
   */
  public void rename(String newName) {
    this.name = checkedName(newName);
  }

  /**
   * Changes the kind of institution, which changes what the organisation may do on a case (its
   * legal bases in the access policy).
   *
   * @param newType the new kind
   * @throws NullPointerException if the type is {@code null}
   */
  public void changeType(OrganisationType newType) {
    this.type = Objects.requireNonNull(newType, "type");
  }

  /**
   * Deactivates the organisation: its users can no longer sign in and it is no longer offered as a
   * recipient of consents and referrals. Its cases, referrals and records stay.
   */
  public void deactivate() {
    this.active = false;
  }

  /**
   * Reactivates a deactivated organisation: its active users can sign in again and it is offered as
   * a recipient again.
   */
  public void reactivate() {
    this.active = true;
  }

  /**
   * @return whether the organisation takes part in the portal
   */
  public boolean isActive() {
    return active;
  }

  /**
   * @return the database id, {@code null} until persisted
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the display name
   */
  public String getName() {
    return name;
  }

  /**
   * @return the kind of institution
   */
  public OrganisationType getType() {
    return type;
  }

  /**
   * @return the city, may be {@code null}
   */
  public String getCity() {
    return city;
  }

  /**
   * @return the optimistic-lock version
   */
  public long getVersion() {
    return version;
  }
}
