package rs.astra.nrm.casefile;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.organisation.Viewer;

/**
 * The timeline of a case (hronologija): records events as services change a case, and shows them —
 * every event to the owning organisation, and to a recipient the stage changes and the events of
 * its own organisation (consents and other institutions' steps are not its business). An event that
 * reveals a personal category (support plan, treatment: {@link CaseEvent#getCategory()}) is shown
 * to a recipient only while the policy lets her read that category — all such events, or under an
 * own-records permit her organisation's — whoever recorded it. The filter runs in the query.
 */
@Stateless
public class CaseTimeline {

  private static final Set<CaseEvent.Type> SHARED_WITH_RECIPIENTS =
      EnumSet.of(CaseEvent.Type.STAGE_CHANGED, CaseEvent.Type.IDENTIFICATION_DECIDED);

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;

  /**
   * One line of the timeline.
   *
   * @param at when (UTC)
   * @param type what happened
   * @param user who did it
   * @param organisation her organisation
   * @param detail more, may be {@code null}
   */
  public record EventLine(
      Instant at, CaseEvent.Type type, String user, String organisation, String detail)
      implements Serializable {}

  /**
   * Appends an event, in the caller's transaction.
   *
   * @param caseId the case
   * @param viewer who did it
   * @param type what happened
   * @param detail codes and names, no personal data of the victim; may be {@code null}
   */
  public void record(long caseId, Viewer viewer, CaseEvent.Type type, String detail) {
    em.persist(CaseEvent.now(caseId, type, viewer.actor(), detail));
  }

  /** Who the timeline names for a step the portal took by itself (a scheduled job). */
  public static final String BY_THE_PORTAL = "NRM Portal";

  /**
   * Appends an event that no user caused — a scheduled job's step, e.g. a proposed transfer that
   * lapsed because its consent expired — named {@link #BY_THE_PORTAL}, on behalf of an
   * organisation, in the caller's transaction.
   *
   * @param caseId the case
   * @param organisationId the organisation on whose behalf (e.g. the proposing one)
   * @param organisationName its name
   * @param type what happened
   * @param detail codes and names, no personal data of the victim; may be {@code null}
   */
  public void recordByThePortal(
      long caseId,
      long organisationId,
      String organisationName,
      CaseEvent.Type type,
      String detail) {
    em.persist(
        new CaseEvent(
            caseId, Instant.now(), type, BY_THE_PORTAL, organisationId, organisationName, detail));
  }

  /**
   * Appends an event that reveals data of a personal category, in the caller's transaction.
   *
   * @param caseId the case
   * @param viewer who did it
   * @param type what happened
   * @param detail codes and names, no personal data of the victim; may be {@code null}
   * @param category the category the event reveals (e.g. HEALTH for a medical examination)
   */
  public void record(
      long caseId, Viewer viewer, CaseEvent.Type type, String detail, DataCategory category) {
    em.persist(CaseEvent.now(caseId, type, viewer.actor(), detail, category));
  }

  /**
   * The events of a case the viewer may see, oldest first.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return the events; empty when the viewer may not see the case
   */
  public List<EventLine> events(Viewer viewer, long caseId) {
    var f = caseAccess.facts(caseId);
    if (f.isEmpty()) {
      return List.of();
    }
    Instant now = Instant.now();
    // Every category decided once, through the enforcer; nothing recorded yet: the permits are
    // recorded below for the personal categories the returned events actually reveal (issue 16).
    Map<DataCategory, Decision> decisions =
        enforcer.decideAllAndRecordPermits(viewer, f.get(), AccessAction.READ, now, Set.of());
    if (!decisions.get(DataCategory.CASE_SUMMARY).permitted()) {
      return List.of();
    }
    List<CaseEvent> events;
    if (f.get().ownerOrganisationId() == viewer.organisationId()) {
      events =
          em.createNamedQuery(CaseEvent.FIND_BY_CASE, CaseEvent.class)
              .setParameter("caseId", caseId)
              .getResultList();
    } else {
      // The personal categories' events by the decisions' scopes: the predicate the documents
      // use too (AccessPolicy.ReadableCategories); events of no category are the shared kinds and
      // her organisation's own.
      AccessPolicy.ReadableCategories readable = AccessPolicy.ReadableCategories.of(decisions);
      var query =
          em.createQuery(
                  "select e from CaseEvent e where e.caseFileId = :caseId and ("
                      + "(e.category is null and (e.type in :shared or "
                      + AccessPolicy.ownRecords("e.organisationId")
                      + "))"
                      + (readable.none()
                          ? ""
                          : " or " + readable.predicate("e.category", "e.organisationId"))
                      + ") order by e.at, e.id",
                  CaseEvent.class)
              .setParameter("caseId", caseId)
              .setParameter("shared", SHARED_WITH_RECIPIENTS);
      if (readable.none()) {
        AccessPolicy.bindOwnRecords(query, viewer);
      } else {
        readable.bind(query, viewer);
      }
      events = query.getResultList();
    }
    enforcer.recordReads(
        viewer, f.get(), decisions, events.stream().map(CaseEvent::getCategory).toList(), now);
    return events.stream().map(CaseTimeline::line).toList();
  }

  private static EventLine line(CaseEvent e) {
    return new EventLine(
        e.getAt(), e.getType(), e.getUserDisplayName(), e.getOrganisationName(), e.getDetail());
  }
}
