package rs.astra.nrm.support;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.DataCategory;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * A case's support on the case page: the services of the support plan (HTCDS Support Plan), the
 * safety plan, the centres for social work's assessment notes and the health institutions'
 * treatment records read at once ({@link #view}, one audit record per category), and the categories
 * the viewer may change. Each aggregate has its own service — {@link ServiceEntryService}, {@link
 * SafetyPlanService}, {@link AssessmentNoteService}, {@link TreatmentRecordService} — which states
 * its rules; the methods here that read or change one aggregate delegate to it.
 *
 * <ul>
 *   <li>Every read is an explicit, audited request ({@link AccessEnforcer#require}) for its
 *       category: SOCIAL, or HEALTH for health and medical services and treatment records (GDPR
 *       Art. 9). The queries select only the permitted categories, and under an own-records permit
 *       only the records the viewer's organisation made: nothing is loaded and then dropped in
 *       Java.
 *   <li>Every change needs UPDATE of the record's category (see the aggregate's service).
 * </ul>
 */
@Stateless
@StoredBeforeReturn
public class SupportPlanService {

  /** The categories of support records. */
  public static final Set<DataCategory> CATEGORIES =
      EnumSet.of(DataCategory.SOCIAL, DataCategory.HEALTH);

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;

  @Inject private ServiceEntryService services;
  @Inject private SafetyPlanService safetyPlans;
  @Inject private AssessmentNoteService assessments;
  @Inject private TreatmentRecordService treatments;

  // ---------------------------------------------------------------- the case page

  /**
   * The support records of the given categories, read at once for the case page: one audited
   * request per category, then the services, and for SOCIAL the safety plan and the assessments,
   * for HEALTH the treatment records.
   *
   * @param viewer who asks
   * @param caseId the case
   * @param categories SOCIAL and/or HEALTH: the categories the viewer asks to read
   * @return what she may read of them
   * @throws IllegalArgumentException for a category other than SOCIAL or HEALTH
   * @throws InvalidRequestException {@code case.notFound} for a case that does not exist
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not read one of the categories
   *     (recorded)
   */
  public SupportView view(Viewer viewer, long caseId, Set<DataCategory> categories) {
    Instant now = Instant.now();
    CaseFacts f = load(caseId);
    Map<DataCategory, Decision> read = SupportRecords.require(enforcer, viewer, f, categories, now);
    Decision social = read.get(DataCategory.SOCIAL);
    Decision health = read.get(DataCategory.HEALTH);
    return new SupportView(
        Set.copyOf(read.keySet()),
        ServiceEntryService.services(em, enforcer, viewer, f, read, now),
        social == null
            ? null
            : SafetyPlanService.safetyPlan(em, enforcer, viewer, f, social, now).orElse(null),
        social == null ? List.of() : AssessmentNoteService.assessments(em, viewer, caseId, social),
        health == null ? List.of() : TreatmentRecordService.treatments(em, viewer, caseId, health));
  }

  // ---------------------------------------------------------------- who may change what

  /**
   * The support categories the viewer may change on a case (to offer her the forms). Deciding reads
   * no personal data, so nothing is audited; each change is decided and audited again.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return SOCIAL and/or HEALTH, or none (also for a case that does not exist)
   */
  public Set<DataCategory> updatableCategories(Viewer viewer, long caseId) {
    Set<DataCategory> result = EnumSet.noneOf(DataCategory.class);
    Optional<CaseFacts> f = caseAccess.facts(caseId);
    if (f.isPresent()) {
      Instant now = Instant.now();
      for (DataCategory c : CATEGORIES) {
        if (enforcer.decide(viewer, f.get(), c, AccessAction.UPDATE, now).permitted()) {
          result.add(c);
        }
      }
    }
    return result;
  }

  // ---------------------------------------------------------------- services

  /**
   * Delegates to {@link ServiceEntryService#services}; kept for the callers of this service.
   *
   * <p>The services of the support plan in the given categories, oldest first. Each category is an
   * audited read; the query selects only those categories, and under an own-records permit only the
   * services her organisation recorded.
   *
   * @param viewer who asks
   * @param caseId the case
   * @param categories SOCIAL and/or HEALTH: the categories the viewer asks to read
   * @return the services
   * @throws IllegalArgumentException for a category other than SOCIAL or HEALTH
   * @throws InvalidRequestException {@code case.notFound} for a case that does not exist
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not read one of the categories
   *     (recorded)
   */
  public List<ServiceRow> services(Viewer viewer, long caseId, Set<DataCategory> categories) {
    return services.services(viewer, caseId, categories);
  }

  /**
   * Delegates to {@link ServiceEntryService#addService}; kept for the callers of this service.
   *
   * <p>Puts a service on the support plan; her organisation owns the entry.
   *
   * @param viewer who records it; she must be permitted to UPDATE the service type's category
   * @param caseId the case
   * @param form the service
   * @return the new service's id
   * @throws InvalidRequestException {@code support.error.typeRequired}, {@code .unknownProvider},
   *     {@code .futureDate}, {@code .endBeforeStart}, {@code .tooLong}, or {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update the category
   *     (recorded)
   */
  public long addService(Viewer viewer, long caseId, NewServiceForm form) {
    return services.addService(viewer, caseId, form);
  }

  /**
   * Delegates to {@link ServiceEntryService#changeStatus}; kept for the callers of this service.
   *
   * <p>Moves a service to another status (optimistic locking: the version the user saw must still
   * be current).
   *
   * @param viewer who changes it; she must be permitted to UPDATE its category, and under an
   *     own-records permit her organisation must have recorded it
   * @param serviceId the service
   * @param expectedVersion the version the user saw
   * @param next the new status
   * @param day the day of the change, not in the future; {@code null} = today
   * @throws ConcurrentUpdateException when someone else changed it since she saw it
   * @throws InvalidRequestException {@code support.error.notFound}, {@code .statusRequired}, {@code
   *     .sameStatus}, {@code .notYourRecord}, {@code .futureDate}, {@code .endBeforeStart}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update the category
   *     (recorded)
   */
  public void changeStatus(
      Viewer viewer, long serviceId, long expectedVersion, ServiceStatus next, LocalDate day) {
    services.changeStatus(viewer, serviceId, expectedVersion, next, day);
  }

  // ---------------------------------------------------------------- safety plan

  /**
   * Delegates to {@link SafetyPlanService#safetyPlan}; kept for the callers of this service.
   *
   * <p>The current safety plan (category SOCIAL), an audited read.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return the plan, or empty when there is none (or, under an own-records permit, when another
   *     organisation drew it up)
   * @throws InvalidRequestException {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not read SOCIAL (recorded)
   */
  public Optional<SafetyPlanView> safetyPlan(Viewer viewer, long caseId) {
    return safetyPlans.safetyPlan(viewer, caseId);
  }

  /**
   * Delegates to {@link SafetyPlanService#saveSafetyPlan}; kept for the callers of this service.
   *
   * <p>Draws up the safety plan, or revises the current one in place (the timeline records the
   * revision; the earlier text is not kept).
   *
   * @param viewer who writes it; she must be permitted to UPDATE SOCIAL, and under an own-records
   *     permit only her organisation's plan can be revised
   * @param caseId the case
   * @param form the new text, with the version she revised ({@code null} for a first plan)
   * @return the plan's new version
   * @throws ConcurrentUpdateException when someone else drew up or revised the plan since she saw
   *     it
   * @throws InvalidRequestException {@code support.error.safetyPlanIncomplete}, {@code .tooLong},
   *     {@code .notYourRecord}, {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update SOCIAL (recorded)
   */
  public long saveSafetyPlan(Viewer viewer, long caseId, SafetyPlanForm form) {
    return safetyPlans.saveSafetyPlan(viewer, caseId, form);
  }

  // ---------------------------------------------------------------- assessment notes

  /**
   * Delegates to {@link AssessmentNoteService#assessments}; kept for the callers of this service.
   *
   * <p>The centres for social work's assessment notes (category SOCIAL), oldest first; an audited
   * read.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return all notes, or under an own-records permit her organisation's
   * @throws InvalidRequestException {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not read SOCIAL (recorded)
   */
  public List<AssessmentRow> assessments(Viewer viewer, long caseId) {
    return assessments.assessments(viewer, caseId);
  }

  /**
   * Delegates to {@link AssessmentNoteService#recordAssessment}; kept for the callers of this
   * service.
   *
   * <p>Records a centre for social work's assessment.
   *
   * @param viewer a professional of a centre for social work permitted to UPDATE SOCIAL
   * @param caseId the case
   * @param form the assessment
   * @return the new note's id
   * @throws InvalidRequestException {@code support.error.assessmentBySocialWorkCentre} for anyone
   *     else (the assessment is the centre's task, Law on Social Protection), {@code
   *     .assessmentIncomplete}, {@code .futureDate}, {@code .tooLong}, {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update SOCIAL (recorded)
   */
  public long recordAssessment(Viewer viewer, long caseId, NewAssessmentForm form) {
    return assessments.recordAssessment(viewer, caseId, form);
  }

  // ---------------------------------------------------------------- treatment records

  /**
   * Delegates to {@link TreatmentRecordService#treatments}; kept for the callers of this service.
   *
   * <p>The health institutions' treatment records (category HEALTH), oldest first; an audited read.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return all records, or under an own-records permit her institution's
   * @throws InvalidRequestException {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not read HEALTH (recorded)
   */
  public List<TreatmentRow> treatments(Viewer viewer, long caseId) {
    return treatments.treatments(viewer, caseId);
  }

  /**
   * Delegates to {@link TreatmentRecordService#recordTreatment}; kept for the callers of this
   * service.
   *
   * <p>Records a treatment given by a health institution.
   *
   * @param viewer a health worker permitted to UPDATE HEALTH
   * @param caseId the case
   * @param form the treatment
   * @return the new record's id
   * @throws InvalidRequestException {@code support.error.treatmentByHealthInstitution} for anyone
   *     else, {@code .treatmentIncomplete}, {@code .futureDate}, {@code .tooLong}, {@code
   *     case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update HEALTH (recorded)
   */
  public long recordTreatment(Viewer viewer, long caseId, NewTreatmentForm form) {
    return treatments.recordTreatment(viewer, caseId, form);
  }

  // ---------------------------------------------------------------- helpers

  private CaseFacts load(long caseId) {
    return caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
  }
}
