package rs.astra.nrm.casefile;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.consent.CaseFactsLoader;
import rs.astra.nrm.consent.DataCategory;
import rs.astra.nrm.organisation.Viewer;

/**
 * The timeline of a case (hronologija): records events as services change a case, and shows them —
 * every event to the owning organisation, and to a recipient the stage changes and the events of
 * its own organisation (consents and other institutions' steps are not its business).
 */
@Stateless
public class CaseTimeline {

  private static final Set<CaseEvent.Type> SHARED_WITH_RECIPIENTS =
      EnumSet.of(CaseEvent.Type.STAGE_CHANGED, CaseEvent.Type.IDENTIFICATION_DECIDED);

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseFactsLoader facts;
  @Inject private AccessPolicy policy;

  /**
   * One line of the timeline.
   *
   * @param at when (UTC)
   * @param type what happened
   * @param user who did it
   * @param organisation her organisation
   * @param detail more, may be {@code null}
   */
  public record EventLine(Instant at, CaseEvent.Type type, String user, String organisation, String detail) implements Serializable {}

  /**
   * Appends an event, in the caller's transaction.
   *
   * @param caseId the case
   * @param viewer who did it
   * @param type what happened
   * @param detail codes and names, no personal data of the victim; may be {@code null}
   */
  public void record(long caseId, Viewer viewer, CaseEvent.Type type, String detail) {
    em.persist(new CaseEvent(caseId, Instant.now(), type, viewer.displayName(), viewer.organisationId(), viewer.organisationName(), detail));
  }

  /**
   * The events of a case the viewer may see, oldest first.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return the events; empty when the viewer may not see the case
   */
  public List<EventLine> events(Viewer viewer, long caseId) {
    var f = facts.load(caseId);
    if (f.isEmpty() || !policy.decide(viewer, f.get(), DataCategory.CASE_SUMMARY, AccessAction.READ, Instant.now()).permitted()) {
      return List.of();
    }
    boolean owner = f.get().ownerOrganisationId() == viewer.organisationId();
    return em.createNamedQuery(CaseEvent.FIND_BY_CASE, CaseEvent.class).setParameter("caseId", caseId).getResultList().stream()
        .filter(e -> owner || SHARED_WITH_RECIPIENTS.contains(e.getType()) || e.getOrganisationId() == viewer.organisationId())
        .map(e -> new EventLine(e.getAt(), e.getType(), e.getUserDisplayName(), e.getOrganisationName(), e.getDetail()))
        .toList();
  }
}
