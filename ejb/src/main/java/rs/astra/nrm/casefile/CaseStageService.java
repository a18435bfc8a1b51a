package rs.astra.nrm.casefile;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * Moves a case through the NRM stages. The owning organisation takes the ordinary steps; formal
 * identification is decided by the CPTV for an adult and by a centre for social work for a child
 * (under 18 on the day of the decision), each only on a case referred to it for identification; a
 * case is closed with a reason, on a coordinator's approval. Every step is on the timeline.
 */
@Stateless
@StoredBeforeReturn
public class CaseStageService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private CaseTimeline timeline;
  @Inject private rs.astra.nrm.notification.Notifications notifications;

  /**
   * The owner moves the case on (SIGNAL → PRESUMED_VICTIM, IDENTIFIED → ASSISTANCE, ASSISTANCE →
   * REINTEGRATION).
   *
   * @param viewer a caseworker or coordinator of the owning organisation
   * @param caseId the case
   * @param version the version the user saw
   * @param next the next stage
   * @throws InvalidRequestException {@code stage.error.notPossible} when that step is not possible
   * @throws ConcurrentUpdateException when the case changed meanwhile
   * @throws rs.astra.nrm.consent.AccessDeniedException when the viewer's organisation does not own
   *     it
   */
  public void moveTo(Viewer viewer, long caseId, long version, NrmStage next) {
    CaseFile c = ownedCase(viewer, caseId, version);
    NrmStage from = c.getStage();
    try {
      c.moveTo(next);
    } catch (IllegalStateException e) {
      throw new InvalidRequestException("stage.error.notPossible", from.name(), next.name());
    }
    timeline.record(caseId, viewer, CaseEvent.Type.STAGE_CHANGED, from + " → " + next);
    em.flush();
  }

  /**
   * Records the formal identification decision.
   *
   * @param viewer a user of the CPTV (adult) or of a centre for social work (child) with a live
   *     referral of the case for IDENTIFICATION
   * @param caseId the case
   * @param version the version the user saw
   * @param identified the decision
   * @param decidedOn the day of the decision, not in the future
   * @throws InvalidRequestException {@code stage.error.notDecider}, {@code stage.error.notPossible}
   *     or {@code stage.error.futureDate}
   * @throws ConcurrentUpdateException when the case changed meanwhile
   */
  public void decideIdentification(
      Viewer viewer, long caseId, long version, boolean identified, LocalDate decidedOn) {
    CaseFacts f =
        caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
    CaseFile c = em.find(CaseFile.class, caseId);
    LocalDate today = Instant.now().atZone(AccessPolicy.ZONE).toLocalDate();
    LocalDate day = decidedOn == null ? today : decidedOn;
    if (day.isAfter(today)) {
      throw new InvalidRequestException("stage.error.futureDate");
    }
    OrganisationType decider = decider(c, day);
    if (!mayDecide(viewer, f, decider)) {
      throw new InvalidRequestException("stage.error.notDecider", decider.name());
    }
    if (c.getVersion() != version) {
      throw new ConcurrentUpdateException("case");
    }
    try {
      c.decideIdentification(identified, em.find(Organisation.class, viewer.organisationId()), day);
    } catch (IllegalStateException e) {
      throw new InvalidRequestException(
          "stage.error.notPossible",
          c.getStage().name(),
          identified ? "IDENTIFIED" : "NOT_IDENTIFIED");
    }
    timeline.record(
        caseId,
        viewer,
        CaseEvent.Type.IDENTIFICATION_DECIDED,
        (identified ? "IDENTIFIED" : "NOT_IDENTIFIED") + " " + day);
    em.flush();
    // Issue 18: the owning organisation's case staff are told (no personal data, not the outcome).
    notifications.tell(
        rs.astra.nrm.notification.NotificationKind.IDENTIFICATION_DECIDED,
        caseId,
        c.getCode(),
        c.getOwnerOrganisation().getId(),
        em.find(Organisation.class, viewer.organisationId()).getName());
  }

  /**
   * Whether the viewer could record the identification decision today: the case is a presumed
   * victim's, her organisation is the decider for the person's age (CPTV for adults, a centre for
   * social work for children, Law on Social Protection art. 41 and the NRM's SOPs) and holds a live
   * referral of the case for IDENTIFICATION. The same rule {@link #decideIdentification} enforces,
   * so that pages offer the decision only to whom the service accepts it from.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return {@code false} also when the case does not exist
   */
  public boolean mayDecideIdentification(Viewer viewer, long caseId) {
    return mayDecideIdentification(viewer, caseId, null);
  }

  /**
   * As {@link #mayDecideIdentification(Viewer, long)}, for the case page, which has read the case
   * in this request: when its view holds the person's identity, the stage and the birth date are
   * taken from it instead of being read again (issue 16, statements per case page).
   *
   * @param viewer who asks
   * @param caseId the case
   * @param shown the case as the page read it for the viewer in this request, or {@code null}
   * @return {@code false} also when the case does not exist
   */
  public boolean mayDecideIdentification(Viewer viewer, long caseId, CaseView shown) {
    var f = caseAccess.facts(caseId);
    // Whoever could not decide for any age (no live referral for identification, another kind of
    // organisation) is answered from the facts alone, without reading the case.
    if (f.isEmpty()
        || !(mayDecide(viewer, f.get(), OrganisationType.CPTV)
            || mayDecide(viewer, f.get(), OrganisationType.SOCIAL_WORK_CENTRE))) {
      return false;
    }
    LocalDate today = Instant.now().atZone(AccessPolicy.ZONE).toLocalDate();
    if (shown != null && shown.id() == caseId && shown.identity() != null) {
      return shown.stage() == NrmStage.PRESUMED_VICTIM
          && mayDecide(viewer, f.get(), decider(shown.identity().birthdate(), today));
    }
    List<Object[]> stageAndBirthdate =
        em.createQuery(
                "select c.stage, c.person.birthdate from CaseFile c where c.id = :id",
                Object[].class)
            .setParameter("id", caseId)
            .getResultList();
    if (stageAndBirthdate.isEmpty()
        || stageAndBirthdate.getFirst()[0] != NrmStage.PRESUMED_VICTIM) {
      return false;
    }
    LocalDate birthdate = (LocalDate) stageAndBirthdate.getFirst()[1];
    return mayDecide(viewer, f.get(), decider(birthdate, today));
  }

  private static OrganisationType decider(CaseFile c, LocalDate day) {
    return decider(c.getPerson().getBirthdate(), day);
  }

  private static OrganisationType decider(LocalDate birthdate, LocalDate day) {
    boolean child = rs.astra.nrm.shared.Majority.isChild(birthdate, day);
    return child ? OrganisationType.SOCIAL_WORK_CENTRE : OrganisationType.CPTV;
  }

  private static boolean mayDecide(Viewer viewer, CaseFacts f, OrganisationType decider) {
    boolean referredForIdentification =
        f.referrals().stream()
            .anyMatch(
                r ->
                    r.toOrganisationId() == viewer.organisationId()
                        && AccessPolicy.LIVE.contains(r.state())
                        && r.purpose() == Purpose.IDENTIFICATION);
    return referredForIdentification
        && viewer.organisationType() == decider
        && !viewer.role().readsNoCaseData();
  }

  /**
   * Asks to close the case; a coordinator's request is approved at once, a caseworker's waits for a
   * coordinator.
   *
   * @param viewer a caseworker or coordinator of the owning organisation
   * @param caseId the case
   * @param version the version the user saw
   * @param reason why (HTCDS {@code cas_ReasonForCaseClosure}), required
   * @return whether the case is now closed
   * @throws InvalidRequestException {@code stage.error.reasonRequired} or when already closed
   * @throws ConcurrentUpdateException when the case changed meanwhile
   */
  public boolean requestClosure(Viewer viewer, long caseId, long version, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("stage.error.reasonRequired");
    }
    CaseFile c = ownedCase(viewer, caseId, version);
    try {
      c.requestClosure(em.find(PortalUser.class, viewer.userId()), reason, Instant.now());
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new InvalidRequestException(
          "stage.error.notPossible", c.getStage().name(), NrmStage.CLOSED.name());
    }
    timeline.record(caseId, viewer, CaseEvent.Type.CLOSURE_REQUESTED, null);
    boolean closed = viewer.role() == PortalRole.NGO_COORDINATOR;
    if (closed) {
      close(viewer, c);
    }
    em.flush();
    return closed;
  }

  /**
   * A coordinator approves a requested closure.
   *
   * @param viewer a coordinator of the owning organisation
   * @param caseId the case
   * @param version the version the user saw
   * @throws InvalidRequestException {@code stage.error.coordinatorOnly} or when nothing waits
   * @throws ConcurrentUpdateException when the case changed meanwhile
   */
  public void approveClosure(Viewer viewer, long caseId, long version) {
    if (viewer.role() != PortalRole.NGO_COORDINATOR) {
      throw new InvalidRequestException("stage.error.coordinatorOnly");
    }
    CaseFile c = ownedCase(viewer, caseId, version);
    close(viewer, c);
    em.flush();
  }

  private void close(Viewer viewer, CaseFile c) {
    NrmStage from = c.getStage();
    try {
      c.approveClosure();
    } catch (IllegalStateException e) {
      throw new InvalidRequestException(
          "stage.error.notPossible", from.name(), NrmStage.CLOSED.name());
    }
    timeline.record(
        c.getId(), viewer, CaseEvent.Type.STAGE_CHANGED, from + " → " + NrmStage.CLOSED);
  }

  private CaseFile ownedCase(Viewer viewer, long caseId, long version) {
    CaseFacts f =
        caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
    enforcer.require(viewer, f, DataCategory.CASE_SUMMARY, AccessAction.UPDATE, Instant.now());
    CaseFile c = em.find(CaseFile.class, caseId);
    if (c.getVersion() != version) {
      throw new ConcurrentUpdateException("case");
    }
    return c;
  }
}
