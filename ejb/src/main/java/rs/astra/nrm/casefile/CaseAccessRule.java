package rs.astra.nrm.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.EnumSet;
import java.util.Set;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.Referral;
import rs.astra.nrm.referral.ReferralState;

/**
 * The one rule that decides which cases a user may see, and how much of each: used both as a
 * database predicate by every case query and for single decisions, so that the list and the case
 * page can never disagree. (The consent policy of the NRM replaces this rule; until then it is the
 * only place to change.)
 *
 * <ul>
 *   <li>Users of the organisation that owns a case see all of it ({@link CaseAccess#OWNER}).
 *   <li>Users of an organisation to which the case has a live referral (SENT, ACCEPTED or
 *       COMPLETED) see the case code, status, exploitation types and the referral, no personal data
 *       ({@link CaseAccess#RECIPIENT}).
 *   <li>Administrators see no case: they manage users and imports, not victims' files (GDPR art. 5(1)(c),
 *       data minimisation).
 * </ul>
 */
@ApplicationScoped
public class CaseAccessRule {

  private static final Set<ReferralState> LIVE =
      EnumSet.of(ReferralState.SENT, ReferralState.ACCEPTED, ReferralState.COMPLETED);

  /**
   * The predicate "viewer may see this case", for a query over {@code CaseFile}.
   *
   * @param cb the criteria builder
   * @param query the query the predicate goes into (for the referral subquery)
   * @param caseFile the case root
   * @param viewer who is asking
   * @return the predicate; always false for administrators
   */
  public Predicate visibleTo(CriteriaBuilder cb, CriteriaQuery<?> query, Root<CaseFile> caseFile, Viewer viewer) {
    if (viewer.role() == PortalRole.ADMIN) {
      return cb.disjunction();
    }
    return cb.or(ownedBy(cb, caseFile, viewer), referredTo(cb, query, caseFile, viewer));
  }

  /**
   * The predicate "the viewer's organisation owns this case": where it holds, the viewer sees the
   * personal data, so name columns and name filters are guarded by it.
   *
   * @param cb the criteria builder
   * @param caseFile the case root
   * @param viewer who is asking
   * @return the predicate
   */
  public Predicate ownedBy(CriteriaBuilder cb, Root<CaseFile> caseFile, Viewer viewer) {
    if (viewer.role() == PortalRole.ADMIN) {
      return cb.disjunction();
    }
    Expression<Long> owner = caseFile.get("ownerOrganisation").get("id");
    return cb.equal(owner, viewer.organisationId());
  }

  private Predicate referredTo(CriteriaBuilder cb, CriteriaQuery<?> query, Root<CaseFile> caseFile, Viewer viewer) {
    Subquery<Long> sub = query.subquery(Long.class);
    Root<Referral> r = sub.from(Referral.class);
    sub.select(r.get("id"))
        .where(
            cb.equal(r.get("caseFile"), caseFile),
            cb.equal(r.get("toOrganisation").get("id"), viewer.organisationId()),
            r.get("state").in(LIVE));
    return cb.exists(sub);
  }

  /**
   * Decides one case for one viewer, with the same rule as {@link #visibleTo}.
   *
   * @param ownerOrganisationId the case's owning organisation
   * @param liveReferralRecipientIds organisations the case has a live referral to
   * @param viewer who is asking
   * @return how much the viewer may see
   */
  public CaseAccess decide(long ownerOrganisationId, Set<Long> liveReferralRecipientIds, Viewer viewer) {
    if (viewer.role() == PortalRole.ADMIN) {
      return CaseAccess.NONE;
    }
    if (ownerOrganisationId == viewer.organisationId()) {
      return CaseAccess.OWNER;
    }
    return liveReferralRecipientIds.contains(viewer.organisationId()) ? CaseAccess.RECIPIENT : CaseAccess.NONE;
  }

  /**
   * Whether a referral in this state lets its recipient see the case.
   *
   * @param state the referral's state
   * @return {@code true} for SENT, ACCEPTED and COMPLETED
   */
  public boolean isLive(ReferralState state) {
    return LIVE.contains(state);
  }
}
