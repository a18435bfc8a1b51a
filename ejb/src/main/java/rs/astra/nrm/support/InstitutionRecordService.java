package rs.astra.nrm.support;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.CaseTimeline;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * The institutions' records on a case, of each {@link InstitutionRecordKind kind}: the centres for
 * social work's assessment notes (category SOCIAL) and the health institutions' treatment records
 * (category HEALTH, GDPR Art. 9). Reading them is an audited read of the kind's category (under an
 * own-records permit only the viewer's organisation's records, selected in the query); recording
 * one is an UPDATE of the kind's category, by the organisation type that writes the kind only, and
 * nobody changes a record afterwards. Each record is an event on the case's timeline tagged with
 * the kind's category.
 *
 * <p>Days are Europe/Belgrade calendar days ({@link rs.astra.nrm.shared.NrmTime#ZONE}); the day of
 * an assessment or a treatment may not lie in the future.
 */
@Stateless
@StoredBeforeReturn
public class InstitutionRecordService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private CaseTimeline timeline;

  /**
   * The records of a kind on a case, oldest first (by day, then as recorded); an audited READ of
   * the kind's category (SOCIAL, or HEALTH under GDPR Art. 9).
   *
   * @param kind assessments or treatments
   * @param viewer who asks
   * @param caseId the case
   * @return all records of the kind, or under an own-records permit her organisation's
   * @throws InvalidRequestException {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not read the kind's category
   *     (recorded)
   */
  public List<InstitutionRecordRow> records(
      InstitutionRecordKind kind, Viewer viewer, long caseId) {
    Instant now = Instant.now();
    CaseFacts f = load(caseId);
    Decision read = enforcer.require(viewer, f, kind.category(), AccessAction.READ, now);
    SupportPlanReads.Rows rows =
        SupportPlanReads.read(
            em,
            enforcer,
            viewer,
            f,
            kind == InstitutionRecordKind.ASSESSMENT
                ? new SupportPlanReads.Parts(null, null, read, null)
                : new SupportPlanReads.Parts(null, null, null, read),
            now);
    return kind == InstitutionRecordKind.ASSESSMENT ? rows.assessments() : rows.treatments();
  }

  /**
   * Records an assessment (by a centre for social work) or a treatment (by a health institution).
   *
   * @param kind assessment or treatment
   * @param viewer a user of the organisation type that writes the kind, permitted to UPDATE the
   *     kind's category (SOCIAL, or HEALTH under GDPR Art. 9)
   * @param caseId the case
   * @param form the day (Europe/Belgrade, not in the future), the text and the optional note
   * @return the new record's id
   * @throws InvalidRequestException the kind's {@link InstitutionRecordKind#wrongOrganisationKey()}
   *     for anyone else ({@code support.error.assessmentBySocialWorkCentre}: the assessment is the
   *     centre's task, Law on Social Protection; {@code .treatmentByHealthInstitution}), its {@link
   *     InstitutionRecordKind#incompleteKey()} without a day or a text ({@code
   *     .assessmentIncomplete}, {@code .treatmentIncomplete}), {@code .futureDate}, {@code
   *     .tooLong}, {@code case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update the kind's category
   *     (recorded)
   */
  public long record(
      InstitutionRecordKind kind, Viewer viewer, long caseId, InstitutionRecordForm form) {
    if (!kind.recordedBy(viewer.organisationType())) {
      throw new InvalidRequestException(kind.wrongOrganisationKey());
    }
    String text = SupportRecords.blank(form.text());
    if (form.day() == null || text == null) {
      throw new InvalidRequestException(kind.incompleteKey());
    }
    Instant now = Instant.now();
    enforcer.require(viewer, load(caseId), kind.category(), AccessAction.UPDATE, now);
    SupportRecords.notInFuture(now, form.day());
    InstitutionRecord made;
    try {
      made =
          kind.make(
              em.find(CaseFile.class, caseId),
              SupportRecords.user(em, viewer),
              form.day(),
              text,
              SupportRecords.blank(form.note()),
              now);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("support.error.tooLong");
    }
    em.persist(made);
    em.flush();
    timeline.record(caseId, viewer, kind.event(), null, kind.category());
    return made.getId();
  }

  private CaseFacts load(long caseId) {
    return caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
  }
}
