package rs.astra.nrm.hotline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Objects;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.shared.NameMatchKey;

/**
 * An employer or recruitment agency that a job-offer check named, in the registry of the NGO that
 * checked it. One entry per {@linkplain NameMatchKey match key} and organisation: every spelling of
 * the name leads to it. An entry is <em>flagged</em> once any check naming it flagged it; later
 * checks never clear that (the earlier findings stay true of what the caller was offered).
 */
@Entity
@Table(name = "registry_entry")
public class RegistryEntry {

  @Id
  @SequenceGenerator(
      name = "registry_entry_seq",
      sequenceName = "registry_entry_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "registry_entry_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
  private Organisation organisation;

  @Column(nullable = false, length = 255)
  private String name;

  @Column(name = "match_key", nullable = false, length = 255, updatable = false)
  private String matchKey;

  @Column(name = "licence_number", length = 100)
  private String licenceNumber;

  @Column(nullable = false)
  private boolean flagged;

  @Column(name = "first_checked_on", nullable = false)
  private LocalDate firstCheckedOn;

  @Column(name = "last_checked_on", nullable = false)
  private LocalDate lastCheckedOn;

  /** For JPA only. */
  protected RegistryEntry() {}

  /**
   * Creates the entry of a name first met in a check.
   *
   * @param organisation the NGO whose registry it is
   * @param name the name as first written, 1–255 characters
   * @param checkedOn the day of that check (Europe/Belgrade)
   * @throws IllegalArgumentException if the name has no letters or digits, or is too long
   */
  public RegistryEntry(Organisation organisation, String name, LocalDate checkedOn) {
    if (name == null
        || name.isBlank()
        || name.strip().length() > 255
        || NameMatchKey.of(name).isEmpty()) {
      throw new IllegalArgumentException(
          "a registry name needs 1 to 255 characters with letters or digits");
    }
    this.organisation = Objects.requireNonNull(organisation, "organisation");
    this.name = name.strip();
    this.matchKey = NameMatchKey.of(name);
    this.firstCheckedOn = Objects.requireNonNull(checkedOn, "checkedOn");
    this.lastCheckedOn = checkedOn;
  }

  /**
   * Takes note of another check naming this entry.
   *
   * @param flaggedByCheck whether that check flagged it
   * @param licence the agency licence number the check found, or {@code null} to keep the known one
   * @param checkedOn the day of the check
   */
  public void recordCheck(boolean flaggedByCheck, String licence, LocalDate checkedOn) {
    flagged = flagged || flaggedByCheck;
    if (licence != null && !licence.isBlank()) {
      licenceNumber = licence.strip();
    }
    if (checkedOn.isBefore(firstCheckedOn)) {
      firstCheckedOn = checkedOn;
    }
    if (checkedOn.isAfter(lastCheckedOn)) {
      lastCheckedOn = checkedOn;
    }
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the optimistic-lock version
   */
  public long getVersion() {
    return version;
  }

  /**
   * @return the NGO whose registry it is
   */
  public Organisation getOrganisation() {
    return organisation;
  }

  /**
   * @return the name as first written
   */
  public String getName() {
    return name;
  }

  /**
   * @return the match key ({@link NameMatchKey#of})
   */
  public String getMatchKey() {
    return matchKey;
  }

  /**
   * @return the latest known licence number of an agency, or {@code null}
   */
  public String getLicenceNumber() {
    return licenceNumber;
  }

  /**
   * @return whether a check flagged it
   */
  public boolean isFlagged() {
    return flagged;
  }

  /**
   * @return the day of the first check naming it
   */
  public LocalDate getFirstCheckedOn() {
    return firstCheckedOn;
  }

  /**
   * @return the day of the latest check naming it
   */
  public LocalDate getLastCheckedOn() {
    return lastCheckedOn;
  }
}
