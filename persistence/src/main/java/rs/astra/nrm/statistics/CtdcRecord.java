package rs.astra.nrm.statistics;

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
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import rs.astra.nrm.exchange.AgeBand;
import rs.astra.nrm.exchange.Majority;
import rs.astra.nrm.exchange.Sex;

/**
 * One anonymised victim record of the CTDC global dataset layout, kept for statistics only: it is
 * linked to no case and no person and holds no name and no date but the year. Unknown values
 * ({@code -99} in the file) are {@code null}. The 0/1 flag columns (means of control, forms of
 * exploitation, types of labour and of sexual exploitation, abduction, recruiter relation) are kept
 * as two lists of CTDC column names: the flags that were 1 and those that were 0; a flag in neither
 * was unknown. Never changed after the import.
 */
@Entity
@Table(name = "ctdc_record")
public class CtdcRecord {

  @Id
  @SequenceGenerator(
      name = "ctdc_record_seq",
      sequenceName = "ctdc_record_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ctdc_record_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "batch_id", nullable = false, updatable = false)
  private CtdcImportBatch batch;

  @Column(name = "year_of_registration", nullable = false, updatable = false)
  private int yearOfRegistration;

  @Column(length = 100, updatable = false)
  private String datasource;

  @Enumerated(EnumType.STRING)
  @Column(length = 10, updatable = false)
  private Sex gender;

  @Enumerated(EnumType.STRING)
  @Column(name = "age_band", length = 12, updatable = false)
  private AgeBand ageBand;

  @Enumerated(EnumType.STRING)
  @Column(name = "majority_status", length = 10, updatable = false)
  private Majority majorityStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "majority_at_exploit", length = 10, updatable = false)
  private Majority majorityStatusAtExploit;

  @Enumerated(EnumType.STRING)
  @Column(name = "majority_entry", length = 10, updatable = false)
  private Majority majorityEntry;

  @Column(length = 2, updatable = false)
  private String citizenship;

  @Column(name = "country_of_exploitation", length = 2, updatable = false)
  private String countryOfExploitation;

  @Column(name = "recruiter_relationship", length = 255, updatable = false)
  private String recruiterRelationship;

  @Column(name = "flags_yes", length = 2000, updatable = false)
  private String flagsYes;

  @Column(name = "flags_no", length = 2000, updatable = false)
  private String flagsNo;

  /** For JPA only. */
  protected CtdcRecord() {}

  /**
   * Creates a record.
   *
   * @param batch the import it came with
   * @param yearOfRegistration CTDC {@code yearOfRegistration}
   * @param datasource CTDC {@code Datasource} (e.g. "Case Management", "Hotline"), or {@code null}
   * @param gender CTDC {@code gender}: FEMALE, MALE or {@code null}
   * @param ageBand CTDC {@code ageBroad}, or {@code null}
   * @param majorityStatus CTDC {@code majorityStatus}, or {@code null}
   * @param majorityStatusAtExploit CTDC {@code majorityStatusAtExploit}, or {@code null}
   * @param majorityEntry CTDC {@code majorityEntry}, or {@code null}
   * @param citizenship CTDC {@code citizenship}, ISO 3166-1 alpha-2, or {@code null}
   * @param countryOfExploitation CTDC {@code CountryOfExploitation}, ISO 3166-1 alpha-2, or {@code
   *     null}
   * @param recruiterRelationship CTDC {@code RecruiterRelationship} as written, or {@code null}
   * @param flagsYes CTDC flag column names whose value was 1
   * @param flagsNo CTDC flag column names whose value was 0
   */
  public CtdcRecord(
      CtdcImportBatch batch,
      int yearOfRegistration,
      String datasource,
      Sex gender,
      AgeBand ageBand,
      Majority majorityStatus,
      Majority majorityStatusAtExploit,
      Majority majorityEntry,
      String citizenship,
      String countryOfExploitation,
      String recruiterRelationship,
      Collection<String> flagsYes,
      Collection<String> flagsNo) {
    this.batch = Objects.requireNonNull(batch, "batch");
    this.yearOfRegistration = yearOfRegistration;
    this.datasource = datasource;
    this.gender = gender;
    this.ageBand = ageBand;
    this.majorityStatus = majorityStatus;
    this.majorityStatusAtExploit = majorityStatusAtExploit;
    this.majorityEntry = majorityEntry;
    this.citizenship = citizenship;
    this.countryOfExploitation = countryOfExploitation;
    this.recruiterRelationship = recruiterRelationship;
    this.flagsYes = join(flagsYes);
    this.flagsNo = join(flagsNo);
  }

  private static String join(Collection<String> flags) {
    return flags == null || flags.isEmpty() ? null : String.join(";", new TreeSet<>(flags));
  }

  private static Set<String> split(String column) {
    Set<String> set = new TreeSet<>();
    if (column != null) {
      for (String s : column.split(";")) {
        if (!s.isBlank()) {
          set.add(s.strip());
        }
      }
    }
    return set;
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the import batch
   */
  public CtdcImportBatch getBatch() {
    return batch;
  }

  /**
   * @return CTDC {@code yearOfRegistration}
   */
  public int getYearOfRegistration() {
    return yearOfRegistration;
  }

  /**
   * @return CTDC {@code Datasource}, or {@code null}
   */
  public String getDatasource() {
    return datasource;
  }

  /**
   * @return CTDC {@code gender}, or {@code null}
   */
  public Sex getGender() {
    return gender;
  }

  /**
   * @return CTDC {@code ageBroad}, or {@code null}
   */
  public AgeBand getAgeBand() {
    return ageBand;
  }

  /**
   * @return CTDC {@code majorityStatus}, or {@code null}
   */
  public Majority getMajorityStatus() {
    return majorityStatus;
  }

  /**
   * @return CTDC {@code majorityStatusAtExploit}, or {@code null}
   */
  public Majority getMajorityStatusAtExploit() {
    return majorityStatusAtExploit;
  }

  /**
   * @return CTDC {@code majorityEntry}, or {@code null}
   */
  public Majority getMajorityEntry() {
    return majorityEntry;
  }

  /**
   * @return CTDC {@code citizenship}, or {@code null}
   */
  public String getCitizenship() {
    return citizenship;
  }

  /**
   * @return CTDC {@code CountryOfExploitation}, or {@code null}
   */
  public String getCountryOfExploitation() {
    return countryOfExploitation;
  }

  /**
   * @return CTDC {@code RecruiterRelationship}, or {@code null}
   */
  public String getRecruiterRelationship() {
    return recruiterRelationship;
  }

  /**
   * @return the flag columns that were 1, sorted
   */
  public Set<String> getFlagsYes() {
    return split(flagsYes);
  }

  /**
   * @return the flag columns that were 0, sorted
   */
  public Set<String> getFlagsNo() {
    return split(flagsNo);
  }
}
