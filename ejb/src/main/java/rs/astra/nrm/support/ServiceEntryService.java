package rs.astra.nrm.support;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.CaseTimeline;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * The services of a case's support plan (HTCDS Support Plan), category SOCIAL or HEALTH by their
 * type: reading them (an audited read per category; under an own-records permit only the services
 * the viewer's organisation recorded, selected in the query), putting one on the plan and moving it
 * to another status (UPDATE of its category; under an own-records permit only the organisation that
 * recorded it). Each change is an event on the case's timeline tagged with its category.
 *
 * <p>Days are Europe/Belgrade calendar days ({@link NrmTime#ZONE}); no recorded day may lie in the
 * future except the planned day.
 */
@Stateless
@StoredBeforeReturn
public class ServiceEntryService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private CaseTimeline timeline;

  /**
   * The services of the support plan in the given categories, oldest first. Each category is an
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
    Instant now = Instant.now();
    CaseFacts f = load(caseId);
    return SupportPlanReads.read(
            em,
            enforcer,
            viewer,
            f,
            new SupportPlanReads.Parts(
                SupportRecords.require(enforcer, viewer, f, categories, now), null, null, null),
            now)
        .services();
  }

  /**
   * Puts a service on the support plan; her organisation owns the entry.
   *
   * @param viewer who records it; she must be permitted to UPDATE the service type's category
   * @param caseId the case
   * @param form the service
   * @return the new service's id
   * @throws InvalidRequestException {@code support.error.typeRequired}, {@code .unknownProvider},
   *     {@code organisation.error.inactive} (a provider deactivated since the form was shown),
   *     {@code .futureDate}, {@code .endBeforeStart}, {@code .tooLong}, or {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update the category
   *     (recorded)
   */
  public long addService(Viewer viewer, long caseId, NewServiceForm form) {
    if (form.type() == null) {
      throw new InvalidRequestException("support.error.typeRequired");
    }
    Instant now = Instant.now();
    CaseFacts f = load(caseId);
    DataCategory category = form.type().category();
    enforcer.require(viewer, f, category, AccessAction.UPDATE, now);
    SupportRecords.notInFuture(now, form.startedOn(), form.endedOn());
    Organisation provider = null;
    if (form.providerOrganisationId() != null) {
      provider = em.find(Organisation.class, form.providerOrganisationId());
      if (provider == null) {
        throw new InvalidRequestException("support.error.unknownProvider");
      }
      // Offered no more since its deactivation: a form opened before it must not name it.
      rs.astra.nrm.organisation.ActiveOrganisationChoices.requireActive(provider);
    }
    if (form.startedOn() != null
        && form.endedOn() != null
        && form.endedOn().isBefore(form.startedOn())) {
      throw new InvalidRequestException("support.error.endBeforeStart");
    }
    ServiceStatus status = form.status() == null ? ServiceStatus.PLANNED : form.status();
    ServiceEntry entry =
        new ServiceEntry(
            em.find(CaseFile.class, caseId),
            SupportRecords.user(em, viewer),
            form.type(),
            status,
            now);
    try {
      entry.describe(
          provider,
          SupportRecords.blank(form.providerName()),
          form.plannedOn(),
          form.startedOn(),
          form.endedOn(),
          SupportRecords.blank(form.note()));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("support.error.tooLong");
    }
    em.persist(entry);
    em.flush();
    timeline.record(
        caseId,
        viewer,
        CaseEvent.Type.SERVICE_ADDED,
        form.type().name() + ": " + status.name(),
        category);
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
   * @throws InvalidRequestException {@code support.error.notFound}, {@code .statusRequired}, {@code
   *     .sameStatus}, {@code .notYourRecord}, {@code .futureDate}, {@code .endBeforeStart}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update the category
   *     (recorded)
   */
  public void changeStatus(
      Viewer viewer, long serviceId, long expectedVersion, ServiceStatus next, LocalDate day) {
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
    if (d.scope() != Decision.Scope.ALL_RECORDS
        && s.getOrganisation().getId() != viewer.organisationId()) {
      throw new InvalidRequestException("support.error.notYourRecord");
    }
    if (s.getVersion() != expectedVersion) {
      throw new ConcurrentUpdateException("service");
    }
    LocalDate on = day == null ? SupportRecords.today(now) : day;
    SupportRecords.notInFuture(now, on);
    if (s.getStatus() == next) {
      throw new InvalidRequestException("support.error.sameStatus");
    }
    ServiceStatus before = s.getStatus();
    try {
      s.changeStatus(next, on, SupportRecords.user(em, viewer), now);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("support.error.endBeforeStart");
    }
    SupportRecords.flush(em, "service");
    timeline.record(
        caseId,
        viewer,
        CaseEvent.Type.SERVICE_STATUS_CHANGED,
        s.getType().name() + ": " + before.name() + " → " + next.name(),
        s.getCategory());
  }

  private CaseFacts load(long caseId) {
    return caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
  }
}
