package rs.astra.nrm.support;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.CaseTimeline;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * A case's safety plan (category SOCIAL): reading it (an audited read; under an own-records permit
 * only a plan the viewer's organisation drew up) and drawing it up or revising it (UPDATE of
 * SOCIAL; under an own-records permit only the organisation that drew it up). Each revision is an
 * event on the case's timeline tagged SOCIAL.
 *
 * <p>The review day may lie in the future; days are Europe/Belgrade calendar days ({@link
 * NrmTime#ZONE}).
 */
@Stateless
@StoredBeforeReturn
public class SafetyPlanService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private CaseTimeline timeline;

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
    Decision read = enforcer.require(viewer, f, DataCategory.SOCIAL, AccessAction.READ, now);
    return Optional.ofNullable(
        SupportPlanReads.read(
                em, enforcer, viewer, f, new SupportPlanReads.Parts(null, read, null, null), now)
            .safetyPlan());
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
   * @throws ConcurrentUpdateException when someone else drew up or revised the plan since she saw
   *     it
   * @throws InvalidRequestException {@code support.error.safetyPlanIncomplete}, {@code .tooLong},
   *     {@code .notYourRecord}, {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update SOCIAL (recorded)
   */
  public long saveSafetyPlan(Viewer viewer, long caseId, SafetyPlanForm form) {
    String risks = SupportRecords.blank(form.risks());
    String measures = SupportRecords.blank(form.measures());
    if (risks == null || measures == null) {
      throw new InvalidRequestException("support.error.safetyPlanIncomplete");
    }
    Instant now = Instant.now();
    Decision d =
        enforcer.require(viewer, load(caseId), DataCategory.SOCIAL, AccessAction.UPDATE, now);
    SafetyPlan plan =
        em
            .createQuery(
                "select p from SafetyPlan p where p.caseFile.id = :caseId", SafetyPlan.class)
            .setParameter("caseId", caseId)
            .getResultList()
            .stream()
            .findFirst()
            .orElse(null);
    boolean first = plan == null;
    if (first) {
      if (form.expectedVersion() != null) {
        throw new ConcurrentUpdateException("safety plan");
      }
      plan = new SafetyPlan(em.find(CaseFile.class, caseId), SupportRecords.user(em, viewer), now);
    } else {
      if (d.scope() != Decision.Scope.ALL_RECORDS
          && plan.getOrganisation().getId() != viewer.organisationId()) {
        throw new InvalidRequestException("support.error.notYourRecord");
      }
      if (form.expectedVersion() == null || plan.getVersion() != form.expectedVersion()) {
        throw new ConcurrentUpdateException("safety plan");
      }
    }
    try {
      plan.revise(
          risks,
          measures,
          SupportRecords.blank(form.emergencyContacts()),
          form.reviewOn(),
          SupportRecords.user(em, viewer),
          now);
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
      SupportRecords.flush(em, "safety plan");
    }
    timeline.record(caseId, viewer, CaseEvent.Type.SAFETY_PLAN_UPDATED, null, DataCategory.SOCIAL);
    return plan.getVersion();
  }

  private CaseFacts load(long caseId) {
    return caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
  }
}
