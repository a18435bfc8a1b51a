package rs.astra.nrm.support;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;

/**
 * The current safety plan of a case (bezbednosni plan): the risks to the person, the measures
 * agreed with her, whom to call in an emergency, and when to review it. One per case (a unique key
 * on the case); it is revised in place with optimistic locking, earlier texts are not kept, and the
 * case's timeline records every revision.
 *
 * <p>Data category SOCIAL: the plan is part of the support plan and names risks and trusted
 * persons, not the person's own whereabouts; her address and shelter belong to CONTACT and are not
 * written here, so that sharing the support plan never discloses where she is. The organisation
 * that drew the plan up owns it: under an own-records permit only that organisation revises it.
 */
@Entity
@Table(name = "safety_plan")
public class SafetyPlan {

  /** Longest text of each field. */
  public static final int MAX_TEXT = 4000;

  @Id
  @SequenceGenerator(
      name = "safety_plan_seq",
      sequenceName = "safety_plan_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "safety_plan_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "case_file_id", nullable = false, updatable = false, unique = true)
  private CaseFile caseFile;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
  private Organisation organisation;

  @Column(length = MAX_TEXT, nullable = false)
  private String risks;

  @Column(length = MAX_TEXT, nullable = false)
  private String measures;

  @Column(name = "emergency_contacts", length = MAX_TEXT)
  private String emergencyContacts;

  @Column(name = "review_on")
  private LocalDate reviewOn;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "updated_by_id", nullable = false)
  private PortalUser updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** For JPA only. */
  protected SafetyPlan() {}

  /**
   * Draws up the plan of a case.
   *
   * @param caseFile the case
   * @param by who draws it up; her organisation owns the plan
   * @param at when (UTC)
   * @throws NullPointerException if an argument is {@code null}
   */
  public SafetyPlan(CaseFile caseFile, PortalUser by, Instant at) {
    this.caseFile = Objects.requireNonNull(caseFile, "caseFile");
    this.organisation = Objects.requireNonNull(by, "by").getOrganisation();
    this.updatedBy = by;
    this.updatedAt = Objects.requireNonNull(at, "at");
  }

  /**
   * Replaces the plan's content.
   *
   * @param risks the risks, not blank, up to {@value #MAX_TEXT} characters
   * @param measures the agreed measures, not blank, up to {@value #MAX_TEXT} characters
   * @param emergencyContacts whom to call, may be {@code null}, up to {@value #MAX_TEXT} characters
   * @param reviewOn when to review it, may be {@code null}
   * @param by who revises it
   * @param at when (UTC)
   * @throws IllegalArgumentException for a blank risk or measure text, or a text too long
   */
  public void revise(
      String risks,
      String measures,
      String emergencyContacts,
      LocalDate reviewOn,
      PortalUser by,
      Instant at) {
    if (risks == null || risks.isBlank() || measures == null || measures.isBlank()) {
      throw new IllegalArgumentException("risks and measures are required");
    }
    if (risks.length() > MAX_TEXT
        || measures.length() > MAX_TEXT
        || (emergencyContacts != null && emergencyContacts.length() > MAX_TEXT)) {
      throw new IllegalArgumentException("text too long");
    }
    this.risks = risks;
    this.measures = measures;
    this.emergencyContacts = emergencyContacts;
    this.reviewOn = reviewOn;
    this.updatedBy = Objects.requireNonNull(by, "by");
    this.updatedAt = Objects.requireNonNull(at, "at");
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
   * @return the case
   */
  public CaseFile getCaseFile() {
    return caseFile;
  }

  /**
   * @return the organisation that drew it up
   */
  public Organisation getOrganisation() {
    return organisation;
  }

  /**
   * @return the risks
   */
  public String getRisks() {
    return risks;
  }

  /**
   * @return the agreed measures
   */
  public String getMeasures() {
    return measures;
  }

  /**
   * @return the emergency contacts, or {@code null}
   */
  public String getEmergencyContacts() {
    return emergencyContacts;
  }

  /**
   * @return the review day, or {@code null}
   */
  public LocalDate getReviewOn() {
    return reviewOn;
  }

  /**
   * @return who revised it last
   */
  public PortalUser getUpdatedBy() {
    return updatedBy;
  }

  /**
   * @return when it was revised last (UTC)
   */
  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
