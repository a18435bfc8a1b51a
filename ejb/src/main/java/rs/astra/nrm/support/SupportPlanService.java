package rs.astra.nrm.support;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.CaseTimeline;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.DataCategory;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.NrmTime;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * A case's support: the services of the support plan (HTCDS Support Plan), the safety plan, the
 * centres for social work's assessment notes and the health institutions' treatment records, all
 * through the access policy.
 *
 * <ul>
 *   <li>Every read is an explicit, audited request ({@link AccessEnforcer#require}) for its category:
 *       SOCIAL, or HEALTH for health and medical services and treatment records (GDPR Art. 9). The
 *       queries select only the permitted categories, and under an own-records permit only the
 *       records the viewer's organisation made: nothing is loaded and then dropped in Java. The case
 *       page reads everything at once ({@link #view}), one audit record per category.
 *   <li>Every change needs UPDATE of the record's category. Under an own-records permit (a
 *       recipient's consent allows UPDATE of its own records only) a service's status and the safety
 *       plan are changed only by the organisation that recorded them.
 *   <li>Assessment notes are written by centres for social work only, treatment records by health
 *       institutions only; nobody changes them afterwards.
 *   <li>Each change is an event on the case's timeline, tagged with its category so that recipients
 *       see it only while they may read that category.
 * </ul>
 *
 * Days are Europe/Belgrade calendar days ({@link NrmTime#ZONE}); no recorded day may lie in the
 * future except a service's planned day and the safety plan's review day.
 */
@Stateless
@StoredBeforeReturn
public class SupportPlanService {

  /** The categories of support records. */
  public static final Set<DataCategory> CATEGORIES = EnumSet.of(DataCategory.SOCIAL, DataCategory.HEALTH);

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private CaseTimeline timeline;

  /**
   * A service of the support plan as the viewer sees it.
   *
   * @param id the service
   * @param version its optimistic-lock version, to give back with a status change
   * @param type the service type
   * @param category SOCIAL or HEALTH
   * @param providerOrganisation the portal organisation that provides it, or {@code null}
   * @param providerName an outside provider, or {@code null}
   * @param status where it stands
   * @param plannedOn planned day, or {@code null}
   * @param startedOn day started, or {@code null}
   * @param endedOn day ended, or {@code null}
   * @param note note, or {@code null}
   * @param organisation the organisation that recorded it
   * @param recordedBy who recorded it
   * @param recordedAt when (UTC)
   * @param changeable whether the viewer may change its status
   */
  public record ServiceRow(
      long id,
      long version,
      ServiceType type,
      DataCategory category,
      String providerOrganisation,
      String providerName,
      ServiceStatus status,
      LocalDate plannedOn,
      LocalDate startedOn,
      LocalDate endedOn,
      String note,
      String organisation,
      String recordedBy,
      Instant recordedAt,
      boolean changeable)
      implements Serializable {}

  /**
   * A service to put on the support plan.
   *
   * @param type the service, required
   * @param providerOrganisationId a portal organisation that provides it, or {@code null}
   * @param providerName an outside provider, or {@code null} (up to 200 characters)
   * @param status where it stands; {@code null} = PLANNED
   * @param plannedOn planned day, or {@code null}
   * @param startedOn day started, not in the future, or {@code null}
   * @param endedOn day ended, not in the future nor before the start, or {@code null}
   * @param note note, or {@code null} (up to 4000 characters)
   */
  public record NewServiceForm(
      ServiceType type,
      Long providerOrganisationId,
      String providerName,
      ServiceStatus status,
      LocalDate plannedOn,
      LocalDate startedOn,
      LocalDate endedOn,
      String note)
      implements Serializable {}

  /**
   * The current safety plan.
   *
   * @param version its optimistic-lock version, to give back with a revision
   * @param risks the risks
   * @param measures the agreed measures
   * @param emergencyContacts whom to call, or {@code null}
   * @param reviewOn review day, or {@code null}
   * @param organisation the organisation that drew it up
   * @param updatedBy who revised it last
   * @param updatedAt when (UTC)
   * @param editable whether the viewer may revise it
   */
  public record SafetyPlanView(
      long version,
      String risks,
      String measures,
      String emergencyContacts,
      LocalDate reviewOn,
      String organisation,
      String updatedBy,
      Instant updatedAt,
      boolean editable)
      implements Serializable {}

  /**
   * A new text of the safety plan.
   *
   * @param expectedVersion the version the user revised; {@code null} when she draws up the first plan
   * @param risks the risks, required (up to 4000 characters)
   * @param measures the agreed measures, required (up to 4000 characters)
   * @param emergencyContacts whom to call, or {@code null} (up to 4000 characters)
   * @param reviewOn review day, or {@code null}
   */
  public record SafetyPlanForm(Long expectedVersion, String risks, String measures, String emergencyContacts, LocalDate reviewOn)
      implements Serializable {}

  /**
   * An assessment note as the viewer sees it.
   *
   * @param id the note
   * @param assessedOn day of the assessment
   * @param organisation the centre for social work
   * @param recordedBy who wrote it
   * @param text the assessment
   * @param recommendedMeasures the recommended measures, or {@code null}
   */
  public record AssessmentRow(long id, LocalDate assessedOn, String organisation, String recordedBy, String text, String recommendedMeasures)
      implements Serializable {}

  /**
   * An assessment to record.
   *
   * @param assessedOn day of the assessment, not in the future
   * @param text the assessment, required (up to 4000 characters)
   * @param recommendedMeasures the recommended measures, or {@code null} (up to 4000 characters)
   */
  public record NewAssessmentForm(LocalDate assessedOn, String text, String recommendedMeasures) implements Serializable {}

  /**
   * A treatment record as the viewer sees it.
   *
   * @param id the record
   * @param treatedOn day of the treatment
   * @param organisation the health institution
   * @param recordedBy who wrote it
   * @param treatment the treatment given
   * @param note note, or {@code null}
   */
  public record TreatmentRow(long id, LocalDate treatedOn, String organisation, String recordedBy, String treatment, String note)
      implements Serializable {}

  /**
   * A treatment to record.
   *
   * @param treatedOn day of the treatment, not in the future
   * @param treatment the treatment given, required (up to 4000 characters)
   * @param note note, or {@code null} (up to 4000 characters)
   */
  public record NewTreatmentForm(LocalDate treatedOn, String treatment, String note) implements Serializable {}

  /**
   * Everything of a case's support the viewer asked to read, for the case page.
   *
   * @param categories the categories read (SOCIAL and/or HEALTH)
   * @param services the services of those categories, oldest first
   * @param safetyPlan the current safety plan, or {@code null} (none, or SOCIAL not read)
   * @param assessments the assessment notes (empty unless SOCIAL was read)
   * @param treatments the treatment records (empty unless HEALTH was read)
   */
  public record SupportView(
      Set<DataCategory> categories, List<ServiceRow> services, SafetyPlanView safetyPlan, List<AssessmentRow> assessments, List<TreatmentRow> treatments)
      implements Serializable {}

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
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not read one of the categories (recorded)
   */
  public SupportView view(Viewer viewer, long caseId, Set<DataCategory> categories) {
    Instant now = Instant.now();
    CaseFacts f = load(caseId);
    Map<DataCategory, Decision> read = require(viewer, f, categories, now);
    Decision social = read.get(DataCategory.SOCIAL);
    Decision health = read.get(DataCategory.HEALTH);
    return new SupportView(
        Set.copyOf(read.keySet()),
        services(viewer, f, read, now),
        social == null ? null : safetyPlan(viewer, f, social, now).orElse(null),
        social == null ? List.of() : assessments(viewer, caseId, social),
        health == null ? List.of() : treatments(viewer, caseId, health));
  }

  // ---------------------------------------------------------------- who may change what

  /**
   * The support categories the viewer may change on a case (to offer her the forms). Deciding
   * reads no personal data, so nothing is audited; each change is decided and audited again.
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
   * The services of the support plan in the given categories, oldest first. Each category is an
   * audited read; the query selects only those categories, and under an own-records permit only
   * the services her organisation recorded.
   *
   * @param viewer who asks
   * @param caseId the case
   * @param categories SOCIAL and/or HEALTH: the categories the viewer asks to read
   * @return the services
   * @throws IllegalArgumentException for a category other than SOCIAL or HEALTH
   * @throws InvalidRequestException {@code case.notFound} for a case that does not exist
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not read one of the categories (recorded)
   */
  public List<ServiceRow> services(Viewer viewer, long caseId, Set<DataCategory> categories) {
    Instant now = Instant.now();
    CaseFacts f = load(caseId);
    return services(viewer, f, require(viewer, f, categories, now), now);
  }

  /** Asks READ of each support category in turn (each an audit record); the decisions in category order. */
  private Map<DataCategory, Decision> require(Viewer viewer, CaseFacts f, Set<DataCategory> categories, Instant now) {
    if (!CATEGORIES.containsAll(categories)) {
      throw new IllegalArgumentException("not a support category: " + categories);
    }
    Map<DataCategory, Decision> read = new EnumMap<>(DataCategory.class);
    for (DataCategory c : CATEGORIES) {
      if (categories.contains(c)) {
        read.put(c, enforcer.require(viewer, f, c, AccessAction.READ, now));
      }
    }
    return read;
  }

  private List<ServiceRow> services(Viewer viewer, CaseFacts f, Map<DataCategory, Decision> read, Instant now) {
    if (read.isEmpty()) {
      return List.of();
    }
    long caseId = f.caseId();
    Set<DataCategory> all = EnumSet.noneOf(DataCategory.class);
    Set<DataCategory> own = EnumSet.noneOf(DataCategory.class);
    read.forEach((c, d) -> (d.scope() == Decision.Scope.ALL_RECORDS ? all : own).add(c));
    Set<DataCategory> changeAll = EnumSet.noneOf(DataCategory.class);
    Set<DataCategory> changeOwn = EnumSet.noneOf(DataCategory.class);
    for (DataCategory c : read.keySet()) {
      Decision d = enforcer.decide(viewer, f, c, AccessAction.UPDATE, now);
      if (d.permitted()) {
        (d.scope() == Decision.Scope.ALL_RECORDS ? changeAll : changeOwn).add(c);
      }
    }
    TypedQuery<ServiceEntry> query =
        em.createQuery(
                "select s from ServiceEntry s join fetch s.organisation join fetch s.recordedBy left join fetch s.providerOrganisation"
                    + " where s.caseFile.id = :caseId and ("
                    + (all.isEmpty() ? "" : "s.category in :all")
                    + (all.isEmpty() || own.isEmpty() ? "" : " or ")
                    + (own.isEmpty() ? "" : "(s.category in :own and s.organisation.id = :org)")
                    + ") order by s.recordedAt, s.id",
                ServiceEntry.class)
            .setParameter("caseId", caseId);
    if (!all.isEmpty()) {
      query.setParameter("all", all);
    }
    if (!own.isEmpty()) {
      query.setParameter("own", own).setParameter("org", viewer.organisationId());
    }
    return query.getResultList().stream()
        .map(
            s ->
                new ServiceRow(
                    s.getId(),
                    s.getVersion(),
                    s.getType(),
                    s.getCategory(),
                    s.getProviderOrganisation() == null ? null : s.getProviderOrganisation().getName(),
                    s.getProviderName(),
                    s.getStatus(),
                    s.getPlannedOn(),
                    s.getStartedOn(),
                    s.getEndedOn(),
                    s.getNote(),
                    s.getOrganisation().getName(),
                    s.getRecordedBy().getDisplayName(),
                    s.getRecordedAt(),
                    changeAll.contains(s.getCategory()) || (changeOwn.contains(s.getCategory()) && s.getOrganisation().getId() == viewer.organisationId())))
        .toList();
  }

  /**
   * Puts a service on the support plan; her organisation owns the entry.
   *
   * @param viewer who records it; she must be permitted to UPDATE the service type's category
   * @param caseId the case
   * @param form the service
   * @return the new service's id
   * @throws InvalidRequestException {@code support.error.typeRequired}, {@code .unknownProvider},
   *     {@code .futureDate}, {@code .endBeforeStart}, {@code .tooLong}, or {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update the category (recorded)
   */
  public long addService(Viewer viewer, long caseId, NewServiceForm form) {
    if (form.type() == null) {
      throw new InvalidRequestException("support.error.typeRequired");
    }
    Instant now = Instant.now();
    CaseFacts f = load(caseId);
    DataCategory category = form.type().category();
    enforcer.require(viewer, f, category, AccessAction.UPDATE, now);
    notInFuture(now, form.startedOn(), form.endedOn());
    Organisation provider = null;
    if (form.providerOrganisationId() != null) {
      provider = em.find(Organisation.class, form.providerOrganisationId());
      if (provider == null) {
        throw new InvalidRequestException("support.error.unknownProvider");
      }
    }
    if (form.startedOn() != null && form.endedOn() != null && form.endedOn().isBefore(form.startedOn())) {
      throw new InvalidRequestException("support.error.endBeforeStart");
    }
    ServiceStatus status = form.status() == null ? ServiceStatus.PLANNED : form.status();
    ServiceEntry entry = new ServiceEntry(em.find(CaseFile.class, caseId), user(viewer), form.type(), status, now);
    try {
      entry.describe(provider, blank(form.providerName()), form.plannedOn(), form.startedOn(), form.endedOn(), blank(form.note()));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("support.error.tooLong");
    }
    em.persist(entry);
    em.flush();
    timeline.record(caseId, viewer, CaseEvent.Type.SERVICE_ADDED, form.type().name() + ": " + status.name(), category);
    return entry.getId();
  }

  /**
   * Moves a service to another status (optimistic locking: the version the user saw must still be
   * current).
   *
   * @param viewer who changes it; she must be permitted to UPDATE its category, and under an
   *     own-records permit her organisation must have recorded it
   * @param serviceId the service
   * @param expectedVersion the version the user saw
   * @param next the new status
   * @param day the day of the change, not in the future; {@code null} = today
   * @throws ConcurrentUpdateException when someone else changed it since she saw it
   * @throws InvalidRequestException {@code support.error.notFound}, {@code .statusRequired},
   *     {@code .sameStatus}, {@code .notYourRecord}, {@code .futureDate}, {@code .endBeforeStart}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update the category (recorded)
   */
  public void changeStatus(Viewer viewer, long serviceId, long expectedVersion, ServiceStatus next, LocalDate day) {
    if (next == null) {
      throw new InvalidRequestException("support.error.statusRequired");
    }
    ServiceEntry s = em.find(ServiceEntry.class, serviceId);
    if (s == null) {
      throw new InvalidRequestException("support.error.notFound");
    }
    Instant now = Instant.now();
    long caseId = s.getCaseFile().getId();
    Decision d = enforcer.require(viewer, load(caseId), s.getCategory(), AccessAction.UPDATE, now);
    if (d.scope() != Decision.Scope.ALL_RECORDS && s.getOrganisation().getId() != viewer.organisationId()) {
      throw new InvalidRequestException("support.error.notYourRecord");
    }
    if (s.getVersion() != expectedVersion) {
      throw new ConcurrentUpdateException("service");
    }
    LocalDate on = day == null ? today(now) : day;
    notInFuture(now, on);
    if (s.getStatus() == next) {
      throw new InvalidRequestException("support.error.sameStatus");
    }
    ServiceStatus before = s.getStatus();
    try {
      s.changeStatus(next, on, user(viewer), now);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("support.error.endBeforeStart");
    }
    flush("service");
    timeline.record(caseId, viewer, CaseEvent.Type.SERVICE_STATUS_CHANGED, s.getType().name() + ": " + before.name() + " → " + next.name(), s.getCategory());
  }

  // ---------------------------------------------------------------- safety plan

  /**
   * The current safety plan (category SOCIAL), an audited read.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return the plan, or empty when there is none (or, under an own-records permit, when another
   *     organisation drew it up)
   * @throws InvalidRequestException {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not read SOCIAL (recorded)
   */
  public Optional<SafetyPlanView> safetyPlan(Viewer viewer, long caseId) {
    Instant now = Instant.now();
    CaseFacts f = load(caseId);
    return safetyPlan(viewer, f, enforcer.require(viewer, f, DataCategory.SOCIAL, AccessAction.READ, now), now);
  }

  private Optional<SafetyPlanView> safetyPlan(Viewer viewer, CaseFacts f, Decision read, Instant now) {
    long caseId = f.caseId();
    boolean own = read.scope() != Decision.Scope.ALL_RECORDS;
    TypedQuery<SafetyPlan> query =
        em.createQuery(
                "select p from SafetyPlan p join fetch p.organisation join fetch p.updatedBy where p.caseFile.id = :caseId"
                    + (own ? " and p.organisation.id = :org" : ""),
                SafetyPlan.class)
            .setParameter("caseId", caseId);
    if (own) {
      query.setParameter("org", viewer.organisationId());
    }
    Decision update = enforcer.decide(viewer, f, DataCategory.SOCIAL, AccessAction.UPDATE, now);
    return query.getResultList().stream()
        .findFirst()
        .map(
            p ->
                new SafetyPlanView(
                    p.getVersion(),
                    p.getRisks(),
                    p.getMeasures(),
                    p.getEmergencyContacts(),
                    p.getReviewOn(),
                    p.getOrganisation().getName(),
                    p.getUpdatedBy().getDisplayName(),
                    p.getUpdatedAt(),
                    update.permitted() && (update.scope() == Decision.Scope.ALL_RECORDS || p.getOrganisation().getId() == viewer.organisationId())));
  }

  /**
   * Draws up the safety plan, or revises the current one in place (the timeline records the
   * revision; the earlier text is not kept).
   *
   * @param viewer who writes it; she must be permitted to UPDATE SOCIAL, and under an own-records
   *     permit only her organisation's plan can be revised
   * @param caseId the case
   * @param form the new text, with the version she revised ({@code null} for a first plan)
   * @return the plan's new version
   * @throws ConcurrentUpdateException when someone else drew up or revised the plan since she saw it
   * @throws InvalidRequestException {@code support.error.safetyPlanIncomplete}, {@code .tooLong},
   *     {@code .notYourRecord}, {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update SOCIAL (recorded)
   */
  public long saveSafetyPlan(Viewer viewer, long caseId, SafetyPlanForm form) {
    String risks = blank(form.risks());
    String measures = blank(form.measures());
    if (risks == null || measures == null) {
      throw new InvalidRequestException("support.error.safetyPlanIncomplete");
    }
    Instant now = Instant.now();
    Decision d = enforcer.require(viewer, load(caseId), DataCategory.SOCIAL, AccessAction.UPDATE, now);
    SafetyPlan plan =
        em.createQuery("select p from SafetyPlan p where p.caseFile.id = :caseId", SafetyPlan.class).setParameter("caseId", caseId).getResultList().stream()
            .findFirst()
            .orElse(null);
    boolean first = plan == null;
    if (first) {
      if (form.expectedVersion() != null) {
        throw new ConcurrentUpdateException("safety plan");
      }
      plan = new SafetyPlan(em.find(CaseFile.class, caseId), user(viewer), now);
    } else {
      if (d.scope() != Decision.Scope.ALL_RECORDS && plan.getOrganisation().getId() != viewer.organisationId()) {
        throw new InvalidRequestException("support.error.notYourRecord");
      }
      if (form.expectedVersion() == null || plan.getVersion() != form.expectedVersion()) {
        throw new ConcurrentUpdateException("safety plan");
      }
    }
    try {
      plan.revise(risks, measures, blank(form.emergencyContacts()), form.reviewOn(), user(viewer), now);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("support.error.tooLong");
    }
    if (first) {
      em.persist(plan);
      try {
        em.flush();
      } catch (PersistenceException e) {
        // Someone else drew up the first plan at the same moment: the unique key on the case.
        throw new ConcurrentUpdateException("safety plan");
      }
    } else {
      flush("safety plan");
    }
    timeline.record(caseId, viewer, CaseEvent.Type.SAFETY_PLAN_UPDATED, null, DataCategory.SOCIAL);
    return plan.getVersion();
  }

  // ---------------------------------------------------------------- assessment notes

  /**
   * The centres for social work's assessment notes (category SOCIAL), oldest first; an audited read.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return all notes, or under an own-records permit her organisation's
   * @throws InvalidRequestException {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not read SOCIAL (recorded)
   */
  public List<AssessmentRow> assessments(Viewer viewer, long caseId) {
    return assessments(viewer, caseId, enforcer.require(viewer, load(caseId), DataCategory.SOCIAL, AccessAction.READ, Instant.now()));
  }

  private List<AssessmentRow> assessments(Viewer viewer, long caseId, Decision read) {
    boolean own = read.scope() != Decision.Scope.ALL_RECORDS;
    TypedQuery<AssessmentNote> query =
        em.createQuery(
                "select a from AssessmentNote a join fetch a.organisation join fetch a.recordedBy where a.caseFile.id = :caseId"
                    + (own ? " and a.organisation.id = :org" : "")
                    + " order by a.assessedOn, a.id",
                AssessmentNote.class)
            .setParameter("caseId", caseId);
    if (own) {
      query.setParameter("org", viewer.organisationId());
    }
    return query.getResultList().stream()
        .map(a -> new AssessmentRow(a.getId(), a.getAssessedOn(), a.getOrganisation().getName(), a.getRecordedBy().getDisplayName(), a.getText(), a.getRecommendedMeasures()))
        .toList();
  }

  /**
   * Records a centre for social work's assessment.
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
    if (!viewer.organisationType().recordsAssessments()) {
      throw new InvalidRequestException("support.error.assessmentBySocialWorkCentre");
    }
    String text = blank(form.text());
    if (form.assessedOn() == null || text == null) {
      throw new InvalidRequestException("support.error.assessmentIncomplete");
    }
    Instant now = Instant.now();
    enforcer.require(viewer, load(caseId), DataCategory.SOCIAL, AccessAction.UPDATE, now);
    notInFuture(now, form.assessedOn());
    AssessmentNote note;
    try {
      note = new AssessmentNote(em.find(CaseFile.class, caseId), user(viewer), form.assessedOn(), text, blank(form.recommendedMeasures()), now);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("support.error.tooLong");
    }
    em.persist(note);
    em.flush();
    timeline.record(caseId, viewer, CaseEvent.Type.ASSESSMENT_RECORDED, null, DataCategory.SOCIAL);
    return note.getId();
  }

  // ---------------------------------------------------------------- treatment records

  /**
   * The health institutions' treatment records (category HEALTH), oldest first; an audited read.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return all records, or under an own-records permit her institution's
   * @throws InvalidRequestException {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not read HEALTH (recorded)
   */
  public List<TreatmentRow> treatments(Viewer viewer, long caseId) {
    return treatments(viewer, caseId, enforcer.require(viewer, load(caseId), DataCategory.HEALTH, AccessAction.READ, Instant.now()));
  }

  private List<TreatmentRow> treatments(Viewer viewer, long caseId, Decision read) {
    boolean own = read.scope() != Decision.Scope.ALL_RECORDS;
    TypedQuery<TreatmentRecord> query =
        em.createQuery(
                "select t from TreatmentRecord t join fetch t.organisation join fetch t.recordedBy where t.caseFile.id = :caseId"
                    + (own ? " and t.organisation.id = :org" : "")
                    + " order by t.treatedOn, t.id",
                TreatmentRecord.class)
            .setParameter("caseId", caseId);
    if (own) {
      query.setParameter("org", viewer.organisationId());
    }
    return query.getResultList().stream()
        .map(t -> new TreatmentRow(t.getId(), t.getTreatedOn(), t.getOrganisation().getName(), t.getRecordedBy().getDisplayName(), t.getTreatment(), t.getNote()))
        .toList();
  }

  /**
   * Records a treatment given by a health institution.
   *
   * @param viewer a health worker permitted to UPDATE HEALTH
   * @param caseId the case
   * @param form the treatment
   * @return the new record's id
   * @throws InvalidRequestException {@code support.error.treatmentByHealthInstitution} for anyone
   *     else, {@code .treatmentIncomplete}, {@code .futureDate}, {@code .tooLong}, {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update HEALTH (recorded)
   */
  public long recordTreatment(Viewer viewer, long caseId, NewTreatmentForm form) {
    if (!viewer.organisationType().recordsTreatments()) {
      throw new InvalidRequestException("support.error.treatmentByHealthInstitution");
    }
    String treatment = blank(form.treatment());
    if (form.treatedOn() == null || treatment == null) {
      throw new InvalidRequestException("support.error.treatmentIncomplete");
    }
    Instant now = Instant.now();
    enforcer.require(viewer, load(caseId), DataCategory.HEALTH, AccessAction.UPDATE, now);
    notInFuture(now, form.treatedOn());
    TreatmentRecord treated;
    try {
      treated = new TreatmentRecord(em.find(CaseFile.class, caseId), user(viewer), form.treatedOn(), treatment, blank(form.note()), now);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("support.error.tooLong");
    }
    em.persist(treated);
    em.flush();
    timeline.record(caseId, viewer, CaseEvent.Type.TREATMENT_RECORDED, null, DataCategory.HEALTH);
    return treated.getId();
  }

  // ---------------------------------------------------------------- helpers

  private CaseFacts load(long caseId) {
    return caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
  }

  private PortalUser user(Viewer viewer) {
    return em.find(PortalUser.class, viewer.userId());
  }

  private void flush(String what) {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new ConcurrentUpdateException(what);
    }
  }

  private static LocalDate today(Instant now) {
    return now.atZone(NrmTime.ZONE).toLocalDate();
  }

  private static void notInFuture(Instant now, LocalDate... days) {
    LocalDate today = today(now);
    for (LocalDate day : days) {
      if (day != null && day.isAfter(today)) {
        throw new InvalidRequestException("support.error.futureDate");
      }
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
