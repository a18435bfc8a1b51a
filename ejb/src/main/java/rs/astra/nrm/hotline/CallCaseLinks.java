package rs.astra.nrm.hotline;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Set;
import rs.astra.nrm.casefile.CaseCodes;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * The link from a hotline call to a case: linking a call of the viewer's organisation to a case she
 * may update, or opening a new case from a call.
 *
 * <p>This is case work: it needs an NGO caseworker or coordinator and the permit to UPDATE the
 * case's EXPLOITATION category (the call tells how the person was recruited), decided and audited
 * by the access policy. A case she may not see and one that does not exist answer alike.
 */
@Stateless
@StoredBeforeReturn
public class CallCaseLinks {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private CaseFileService cases;
  @Inject private CaseCodes caseCodes;
  @Inject private HotlineRecords records;

  /**
   * Links a call of the viewer's organisation to a case.
   *
   * @param viewer an NGO caseworker or coordinator who may update the case's EXPLOITATION
   * @param callId the call
   * @param version the call's version the user saw
   * @param caseCode the case's code
   * @throws InvalidRequestException {@code hotline.error.callNotFound}, {@code
   *     hotline.error.caseNotFound}, {@code hotline.error.caseworkersOnly} or {@code
   *     hotline.error.alreadyLinked}
   * @throws ConcurrentUpdateException when the call changed meanwhile
   * @throws rs.astra.nrm.consent.AccessDeniedException when the case is not hers to update
   *     (recorded)
   */
  public void linkToCase(Viewer viewer, long callId, long version, String caseCode) {
    HotlineCall call = records.ownCall(viewer, callId, version);
    if (HotlineRecords.text(caseCode) == null) {
      throw new InvalidRequestException("hotline.error.caseNotFound", "");
    }
    link(viewer, call, HotlineRecords.text(caseCode), Instant.now());
    em.flush();
  }

  /**
   * Links a call to a case, in the caller's transaction (a call being recorded, or {@link
   * #linkToCase}).
   *
   * @param viewer an NGO caseworker or coordinator who may update the case's EXPLOITATION
   * @param call the call of her organisation
   * @param caseCode the case's code, not blank (any case)
   * @param now the time of the decision
   * @throws InvalidRequestException {@code hotline.error.caseNotFound}, {@code
   *     hotline.error.caseworkersOnly} or {@code hotline.error.alreadyLinked}
   * @throws rs.astra.nrm.consent.AccessDeniedException when the case is not hers to update
   *     (recorded)
   */
  public void link(Viewer viewer, HotlineCall call, String caseCode, Instant now) {
    if (viewer.role().readsNoCaseData()) {
      throw new InvalidRequestException("hotline.error.caseworkersOnly");
    }
    Long caseId =
        caseCodes
            .idOf(caseCode)
            .orElseThrow(() -> new InvalidRequestException("hotline.error.caseNotFound", caseCode));
    CaseFacts f = caseAccess.facts(caseId).orElseThrow();
    // A case she may not see and one that does not exist look the same.
    if (!enforcer
        .decide(viewer, f, DataCategory.CASE_SUMMARY, AccessAction.READ, now)
        .permitted()) {
      throw new InvalidRequestException("hotline.error.caseNotFound", caseCode);
    }
    enforcer.require(viewer, f, DataCategory.EXPLOITATION, AccessAction.UPDATE, now);
    try {
      call.linkTo(em.find(CaseFile.class, caseId));
    } catch (IllegalStateException e) {
      throw new InvalidRequestException("hotline.error.alreadyLinked");
    }
  }

  /**
   * Opens a new case (stage SIGNAL) from a call, through {@link CaseFileService#open}: anonymous,
   * reported by the SOS hotline, with the call's summary as the signal's details; the call is
   * linked to it, and the agency and employer of the call's check become the case's recruiter and
   * employer.
   *
   * @param viewer an NGO caseworker or coordinator of the call's organisation
   * @param callId the call
   * @param version the call's version the user saw
   * @return the new case's id
   * @throws InvalidRequestException {@code hotline.error.callNotFound}, {@code
   *     hotline.error.caseworkersOnly} or {@code hotline.error.alreadyLinked}
   * @throws ConcurrentUpdateException when the call changed meanwhile
   */
  public long openCase(Viewer viewer, long callId, long version) {
    HotlineCall call = records.ownCall(viewer, callId, version);
    if (viewer.role().readsNoCaseData()) {
      throw new InvalidRequestException("hotline.error.caseworkersOnly");
    }
    if (call.getCaseFile() != null) {
      throw new InvalidRequestException("hotline.error.alreadyLinked");
    }
    long caseId =
        cases.open(
            viewer,
            new CaseFileService.NewCaseForm(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of(),
                "SOS hotline",
                call.getSummary()));
    CaseFile c = em.find(CaseFile.class, caseId);
    call.linkTo(c);
    em.createQuery("select k from JobOfferCheck k where k.call.id = :call", JobOfferCheck.class)
        .setParameter("call", callId)
        .getResultStream()
        .findFirst()
        .ifPresent(k -> c.recordRecruitmentParties(k.getAgencyName(), k.getEmployerName()));
    em.flush();
    return caseId;
  }
}
