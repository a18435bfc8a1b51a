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
 * The health institutions' treatment records on a case (category HEALTH, GDPR Art. 9): reading them
 * (an audited read; under an own-records permit only the viewer's institution's records, selected
 * in the query) and recording one (UPDATE of HEALTH, by a health institution only; nobody changes a
 * record afterwards). Each record is an event on the case's timeline tagged HEALTH.
 *
 * <p>Days are Europe/Belgrade calendar days ({@link NrmTime#ZONE}); the day of a treatment may not
 * lie in the future.
 */
@Stateless
@StoredBeforeReturn
public class TreatmentRecordService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private CaseTimeline timeline;

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
    return treatments(
        em,
        viewer,
        caseId,
        enforcer.require(
            viewer, load(caseId), DataCategory.HEALTH, AccessAction.READ, Instant.now()));
  }

  /**
   * The treatment records under a READ of HEALTH already decided, for this service and the case
   * page; nothing is audited here.
   */
  static List<TreatmentRow> treatments(
      EntityManager em, Viewer viewer, long caseId, Decision read) {
    TypedQuery<TreatmentRecord> query =
        em.createQuery(
                "select t from TreatmentRecord t join fetch t.organisation join fetch t.recordedBy where t.caseFile.id = :caseId"
                    + AccessPolicy.recordsInScope(read, "t.organisation.id")
                    + " order by t.treatedOn, t.id",
                TreatmentRecord.class)
            .setParameter("caseId", caseId);
    AccessPolicy.bindOwnRecords(query, viewer);
    return query.getResultList().stream()
        .map(
            t ->
                new TreatmentRow(
                    t.getId(),
                    t.getTreatedOn(),
                    t.getOrganisation().getName(),
                    t.getRecordedBy().getDisplayName(),
                    t.getTreatment(),
                    t.getNote()))
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
   *     else, {@code .treatmentIncomplete}, {@code .futureDate}, {@code .tooLong}, {@code
   *     case.notFound}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update HEALTH (recorded)
   */
  public long recordTreatment(Viewer viewer, long caseId, NewTreatmentForm form) {
    if (!viewer.organisationType().recordsTreatments()) {
      throw new InvalidRequestException("support.error.treatmentByHealthInstitution");
    }
    String treatment = SupportRecords.blank(form.treatment());
    if (form.treatedOn() == null || treatment == null) {
      throw new InvalidRequestException("support.error.treatmentIncomplete");
    }
    Instant now = Instant.now();
    enforcer.require(viewer, load(caseId), DataCategory.HEALTH, AccessAction.UPDATE, now);
    SupportRecords.notInFuture(now, form.treatedOn());
    TreatmentRecord treated;
    try {
      treated =
          new TreatmentRecord(
              em.find(CaseFile.class, caseId),
              SupportRecords.user(em, viewer),
              form.treatedOn(),
              treatment,
              SupportRecords.blank(form.note()),
              now);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("support.error.tooLong");
    }
    em.persist(treated);
    em.flush();
    timeline.record(caseId, viewer, CaseEvent.Type.TREATMENT_RECORDED, null, DataCategory.HEALTH);
    return treated.getId();
  }

  private CaseFacts load(long caseId) {
    return caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
  }
}
