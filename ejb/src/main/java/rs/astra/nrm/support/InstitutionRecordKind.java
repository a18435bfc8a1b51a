package rs.astra.nrm.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalUser;

/**
 * The kinds of institution record on a case and what sets them apart; everything else is the same
 * and lives in {@link InstitutionRecordService} and {@link InstitutionRecord}.
 *
 * <ul>
 *   <li>{@link #ASSESSMENT}: a centre for social work's assessment note ({@link AssessmentNote}),
 *       data category SOCIAL; only centres for social work write it (Law on Social Protection, Sl.
 *       glasnik RS 24/2011).
 *   <li>{@link #TREATMENT}: a health institution's treatment record ({@link TreatmentRecord}), data
 *       category HEALTH (special category, GDPR Art. 9; Law 87/2018 art. 17); only health
 *       institutions write it.
 * </ul>
 */
public enum InstitutionRecordKind {
  /** A centre for social work's assessment note, SOCIAL. */
  ASSESSMENT(
      DataCategory.SOCIAL,
      OrganisationType::recordsAssessments,
      AssessmentNote.class,
      AssessmentNote::new,
      CaseEvent.Type.ASSESSMENT_RECORDED,
      "support.error.assessmentBySocialWorkCentre",
      "support.error.assessmentIncomplete"),
  /** A health institution's treatment record, HEALTH (GDPR Art. 9). */
  TREATMENT(
      DataCategory.HEALTH,
      OrganisationType::recordsTreatments,
      TreatmentRecord.class,
      TreatmentRecord::new,
      CaseEvent.Type.TREATMENT_RECORDED,
      "support.error.treatmentByHealthInstitution",
      "support.error.treatmentIncomplete");

  /** The constructor of a kind's entity. */
  @FunctionalInterface
  interface Maker {
    InstitutionRecord make(
        CaseFile caseFile, PortalUser by, LocalDate day, String text, String note, Instant at);
  }

  private final DataCategory category;
  private final Predicate<OrganisationType> recordedBy;
  private final Class<? extends InstitutionRecord> entity;
  private final Maker maker;
  private final CaseEvent.Type event;
  private final String wrongOrganisationKey;
  private final String incompleteKey;

  InstitutionRecordKind(
      DataCategory category,
      Predicate<OrganisationType> recordedBy,
      Class<? extends InstitutionRecord> entity,
      Maker maker,
      CaseEvent.Type event,
      String wrongOrganisationKey,
      String incompleteKey) {
    this.category = category;
    this.recordedBy = recordedBy;
    this.entity = entity;
    this.maker = maker;
    this.event = event;
    this.wrongOrganisationKey = wrongOrganisationKey;
    this.incompleteKey = incompleteKey;
  }

  /**
   * @return the data category the access policy decides on for reading and recording this kind:
   *     SOCIAL for assessments, HEALTH (GDPR Art. 9) for treatments
   */
  public DataCategory category() {
    return category;
  }

  /**
   * Whether users of an organisation type write this kind of record; the rule itself is stated on
   * {@link OrganisationType#recordsAssessments()} and {@link OrganisationType#recordsTreatments()}.
   *
   * @param type the author's organisation type
   * @return {@code true} for a centre for social work and an assessment, or a health institution
   *     and a treatment
   */
  public boolean recordedBy(OrganisationType type) {
    return recordedBy.test(type);
  }

  /**
   * @return the entity class (its JPQL entity name is its simple name)
   */
  public Class<? extends InstitutionRecord> entity() {
    return entity;
  }

  /**
   * @return the event this kind leaves on the case's timeline, tagged with {@link #category()}
   */
  public CaseEvent.Type event() {
    return event;
  }

  /**
   * @return the message key of the refusal when the author's organisation type does not write this
   *     kind
   */
  public String wrongOrganisationKey() {
    return wrongOrganisationKey;
  }

  /**
   * @return the message key when the day or the required text is missing
   */
  public String incompleteKey() {
    return incompleteKey;
  }

  /** Makes the entity of this kind; see {@link InstitutionRecord}'s constructor for the checks. */
  InstitutionRecord make(
      CaseFile caseFile, PortalUser by, LocalDate day, String text, String note, Instant at) {
    return maker.make(caseFile, by, day, text, note, at);
  }
}
