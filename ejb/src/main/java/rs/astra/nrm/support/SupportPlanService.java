package rs.astra.nrm.support;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * A case's support on the case page: the services of the support plan (HTCDS Support Plan), the
 * safety plan, the centres for social work's assessment notes and the health institutions'
 * treatment records read at once ({@link #view}, one audit record per category), and the categories
 * the viewer may change. Each aggregate has its own service — {@link ServiceEntryService}, {@link
 * SafetyPlanService}, and {@link InstitutionRecordService} for both kinds of institution record
 * ({@link InstitutionRecordKind}) — which states its rules, and the pages and services that read or
 * change one aggregate call it directly.
 *
 * <ul>
 *   <li>Every read is an explicit, audited request ({@link AccessEnforcer#require}) for its
 *       category: SOCIAL, or HEALTH for health and medical services and treatment records (GDPR
 *       Art. 9). The queries select only the permitted categories, and under an own-records permit
 *       only the records the viewer's organisation made: nothing is loaded and then dropped in
 *       Java.
 *   <li>Every change needs UPDATE of the record's category (see the aggregate's service).
 * </ul>
 */
@Stateless
@StoredBeforeReturn
public class SupportPlanService {

  /** The categories of support records. */
  public static final Set<DataCategory> CATEGORIES =
      EnumSet.of(DataCategory.SOCIAL, DataCategory.HEALTH);

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;

  // ---------------------------------------------------------------- the case page

  /**
   * The support records of the given categories, read at once for the case page: one audited
   * request per category, then the services, and for SOCIAL the safety plan and the assessments,
   * for HEALTH the treatment records.
   *
   * @param viewer who asks
   * @param caseId the case
   * @param categories SOCIAL and/or HEALTH: the categories the viewer asks to read
   * @return what she may read of them
   * @throws IllegalArgumentException for a category other than SOCIAL or HEALTH
   * @throws InvalidRequestException {@code case.notFound} for a case that does not exist
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not read one of the categories
   *     (recorded)
   */
  public SupportView view(Viewer viewer, long caseId, Set<DataCategory> categories) {
    Instant now = Instant.now();
    CaseFacts f = load(caseId);
    Map<DataCategory, Decision> read = SupportRecords.require(enforcer, viewer, f, categories, now);
    Decision social = read.get(DataCategory.SOCIAL);
    // Every part in one statement (issue 16: statements per case page).
    SupportPlanReads.Rows rows =
        SupportPlanReads.read(
            em,
            enforcer,
            viewer,
            f,
            new SupportPlanReads.Parts(read, social, social, read.get(DataCategory.HEALTH)),
            now);
    return new SupportView(
        Set.copyOf(read.keySet()),
        rows.services(),
        rows.safetyPlan(),
        rows.assessments(),
        rows.treatments());
  }

  // ---------------------------------------------------------------- who may change what

  /**
   * The support categories the viewer may change on a case (to offer her the forms). Deciding reads
   * no personal data, so nothing is audited; each change is decided and audited again.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return SOCIAL and/or HEALTH, or none (also for a case that does not exist)
   */
  public Set<DataCategory> updatableCategories(Viewer viewer, long caseId) {
    Set<DataCategory> result = EnumSet.noneOf(DataCategory.class);
    Optional<CaseFacts> f = caseAccess.facts(caseId);
    if (f.isPresent()) {
      Instant now = Instant.now();
      for (DataCategory c : CATEGORIES) {
        if (enforcer.decide(viewer, f.get(), c, AccessAction.UPDATE, now).permitted()) {
          result.add(c);
        }
      }
    }
    return result;
  }

  // ---------------------------------------------------------------- helpers

  private CaseFacts load(long caseId) {
    return caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
  }
}
