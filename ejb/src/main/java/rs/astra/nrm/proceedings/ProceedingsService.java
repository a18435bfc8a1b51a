package rs.astra.nrm.proceedings;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.CaseTimeline;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.CaseFactsLoader;
import rs.astra.nrm.consent.DataCategory;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.InvalidRequestException;

/**
 * The criminal-proceedings track of a case, through the access policy (category LEGAL_PROCEEDINGS):
 * reading is an audited explicit request; a permit for own records only (the police's and
 * prosecutors' legal basis) shows only the entries the organisation recorded itself; every
 * organisation adds only the kinds of step that belong to it, and entries are never changed by
 * another organisation.
 */
@Stateless
public class ProceedingsService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseFactsLoader facts;
  @Inject private AccessEnforcer enforcer;
  @Inject private CaseTimeline timeline;

  /**
   * One entry as the viewer sees it.
   *
   * @param id entry id
   * @param kind the step
   * @param date its day
   * @param organisation who recorded it
   * @param offence the offence, or {@code null}
   * @param suspectsCount number of suspects, or {@code null}
   * @param victimStatus the victim's status, or {@code null}
   * @param outcome outcome, or {@code null}
   * @param sentence sentence, or {@code null}
   * @param note note, or {@code null}
   */
  public record EntryLine(
      long id,
      ProceedingsEntryKind kind,
      LocalDate date,
      String organisation,
      Offence offence,
      Integer suspectsCount,
      VictimProceduralStatus victimStatus,
      String outcome,
      String sentence,
      String note)
      implements Serializable {}

  /**
   * What a user records.
   *
   * @param kind the step, one her organisation records
   * @param date its day, not in the future
   * @param offence the offence, or {@code null}
   * @param suspectsCount number of suspects, or {@code null}
   * @param victimStatus the victim's status, or {@code null}
   * @param outcome outcome, or {@code null}
   * @param sentence sentence, or {@code null}
   * @param note note, or {@code null}
   */
  public record NewEntryForm(
      ProceedingsEntryKind kind,
      LocalDate date,
      Offence offence,
      Integer suspectsCount,
      VictimProceduralStatus victimStatus,
      String outcome,
      String sentence,
      String note)
      implements Serializable {}

  /**
   * The entries the viewer may read, oldest first.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return the entries: all of them, or only her organisation's under an own-records permit
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not read the category (recorded)
   */
  public List<EntryLine> entries(Viewer viewer, long caseId) {
    CaseFacts f = facts.load(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
    Decision d = enforcer.require(viewer, f, DataCategory.LEGAL_PROCEEDINGS, AccessAction.READ, Instant.now());
    boolean own = d.scope() == Decision.Scope.OWN_RECORDS;
    var query =
        em.createQuery(
                "select e from ProceedingsEntry e join fetch e.organisation where e.caseFile.id = :caseId"
                    + (own ? " and e.organisation.id = :org" : "")
                    + " order by e.date, e.id",
                ProceedingsEntry.class)
            .setParameter("caseId", caseId);
    if (own) {
      query.setParameter("org", viewer.organisationId());
    }
    return query.getResultList().stream()
        .map(
            e ->
                new EntryLine(
                    e.getId(), e.getKind(), e.getDate(), e.getOrganisation().getName(), e.getOffence(), e.getSuspectsCount(), e.getVictimStatus(),
                    e.getOutcome(), e.getSentence(), e.getNote()))
        .toList();
  }

  /**
   * Records a step.
   *
   * @param viewer who records it; her organisation must be permitted to UPDATE the category and
   *     record this kind of step
   * @param caseId the case
   * @param form the step
   * @return the new entry's id
   * @throws InvalidRequestException {@code proceedings.error.*} for a kind that is not hers, a date
   *     in the future, a negative count or a text too long
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update the category (recorded)
   */
  public long record(Viewer viewer, long caseId, NewEntryForm form) {
    if (form.kind() == null || form.date() == null) {
      throw new InvalidRequestException("proceedings.error.incomplete");
    }
    Instant now = Instant.now();
    CaseFacts f = facts.load(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
    enforcer.require(viewer, f, DataCategory.LEGAL_PROCEEDINGS, AccessAction.UPDATE, now);
    if (!form.kind().recordedBy(viewer.organisationType())) {
      throw new InvalidRequestException("proceedings.error.notYourStep", form.kind().name());
    }
    if (form.date().isAfter(now.atZone(AccessPolicy.ZONE).toLocalDate())) {
      throw new InvalidRequestException("proceedings.error.futureDate");
    }
    ProceedingsEntry e = new ProceedingsEntry(em.find(CaseFile.class, caseId), em.find(PortalUser.class, viewer.userId()), form.kind(), form.date(), now);
    try {
      e.describe(form.offence(), form.suspectsCount(), form.victimStatus(), blank(form.outcome()), blank(form.sentence()), blank(form.note()));
    } catch (IllegalArgumentException ex) {
      throw new InvalidRequestException("proceedings.error.invalid");
    }
    em.persist(e);
    em.flush();
    timeline.record(caseId, viewer, CaseEvent.Type.PROCEEDINGS_RECORDED, form.kind().name());
    return e.getId();
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
