package rs.astra.nrm.consent;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rs.astra.nrm.audit.AuditTrail;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.organisation.Viewer;

/**
 * Asks the {@link AccessPolicy} and writes the audit trail in one step, so that no service can read
 * personal data without leaving a record: every permit on a personal category is recorded, and so
 * is every deny of an explicit request.
 */
@Dependent
public class AccessEnforcer {

  @Inject private AccessPolicy policy;
  @Inject private AuditTrail audit;

  /**
   * Decides every category for a case view and records the permits on the personal categories whose
   * data the view itself carries. Categories kept as separate records (proceedings, support plan,
   * treatment records) are decided here to say whether their section is shown; the services that
   * read those records record their own permits, so that one page view leaves one record per
   * category read — unless the caller names them in {@code carried} because the page reads them in
   * the same page view whenever they are permitted (the case page opened by its link), when their
   * records are written here with the rest and the services' own find them written. Denies are not
   * recorded: nothing was explicitly asked for.
   *
   * @param viewer who asks
   * @param facts the case
   * @param action what for
   * @param now when (UTC)
   * @param carried the categories whose data the caller returns with the view, or its page reads in
   *     the same page view
   * @return a decision per category, in category order
   */
  public Map<DataCategory, Decision> decideAllAndRecordPermits(
      Viewer viewer, CaseFacts facts, AccessAction action, Instant now, Set<DataCategory> carried) {
    Map<DataCategory, Decision> decisions = new EnumMap<>(DataCategory.class);
    List<AuditTrail.Entry> entries = new ArrayList<>();
    for (DataCategory category : DataCategory.values()) {
      Decision d = policy.decide(viewer, facts, category, action, now);
      decisions.put(category, d);
      if (d.permitted() && category.isPersonal() && carried.contains(category)) {
        entries.add(new AuditTrail.Entry(facts.caseId(), facts.personId(), category, action, d));
      }
    }
    audit.record(viewer, now, entries);
    return decisions;
  }

  /**
   * Decides without recording anything, for a caller that records the permits of what it then
   * returns ({@link #recordPermits}: one page of a list, the names shown) or only decides whether
   * to offer a section or a button. The single way to {@link AccessPolicy#decide} outside this
   * class (ArchitectureTest), so that every decision a service takes passes here.
   *
   * @param viewer who asks
   * @param facts the case
   * @param category the category
   * @param action what for
   * @param now when (UTC)
   * @return the policy's decision
   */
  public Decision decide(
      Viewer viewer, CaseFacts facts, DataCategory category, AccessAction action, Instant now) {
    return policy.decide(viewer, facts, category, action, now);
  }

  /**
   * Whether the case page offers an emergency access to a hidden category ({@link
   * AccessPolicy#offersEmergencyAccess}); offering reads nothing, so nothing is recorded.
   *
   * @param viewer who would ask
   * @param facts the case
   * @param category the hidden category
   * @return whether to offer it
   */
  public boolean offersEmergencyAccess(Viewer viewer, CaseFacts facts, DataCategory category) {
    return policy.offersEmergencyAccess(viewer, facts, category);
  }

  /**
   * Decides an explicit request and records it when the category is personal, permit or deny, and
   * records every refusal, of any category (a refused look at a case is itself worth knowing: who
   * tried, when; issue 15).
   *
   * @param viewer who asks
   * @param facts the case
   * @param category the category
   * @param action what for
   * @param now when (UTC)
   * @return the permit
   * @throws AccessDeniedException when denied (after recording the deny)
   */
  public Decision require(
      Viewer viewer, CaseFacts facts, DataCategory category, AccessAction action, Instant now) {
    return require(viewer, facts, category, action, now, null);
  }

  /**
   * {@link #require(Viewer, CaseFacts, DataCategory, AccessAction, Instant)} for one case document
   * (issue 17): the record, permit or deny, names the document.
   *
   * @param viewer who asks
   * @param facts the case
   * @param category the document's category
   * @param action what for
   * @param now when (UTC)
   * @param documentId the document, or {@code null}
   * @return the permit
   * @throws AccessDeniedException when denied (after recording the deny)
   */
  public Decision require(
      Viewer viewer,
      CaseFacts facts,
      DataCategory category,
      AccessAction action,
      Instant now,
      Long documentId) {
    return recordAndRequire(
        viewer,
        facts,
        category,
        action,
        now,
        policy.decide(viewer, facts, category, action, now),
        documentId);
  }

  /**
   * {@link #require(Viewer, CaseFacts, DataCategory, AccessAction, Instant)} of several categories
   * in the order given, with the records of one call written together (one transaction, one JDBC
   * batch; issue 16, statements per case page): the same records as asking each category in turn —
   * every category asked up to and including the first refusal, personal ones and the refusal
   * recorded — so nothing is recorded of a category after a refusal, which is never asked.
   *
   * @param viewer who asks
   * @param facts the case
   * @param categories the categories, in the order they are asked
   * @param action what for
   * @param now when (UTC)
   * @return the permits, in the order asked
   * @throws AccessDeniedException at the first deny (after recording it and the decisions before)
   */
  public Map<DataCategory, Decision> requireEach(
      Viewer viewer,
      CaseFacts facts,
      List<DataCategory> categories,
      AccessAction action,
      Instant now) {
    Map<DataCategory, Decision> permits = new LinkedHashMap<>();
    List<AuditTrail.Entry> entries = new ArrayList<>();
    for (DataCategory category : categories) {
      Decision d = policy.decide(viewer, facts, category, action, now);
      if (category.isPersonal() || !d.permitted()) {
        entries.add(new AuditTrail.Entry(facts.caseId(), facts.personId(), category, action, d));
      }
      if (!d.permitted()) {
        audit.record(viewer, now, entries);
        throw new AccessDeniedException(category, action, d.denyReason());
      }
      permits.put(category, d);
    }
    if (!entries.isEmpty()) {
      audit.record(viewer, now, entries);
    }
    return permits;
  }

  /**
   * Records a decision when its category is personal or it refuses, then returns a permit or throws
   * for a deny.
   */
  private Decision recordAndRequire(
      Viewer viewer,
      CaseFacts facts,
      DataCategory category,
      AccessAction action,
      Instant now,
      Decision d,
      Long documentId) {
    if (category.isPersonal() || !d.permitted()) {
      audit.record(
          viewer,
          now,
          List.of(
              new AuditTrail.Entry(
                  facts.caseId(), facts.personId(), category, action, d, documentId)));
    }
    if (!d.permitted()) {
      throw new AccessDeniedException(category, action, d.denyReason());
    }
    return d;
  }

  /**
   * Decides an explicit request for one record of a category (issue 17: a document download), with
   * the own-records rule applied to that record ({@link AccessPolicy#forRecord}), and records it,
   * permit or deny, naming the document.
   *
   * @param viewer who asks
   * @param facts the case
   * @param category the record's category
   * @param action what for
   * @param now when (UTC)
   * @param recordedByOrganisationId the organisation that made the record
   * @param documentId the document, for the audit record
   * @return the permit
   * @throws AccessDeniedException when denied (after recording the deny)
   */
  public Decision requireRecord(
      Viewer viewer,
      CaseFacts facts,
      DataCategory category,
      AccessAction action,
      Instant now,
      long recordedByOrganisationId,
      long documentId) {
    return recordAndRequire(
        viewer,
        facts,
        category,
        action,
        now,
        AccessPolicy.forRecord(
            policy.decide(viewer, facts, category, action, now), recordedByOrganisationId, viewer),
        documentId);
  }

  /**
   * Decides one record without recording anything, for a caller that records the permit of what it
   * then discloses ({@link #recordPermits}): e.g. telling a user of a hearing she may read. The
   * category's decision applied to the record ({@link AccessPolicy#forRecord}).
   *
   * @param viewer who asks (or for whom the system asks)
   * @param facts the case
   * @param category the record's category
   * @param action what for
   * @param now when (UTC)
   * @param recordedByOrganisationId the organisation that made the record
   * @return the decision for that record
   */
  public Decision decideRecord(
      Viewer viewer,
      CaseFacts facts,
      DataCategory category,
      AccessAction action,
      Instant now,
      long recordedByOrganisationId) {
    return AccessPolicy.forRecord(
        policy.decide(viewer, facts, category, action, now), recordedByOrganisationId, viewer);
  }

  /**
   * Records the READs of the personal categories a list of a case's records actually showed (the
   * timeline's events, the documents section's rows), with the decisions that permitted them.
   *
   * @param viewer who read
   * @param facts the case
   * @param decisions the READ decision per category, as decided for the list
   * @param shown the categories of the records shown (non-personal ones are skipped)
   * @param now when (UTC)
   */
  public void recordReads(
      Viewer viewer,
      CaseFacts facts,
      Map<DataCategory, Decision> decisions,
      java.util.Collection<DataCategory> shown,
      Instant now) {
    audit.record(
        viewer,
        now,
        shown.stream()
            .distinct()
            .filter(c -> c != null && c.isPersonal())
            .map(
                c ->
                    new AuditTrail.Entry(
                        facts.caseId(), facts.personId(), c, AccessAction.READ, decisions.get(c)))
            .toList());
  }

  /**
   * Records a refusal already decided elsewhere, e.g. a case page asked for by its id that the
   * viewer may not open (the page answers as if the case did not exist; the record says who tried).
   *
   * @param viewer who asked
   * @param facts the case
   * @param category the category refused
   * @param action what for
   * @param refusal the refusing decision
   * @param now when (UTC)
   */
  public void recordRefusal(
      Viewer viewer,
      CaseFacts facts,
      DataCategory category,
      AccessAction action,
      Decision refusal,
      Instant now) {
    audit.record(
        viewer,
        now,
        List.of(new AuditTrail.Entry(facts.caseId(), facts.personId(), category, action, refusal)));
  }

  /**
   * Records permits already decided elsewhere (e.g. the names on one page of the case list).
   *
   * @param viewer who asked
   * @param now when (UTC)
   * @param entries the permits
   */
  public void recordPermits(Viewer viewer, Instant now, List<AuditTrail.Entry> entries) {
    audit.record(viewer, now, entries);
  }

  /**
   * Asks the policy whether a user may register a data subject's request about a case ({@link
   * AccessPolicy#mayRegisterDataSubjectRequest}); nothing personal is read, so nothing is recorded.
   *
   * @param viewer who asks
   * @param facts the case
   * @return the policy's answer
   */
  public boolean mayRegisterDataSubjectRequest(Viewer viewer, CaseFacts facts) {
    return policy.mayRegisterDataSubjectRequest(viewer, facts);
  }

  /**
   * Asks the policy whether a data protection officer prepares a case's access report, and of which
   * part ({@link AccessPolicy#decideAccessReportByOfficer}: the whole for the owner's officer, the
   * time her organisation owned it for a former owner's). Nothing personal is read, so nothing is
   * recorded here; the preparation itself is in the activity record.
   *
   * @param officer who prepares it
   * @param facts the case
   * @param formerOwnerIds the organisations that owned the case before an accepted transfer
   * @return the policy's decision
   */
  public Decision decideAccessReportByOfficer(
      Viewer officer, CaseFacts facts, java.util.Set<Long> formerOwnerIds) {
    return policy.decideAccessReportByOfficer(officer, facts, formerOwnerIds);
  }

  /**
   * Whether a user keeps legal holds on a case ({@link AccessPolicy#mayKeepLegalHolds}); nothing
   * personal is read, so nothing is recorded.
   *
   * @param viewer who asks
   * @param facts the case
   * @return the policy's answer
   */
  public boolean mayKeepLegalHolds(Viewer viewer, CaseFacts facts) {
    return policy.mayKeepLegalHolds(viewer, facts);
  }

  /**
   * Whether a user confirms the erasure of a case ({@link AccessPolicy#mayConfirmErasure}).
   *
   * @param viewer who asks
   * @param facts the case
   * @return the policy's answer
   */
  public boolean mayConfirmErasure(Viewer viewer, CaseFacts facts) {
    return policy.mayConfirmErasure(viewer, facts);
  }

  /**
   * Asks the policy whether a user may restrict a case or lift its restriction ({@link
   * AccessPolicy#mayRestrict}); nothing personal is read, so nothing is recorded.
   *
   * @param viewer who asks
   * @param facts the case
   * @return the policy's answer
   */
  public boolean mayRestrict(Viewer viewer, CaseFacts facts) {
    return policy.mayRestrict(viewer, facts);
  }

  /**
   * The organisations told of a rectification of a category ({@link AccessPolicy#toldOfCorrection},
   * GDPR Art. 19); the notice carries no value, so nothing is recorded.
   *
   * @param facts the case
   * @param category the corrected category
   * @return the organisations' ids, ascending
   */
  public Set<Long> toldOfCorrection(CaseFacts facts, DataCategory category) {
    return policy.toldOfCorrection(facts, category);
  }

  /**
   * Whether the viewer is told that a case she may not read is restricted ({@link
   * AccessPolicy#seesRestrictionNotice}); nothing personal is read, so nothing is recorded.
   *
   * @param viewer who asks
   * @param facts the case
   * @return the policy's answer
   */
  public boolean seesRestrictionNotice(Viewer viewer, CaseFacts facts) {
    return policy.seesRestrictionNotice(viewer, facts);
  }

  /**
   * Whether the viewer sees one referral of a case ({@link AccessPolicy#seesReferral}), deciding
   * READ of the case summary; a refusal of that is recorded (the summary is not personal, so a
   * permit is not).
   *
   * @param viewer who asks
   * @param facts the referral's case
   * @param toOrganisationId the referral's recipient
   * @param now when (UTC)
   * @return the policy's answer
   */
  public boolean seesReferral(Viewer viewer, CaseFacts facts, long toOrganisationId, Instant now) {
    Decision summary =
        policy.decide(viewer, facts, DataCategory.CASE_SUMMARY, AccessAction.READ, now);
    if (!summary.permitted()) {
      recordRefusal(viewer, facts, DataCategory.CASE_SUMMARY, AccessAction.READ, summary, now);
    }
    return policy.seesReferral(viewer, facts, toOrganisationId, summary);
  }
}
