package rs.astra.nrm.support;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.CaseTimeline;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * The centres for social work's assessment notes on a case (category SOCIAL): reading them (an
 * audited read; under an own-records permit only the viewer's organisation's notes, selected in the
 * query) and recording one (UPDATE of SOCIAL, by a centre for social work only; nobody changes a
 * note afterwards). Each note is an event on the case's timeline tagged SOCIAL.
 *
 * <p>Days are Europe/Belgrade calendar days ({@link NrmTime#ZONE}); the day of an assessment may
 * not lie in the future.
 */
@Stateless
@StoredBeforeReturn
public class AssessmentNoteService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private CaseTimeline timeline;

  /**
   * The centres for social work's assessment notes (category SOCIAL), oldest first; an audited
   * read.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return all notes, or under an own-records permit her organisation's
   * @throws InvalidRequestException {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not read SOCIAL (recorded)
   */
  public List<AssessmentRow> assessments(Viewer viewer, long caseId) {
    return assessments(
        em,
        viewer,
        caseId,
        enforcer.require(
            viewer, load(caseId), DataCategory.SOCIAL, AccessAction.READ, Instant.now()));
  }

  /**
   * The assessment notes under a READ of SOCIAL already decided, for this service and the case
   * page; nothing is audited here.
   */
  static List<AssessmentRow> assessments(
      EntityManager em, Viewer viewer, long caseId, Decision read) {
    TypedQuery<AssessmentNote> query =
        em.createQuery(
                "select a from AssessmentNote a join fetch a.organisation join fetch a.recordedBy where a.caseFile.id = :caseId"
                    + AccessPolicy.recordsInScope(read, "a.organisation.id")
                    + " order by a.assessedOn, a.id",
                AssessmentNote.class)
            .setParameter("caseId", caseId);
    AccessPolicy.bindOwnRecords(query, viewer);
    return query.getResultList().stream()
        .map(
            a ->
                new AssessmentRow(
                    a.getId(),
                    a.getAssessedOn(),
                    a.getOrganisation().getName(),
                    a.getRecordedBy().getDisplayName(),
                    a.getText(),
                    a.getRecommendedMeasures()))
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
    String text = SupportRecords.blank(form.text());
    if (form.assessedOn() == null || text == null) {
      throw new InvalidRequestException("support.error.assessmentIncomplete");
    }
    Instant now = Instant.now();
    enforcer.require(viewer, load(caseId), DataCategory.SOCIAL, AccessAction.UPDATE, now);
    SupportRecords.notInFuture(now, form.assessedOn());
    AssessmentNote note;
    try {
      note =
          new AssessmentNote(
              em.find(CaseFile.class, caseId),
              SupportRecords.user(em, viewer),
              form.assessedOn(),
              text,
              SupportRecords.blank(form.recommendedMeasures()),
              now);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("support.error.tooLong");
    }
    em.persist(note);
    em.flush();
    timeline.record(caseId, viewer, CaseEvent.Type.ASSESSMENT_RECORDED, null, DataCategory.SOCIAL);
    return note.getId();
  }

  private CaseFacts load(long caseId) {
    return caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
  }
}
