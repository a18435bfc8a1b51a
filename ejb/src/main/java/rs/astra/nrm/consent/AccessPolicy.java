package rs.astra.nrm.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.Referral;
import rs.astra.nrm.referral.ReferralState;

/**
 * The policy decision point of NRM Portal: the one place that decides whether a user may READ,
 * UPDATE or EXPORT a category of a case's data, and on what basis. It answers in two forms that
 * must always agree (a test proves it row by row):
 *
 * <ul>
 *   <li>{@link #decide} for one case, from its {@link CaseFacts};
 *   <li>{@link #permits} as a Criteria predicate, so that list queries filter in the database.
 * </ul>
 *
 * <p>The rule, in order:
 *
 * <ol>
 *   <li>Administrators and data protection officers are denied every case (they manage users and
 *       imports, or audit access; they do not read victims' files).
 *   <li>A case whose processing is restricted (GDPR Art. 18; issue 21) is READ only by the owning
 *       organisation's coordinators ({@link PortalRole#readsRestrictedCases}, basis {@link
 *       AccessBasis#OWNER}); every other user, the owner's caseworkers and every recipient
 *       included, and every UPDATE or EXPORT, is denied with {@link DenyReason#RESTRICTED}.
 *   <li>The organisation that owns the case may do everything ({@link AccessBasis#OWNER}).
 *   <li>A rule of the {@link LegalBasisTable} that fits the organisation type, category, action and
 *       the organisation's referrals permits ({@link AccessBasis#LEGAL_BASIS}).
 *   <li>For a personal category: a live referral (SENT, ACCEPTED, COMPLETED) to the organisation
 *       that asks for the category, together with an active consent for that organisation, the
 *       referral's purpose and the category, permits READ and EXPORT of all records and UPDATE of
 *       the organisation's own records ({@link AccessBasis#CONSENT}; GDPR Art. 6(1)(a), 9(2)(a);
 *       purpose limitation, Art. 5(1)(b)).
 *   <li>A current emergency access opened by the same user for the category, on a case still
 *       referred to her organisation, permits READ ({@link AccessBasis#BREAK_GLASS}; Art. 6(1)(d),
 *       9(2)(c)).
 *   <li>Otherwise deny, with the most specific {@link DenyReason}.
 * </ol>
 *
 * <p>When several bases apply, the one covering all records wins over one covering only the
 * organisation's own records (e.g. a police unit's consent over its own-records legal basis).
 *
 * <p>"Today" for consent validity is the calendar day in Europe/Belgrade of the instant given.
 */
@ApplicationScoped
public class AccessPolicy {

  /** The calendar consents are valid in. */
  public static final ZoneId ZONE = rs.astra.nrm.shared.NrmTime.ZONE;

  /** Referral states in which the recipient still has the case. */
  public static final Set<ReferralState> LIVE = ReferralState.LIVE;

  /**
   * Decides one request.
   *
   * @param viewer who asks
   * @param facts the case
   * @param category which category
   * @param action what for
   * @param now the instant of the request (UTC); its Europe/Belgrade day decides consent validity
   * @return the decision with its basis or deny reason
   */
  public Decision decide(
      Viewer viewer, CaseFacts facts, DataCategory category, AccessAction action, Instant now) {
    if (viewer.role().readsNoCaseData()) {
      return Decision.deny(DenyReason.ADMINISTRATOR);
    }
    if (facts.merged()) {
      // An empty shell (issue 19): its records moved to the surviving case, where they are read.
      return Decision.deny(DenyReason.CASE_MERGED);
    }
    if (facts.anonymised() && action == AccessAction.UPDATE) {
      return Decision.deny(DenyReason.CASE_ANONYMISED);
    }
    if (facts.restricted()) {
      return readsRestricted(viewer, facts.ownerOrganisationId(), action)
          ? Decision.permit(AccessBasis.OWNER, null, Decision.Scope.ALL_RECORDS)
          : Decision.deny(DenyReason.RESTRICTED);
    }
    if (facts.ownerOrganisationId() == viewer.organisationId()) {
      return Decision.permit(AccessBasis.OWNER, null, Decision.Scope.ALL_RECORDS);
    }
    long org = viewer.organisationId();
    List<CaseFacts.ReferralFact> toMe =
        facts.referrals().stream().filter(r -> r.toOrganisationId() == org).toList();
    List<CaseFacts.ReferralFact> live =
        toMe.stream()
            .filter(r -> LIVE.contains(r.state()))
            .sorted(Comparator.comparingLong(CaseFacts.ReferralFact::id))
            .toList();

    // Every basis that applies is found; the broadest wins, so that a narrow legal basis (own
    // records only) never hides a consent that covers all records.
    Decision legal = null;
    for (LegalBasisTable.Rule rule :
        LegalBasisTable.candidates(viewer.organisationType(), category, action)) {
      List<CaseFacts.ReferralFact> related =
          rule.relation() == LegalBasisTable.Relation.LIVE_REFERRAL ? live : toMe;
      if (related.stream()
          .anyMatch(r -> rule.requiredPurpose() == null || rule.requiredPurpose() == r.purpose())) {
        legal = Decision.permit(AccessBasis.LEGAL_BASIS, rule.code(), rule.scope());
        break;
      }
    }
    if (legal != null && legal.scope() == Decision.Scope.ALL_RECORDS) {
      return legal;
    }
    if (live.isEmpty() || !category.isPersonal()) {
      return legal != null
          ? legal
          : Decision.deny(
              live.isEmpty() ? DenyReason.NOT_REFERRED : DenyReason.ACTION_NOT_PERMITTED);
    }

    LocalDate today = now.atZone(ZONE).toLocalDate();
    List<CaseFacts.ReferralFact> asking =
        live.stream().filter(r -> r.categories().contains(category)).toList();
    Decision consent = null;
    for (CaseFacts.ReferralFact r : asking) {
      for (CaseFacts.ConsentFact k : facts.consents()) {
        if (consent == null
            && k.recipientOrganisationId() == org
            && k.purpose() == r.purpose()
            && k.categories().contains(category)
            && k.activeOn(today)) {
          Decision.Scope scope =
              action == AccessAction.UPDATE
                  ? Decision.Scope.OWN_RECORDS
                  : Decision.Scope.ALL_RECORDS;
          consent = Decision.permit(AccessBasis.CONSENT, String.valueOf(k.id()), scope);
        }
      }
    }
    if (consent != null && (legal == null || consent.scope() == Decision.Scope.ALL_RECORDS)) {
      return consent;
    }
    Decision emergency = null;
    for (CaseFacts.BreakGlassFact b : facts.breakGlass()) {
      if (emergency == null
          && b.userId() == viewer.userId()
          && b.category() == category
          && now.isBefore(b.expiresAt())) {
        emergency =
            action == AccessAction.READ
                ? Decision.permit(
                    AccessBasis.BREAK_GLASS, String.valueOf(b.id()), Decision.Scope.ALL_RECORDS)
                : Decision.deny(DenyReason.ACTION_NOT_PERMITTED);
      }
    }
    if (emergency != null && emergency.permitted()) {
      return emergency;
    }
    if (legal != null) {
      return legal;
    }
    if (emergency != null) {
      return emergency;
    }
    return Decision.deny(whyNoConsent(facts, org, category, asking, live, today));
  }

  /**
   * What a user asks for when she opens an emergency access, and what the policy must know of her
   * other emergency accesses.
   *
   * @param reason the reason she gives
   * @param threatToLifeOrHealth whether she confirms a threat to the person's life or health (vital
   *     interest, GDPR Art. 9(2)(c))
   * @param openedTodayByViewer how many emergency accesses she has opened today (Europe/Belgrade),
   *     on any case
   * @param dailyLimit how many one may open a day without the data protection officer
   */
  public record EmergencyRequest(
      String reason, boolean threatToLifeOrHealth, long openedTodayByViewer, int dailyLimit) {}

  /**
   * Decides whether a user may open an emergency (break-glass) access to a category, with the
   * defaults of a plain request (no vital interest confirmed, none opened today, no daily limit).
   *
   * @param viewer who asks
   * @param facts the case
   * @param category the personal category to open
   * @param reason the reason she gives
   * @return a permit with basis BREAK_GLASS, or a deny with its reason
   */
  public Decision decideEmergencyAccess(
      Viewer viewer, CaseFacts facts, DataCategory category, String reason) {
    return decideEmergencyAccess(
        viewer,
        facts,
        category,
        new EmergencyRequest(reason, false, 0, Integer.MAX_VALUE),
        Instant.now());
  }

  /**
   * Decides whether a user may open an emergency (break-glass) access to a category. The bounds, in
   * the order they are checked (issue 15; the access matrix has a row for each):
   *
   * <ol>
   *   <li>never administrators or data protection officers; not the owner, who needs none;
   *   <li>never on a restricted case (GDPR Art. 18);
   *   <li>only on an open case (not closed);
   *   <li>only when the case has a live referral to her organisation;
   *   <li>only for a personal category;
   *   <li>a reason of at least {@link BreakGlassAccess#MIN_REASON_LENGTH} visible characters that
   *       says something ({@link BreakGlassAccess#isMeaningful});
   *   <li>at most one open emergency access per user, case and category;
   *   <li>at most {@code dailyLimit} a day per user; beyond, the data protection officer decides;
   *   <li>when the person withdrew her consent for the organisation, only for a threat to her life
   *       or health that the user confirms (vital interest, GDPR Art. 9(2)(c)).
   * </ol>
   *
   * @param viewer who asks
   * @param facts the case
   * @param category the personal category to open
   * @param request the reason, the confirmation and the user's other accesses today
   * @param now when (UTC)
   * @return a permit with basis BREAK_GLASS (reference {@code Art. 9(2)(c)} when opened for a vital
   *     interest), or a deny with its reason
   */
  public Decision decideEmergencyAccess(
      Viewer viewer,
      CaseFacts facts,
      DataCategory category,
      EmergencyRequest request,
      Instant now) {
    java.util.Optional<DenyReason> bound = emergencyAccessBound(viewer, facts, category);
    if (bound.isPresent()) {
      return Decision.deny(bound.get());
    }
    if (!BreakGlassAccess.isLongEnough(request.reason())) {
      return Decision.deny(DenyReason.REASON_TOO_SHORT);
    }
    if (!BreakGlassAccess.isMeaningful(request.reason())) {
      return Decision.deny(DenyReason.REASON_NOT_MEANINGFUL);
    }
    if (facts.breakGlass().stream()
        .anyMatch(
            b ->
                b.userId() == viewer.userId()
                    && b.category() == category
                    && now.isBefore(b.expiresAt()))) {
      return Decision.deny(DenyReason.EMERGENCY_ALREADY_OPEN);
    }
    if (request.openedTodayByViewer() >= request.dailyLimit()) {
      return Decision.deny(DenyReason.EMERGENCY_DAILY_LIMIT);
    }
    boolean vitalInterest = request.threatToLifeOrHealth();
    if (consentWithdrawnBy(facts, viewer.organisationId(), now.atZone(ZONE).toLocalDate())
        && !vitalInterest) {
      return Decision.deny(DenyReason.VITAL_INTEREST_REQUIRED);
    }
    return Decision.permit(
        AccessBasis.BREAK_GLASS, vitalInterest ? VITAL_INTEREST : null, Decision.Scope.ALL_RECORDS);
  }

  /**
   * Whether the case page offers a user an emergency access to a category: the bounds of {@link
   * #decideEmergencyAccess} that do not depend on her request (who she is, the case's state, a live
   * referral to her organisation, a personal category), so that the page never offers what the
   * decision then refuses for the case's own sake (trial of 2026-12-07: offered on a closed case).
   *
   * @param viewer who would ask
   * @param facts the case
   * @param category the hidden category
   * @return whether she could open one with a proper reason
   */
  public boolean offersEmergencyAccess(Viewer viewer, CaseFacts facts, DataCategory category) {
    return emergencyAccessBound(viewer, facts, category).isEmpty();
  }

  /** The first of the request-independent bounds of an emergency access that refuses it. */
  private static java.util.Optional<DenyReason> emergencyAccessBound(
      Viewer viewer, CaseFacts facts, DataCategory category) {
    if (viewer.role().readsNoCaseData()) {
      return java.util.Optional.of(DenyReason.ADMINISTRATOR);
    }
    if (facts.merged()) {
      return java.util.Optional.of(DenyReason.CASE_MERGED);
    }
    if (facts.ownerOrganisationId() == viewer.organisationId()) {
      return java.util.Optional.of(DenyReason.NOT_NEEDED);
    }
    if (facts.restricted()) {
      return java.util.Optional.of(DenyReason.RESTRICTED);
    }
    if (facts.closed()) {
      return java.util.Optional.of(DenyReason.CASE_CLOSED);
    }
    boolean referred =
        facts.referrals().stream()
            .anyMatch(
                r -> r.toOrganisationId() == viewer.organisationId() && LIVE.contains(r.state()));
    if (!referred) {
      return java.util.Optional.of(DenyReason.NOT_REFERRED);
    }
    if (!category.isPersonal()) {
      return java.util.Optional.of(DenyReason.ACTION_NOT_PERMITTED);
    }
    return java.util.Optional.empty();
  }

  /**
   * Whether a user of the owning organisation reads a restricted case: only a coordinator, only to
   * READ (GDPR Art. 18(2): a restricted case is stored, not processed further; issue 21).
   */
  private static boolean readsRestricted(Viewer viewer, long ownerOrganisationId, AccessAction a) {
    return ownerOrganisationId == viewer.organisationId()
        && viewer.role().readsRestrictedCases()
        && a == AccessAction.READ;
  }

  /**
   * Whether a user may restrict processing of a case, or lift its restriction (GDPR Art. 18, issue
   * 21): a coordinator of the owning organisation, or its data protection officer (who answers the
   * person's request for restriction). Neither needs to read the case's data to do so. An
   * anonymised case (issue 21) holds nothing left to restrict, and takes no new free text.
   *
   * @param viewer who restricts or lifts
   * @param facts the case
   * @return {@code true} for the owning organisation's coordinators and data protection officer,
   *     unless the case is anonymised or merged into another (issue 19: an empty shell)
   */
  public boolean mayRestrict(Viewer viewer, CaseFacts facts) {
    return !facts.anonymised()
        && !facts.merged()
        && facts.ownerOrganisationId() == viewer.organisationId()
        && (viewer.role() == PortalRole.DPO || viewer.role().readsRestrictedCases());
  }

  /**
   * Whether a user who may not read a restricted case is told that it is restricted (GDPR Art. 18,
   * issue 21) rather than "not found": the owning organisation's users and the organisations that
   * received a referral of it — who know that the case exists — see "restricted" and nothing more,
   * on the pages and over the API alike; anybody else gets the same "not found" as for a case that
   * does not exist. Tells nothing of the case's data, so nothing is recorded.
   *
   * @param viewer who asks
   * @param facts the case
   * @return {@code true} when the case is restricted and the viewer's organisation owns it or
   *     received a referral of it
   */
  public boolean seesRestrictionNotice(Viewer viewer, CaseFacts facts) {
    return facts.restricted()
        && (facts.ownerOrganisationId() == viewer.organisationId()
            || facts.referrals().stream()
                .anyMatch(r -> r.toOrganisationId() == viewer.organisationId()));
  }

  /**
   * The organisations a rectification of a case's category must be told to (GDPR Art. 19: the
   * controller tells each recipient to whom the data were disclosed): every organisation that
   * receives the category through a live referral, and for {@link DataCategory#CASE_SUMMARY}, which
   * every recipient of a live referral reads (matrix row RECIPIENT_CASE_SUMMARY), every live
   * recipient. The owner is never among them (it made the correction).
   *
   * @param facts the case
   * @param category the corrected category
   * @return the organisations' ids, ascending; empty when nobody received the category
   */
  public Set<Long> toldOfCorrection(CaseFacts facts, DataCategory category) {
    Set<Long> told = new TreeSet<>();
    for (CaseFacts.ReferralFact r : facts.referrals()) {
      if (LIVE.contains(r.state())
          && (category == DataCategory.CASE_SUMMARY || r.categories().contains(category))
          && r.toOrganisationId() != facts.ownerOrganisationId()) {
        told.add(r.toOrganisationId());
      }
    }
    return told;
  }

  /**
   * Whether a user may decide (approve or reject) an emergency access asked for beyond the daily
   * limit (issue 15): only the data protection officer of the organisation that owns the case — the
   * controller of its data, who answers for who reads it (GDPR Art. 37–39). The approval itself
   * opens nothing without {@link #decideEmergencyAccess} permitting the requester, daily limit
   * aside.
   *
   * @param officer who decides
   * @param facts the case
   * @return {@code true} for the owning organisation's data protection officer (a request on a case
   *     closed since may still be rejected; its approval is refused by the bounds)
   */
  public boolean mayDecideEmergencyRequest(Viewer officer, CaseFacts facts) {
    return officer.role() == PortalRole.DPO
        && facts.ownerOrganisationId() == officer.organisationId();
  }

  /**
   * Whether a user may register a data subject's request about a case in the register of requests
   * (issue 21): only the data protection officer of the organisation that owns the case — the
   * controller that answers the request (GDPR Art. 12, 37–39; ZZPL art. 21). She finds the case by
   * its code as she does for its access report; nothing of the case but its code is shown to her.
   *
   * @param officer who registers it
   * @param facts the case
   * @return {@code true} for the owning organisation's data protection officer, unless the case was
   *     merged into another (issue 19: the request is about the survivor's person)
   */
  public boolean mayRegisterDataSubjectRequest(Viewer officer, CaseFacts facts) {
    return officer.role() == PortalRole.DPO
        && !facts.merged()
        && facts.ownerOrganisationId() == officer.organisationId();
  }

  /**
   * A stretch of time during which an organisation owned a case (issue 19: a case changes owner by
   * an accepted transfer).
   *
   * @param organisationId the owning organisation
   * @param from when it became the owner (UTC), or {@code null} since the case was opened
   * @param until when it handed the case over (UTC, the transfer's acceptance, exclusive), or
   *     {@code null} while it owns it
   */
  public record OwnershipPeriod(long organisationId, Instant from, Instant until)
      implements Serializable {

    /**
     * @param at an instant (UTC)
     * @return whether the organisation owned the case at that instant
     */
    public boolean covers(Instant at) {
      return (from == null || !at.isBefore(from)) && (until == null || at.isBefore(until));
    }

    /**
     * The periods of ownership of a case from its accepted transfers.
     *
     * @param currentOwnerId the case's owner now
     * @param handovers the accepted transfers, oldest first: {from organisation, to organisation,
     *     accepted at}
     * @return one period per owner in turn, oldest first, the current owner's last (open-ended)
     */
    public static List<OwnershipPeriod> of(long currentOwnerId, List<Handover> handovers) {
      List<OwnershipPeriod> periods = new java.util.ArrayList<>();
      Instant since = null;
      for (Handover h : handovers) {
        periods.add(new OwnershipPeriod(h.fromOrganisationId(), since, h.at()));
        since = h.at();
      }
      periods.add(new OwnershipPeriod(currentOwnerId, since, null));
      return periods;
    }
  }

  /**
   * An accepted transfer of a case, as the ownership periods need it.
   *
   * @param fromOrganisationId the organisation that handed the case over
   * @param toOrganisationId the organisation that took it
   * @param at when the transfer was accepted (UTC)
   */
  public record Handover(long fromOrganisationId, long toOrganisationId, Instant at)
      implements Serializable {}

  /** The name of the JPQL parameter of {@link #accessReportCases}: the officer's organisation. */
  public static final String REPORT_ORGANISATION = "reportOrganisation";

  /**
   * Whether a data protection officer prepares the data-subject access report of a case (GDPR Art.
   * 15; Law 87/2018 art. 26), and of which part.
   *
   * <ul>
   *   <li>The DPO of the organisation that owns the case: the whole report ({@link
   *       AccessBasis#OWNER}, {@link Decision.Scope#ALL_RECORDS}).
   *   <li>The DPO of an organisation that owned the case before an accepted transfer (issue 19):
   *       the report of the period(s) her organisation owned it ({@link AccessBasis#OWNER}, {@link
   *       Decision.Scope#OWN_RECORDS}: the records made while it was the owner). Her organisation
   *       was the controller of that processing and stays accountable for it (GDPR Art. 5(2), 24):
   *       the person may ask it, as that processing's controller, who saw her data while it held
   *       her case (Art. 15(1)(c)), and it must be able to answer. What happened after the handover
   *       is the new owner's processing, of which the new owner is the controller and answers: the
   *       former owner has no basis to learn who read the case since (the names of the new owner's
   *       and its partners' staff are personal data too, Art. 5(1)(c)), so its report stops at the
   *       handover.
   *   <li>Anybody else (another organisation's DPO, any other role): denied. The owner's staff
   *       prepare the report through {@link #decide} (an audited read of IDENTITY), not this rule.
   * </ul>
   *
   * <p>The same rule for the DPO's search of cases is {@link #accessReportCases}.
   *
   * @param officer who prepares it
   * @param facts the case
   * @param formerOwnerIds the organisations that owned the case before an accepted transfer
   * @return the decision; a deny carries {@link DenyReason#ACTION_NOT_PERMITTED}
   */
  public Decision decideAccessReportByOfficer(
      Viewer officer, CaseFacts facts, Set<Long> formerOwnerIds) {
    if (officer.role() != PortalRole.DPO) {
      return Decision.deny(DenyReason.ACTION_NOT_PERMITTED);
    }
    if (facts.merged()) {
      // The report of a merged case is its survivor's, which lists this case's person too.
      return Decision.deny(DenyReason.CASE_MERGED);
    }
    if (facts.ownerOrganisationId() == officer.organisationId()) {
      return Decision.permit(AccessBasis.OWNER, null, Decision.Scope.ALL_RECORDS);
    }
    if (formerOwnerIds.contains(officer.organisationId())) {
      return Decision.permit(AccessBasis.OWNER, null, Decision.Scope.OWN_RECORDS);
    }
    return Decision.deny(DenyReason.ACTION_NOT_PERMITTED);
  }

  /**
   * {@link #decideAccessReportByOfficer} as a JPQL condition on a case, for the data protection
   * officer's search of cases: her organisation owns the case, or handed it over by an accepted
   * transfer; a case merged into another is not found (its survivor's report covers it). Bind
   * {@link #REPORT_ORGANISATION} to her organisation's id.
   *
   * @param caseAlias the alias of the {@code CaseFile} in the query
   * @return the condition, in parentheses
   */
  public static String accessReportCases(String caseAlias) {
    return "("
        + caseAlias
        + ".mergedIntoId is null and ("
        + caseAlias
        + ".ownerOrganisation.id = :"
        + REPORT_ORGANISATION
        + " or exists (select t.id from CaseTransfer t where t.caseFile = "
        + caseAlias
        + " and t.fromOrganisation.id = :"
        + REPORT_ORGANISATION
        + " and t.state = rs.astra.nrm.transfer.TransferState.ACCEPTED)))";
  }

  /**
   * Whether a user records and lifts legal holds on a case and sees its organisation's holds and
   * retention list (issue 21): the owning organisation's coordinators and its data protection
   * officer (GDPR Art. 17(3), Art. 5(2) accountability). Nothing personal is read.
   *
   * @param viewer who asks
   * @param facts the case
   * @return {@code true} for the owning organisation's coordinator or DPO, unless the case was
   *     merged into another (its records, and the holds on them, are the survivor's)
   */
  public boolean mayKeepLegalHolds(Viewer viewer, CaseFacts facts) {
    return viewer.role().keepsLegalHolds()
        && !facts.merged()
        && facts.ownerOrganisationId() == viewer.organisationId();
  }

  /**
   * Whether a user confirms the erasure of a case on its person's request (GDPR Art. 17; issue 21):
   * the owning organisation's data protection officer only, as she answers the request.
   *
   * @param viewer who asks
   * @param facts the case
   * @return {@code true} for the owning organisation's DPO
   */
  public boolean mayConfirmErasure(Viewer viewer, CaseFacts facts) {
    return mayRegisterDataSubjectRequest(viewer, facts);
  }

  /**
   * Whether a user reads her organisation's referral inbox (the referrals sent to it: case code,
   * sender, purpose, categories, the sender's details). Only roles that read case data do:
   * administrators, data protection officers and hotline operators of a receiving organisation see
   * none (issue 16; data minimisation, GDPR Art. 5(1)(c)), exactly as they may not answer a
   * referral.
   *
   * @param viewer who asks
   * @return {@code true} for the roles that read case data
   */
  public boolean readsReferralInbox(Viewer viewer) {
    return !viewer.role().readsNoCaseData();
  }

  /**
   * Whether a user sees one referral of a case, as the case page lists them (issue 22, the REST
   * API's {@code GET} of a referral): the organisation that owns the case sees all its referrals, a
   * recipient only those sent to her organisation; only roles that read case data ({@link
   * #readsReferralInbox}), and only while the case summary itself is readable ({@code summary}, the
   * policy's READ of CASE_SUMMARY, decided by the caller through the enforcer).
   *
   * @param viewer who asks
   * @param facts the referral's case
   * @param toOrganisationId the referral's recipient
   * @param summary the decision on READ of the case's CASE_SUMMARY for the viewer
   * @return {@code true} when the referral is shown to her
   */
  public boolean seesReferral(
      Viewer viewer, CaseFacts facts, long toOrganisationId, Decision summary) {
    return summary.permitted()
        && readsReferralInbox(viewer)
        && (facts.ownerOrganisationId() == viewer.organisationId()
            || toOrganisationId == viewer.organisationId());
  }

  /** The name of the JPQL parameter of {@link #ownRecords}; {@link #bindOwnRecords} binds it. */
  public static final String OWN_ORGANISATION = "ownRecordsOrganisation";

  /**
   * The own-records rule ({@link Decision.Scope#OWN_RECORDS}) as a JPQL condition: a record is the
   * viewer's organisation's own when her organisation recorded it. The one place the rule is
   * written for queries of a case's records (support plan, timeline); bind its parameter with
   * {@link #bindOwnRecords}.
   *
   * @param organisationId the JPQL path of the id of the organisation that recorded the record,
   *     e.g. {@code "s.organisation.id"}
   * @return the condition, e.g. {@code s.organisation.id = :ownRecordsOrganisation}
   */
  public static String ownRecords(String organisationId) {
    return organisationId + " = :" + OWN_ORGANISATION;
  }

  /**
   * A decision's scope as a JPQL condition to append to a where clause: nothing when the decision
   * covers all records, {@code and} {@link #ownRecords} when only the organisation's own.
   *
   * @param decision a permitting decision
   * @param organisationId the JPQL path of the id of the organisation that recorded the record
   * @return {@code ""} or {@code " and <organisationId> = :ownRecordsOrganisation"}
   */
  public static String recordsInScope(Decision decision, String organisationId) {
    return decision.scope() == Decision.Scope.ALL_RECORDS
        ? ""
        : " and " + ownRecords(organisationId);
  }

  /**
   * Binds the viewer's organisation to the parameter of {@link #ownRecords} when the query uses it
   * (and does nothing otherwise).
   *
   * @param <Q> the kind of query
   * @param query a query whose JPQL may contain {@link #ownRecords}
   * @param viewer who asks
   * @return the query
   */
  public static <Q extends jakarta.persistence.Query> Q bindOwnRecords(Q query, Viewer viewer) {
    if (query.getParameters().stream().anyMatch(p -> OWN_ORGANISATION.equals(p.getName()))) {
      query.setParameter(OWN_ORGANISATION, viewer.organisationId());
    }
    return query;
  }

  /**
   * The personal categories a viewer may read of one case, split by the scope of each permit, as a
   * query predicate over a case's records (issue 16: one helper turns decisions into the query's
   * condition; issue 17: the Documents section).
   *
   * @param all categories of which she reads every record
   * @param own categories of which she reads only her organisation's own records
   */
  public record ReadableCategories(Set<DataCategory> all, Set<DataCategory> own) {

    /**
     * The readable personal categories from a decision per category.
     *
     * @param decisions the policy's decisions for READ, e.g. from {@link
     *     AccessEnforcer#decideAllAndRecordPermits}
     * @return the permitted personal categories by scope
     */
    public static ReadableCategories of(java.util.Map<DataCategory, Decision> decisions) {
      Set<DataCategory> all = EnumSet.noneOf(DataCategory.class);
      Set<DataCategory> own = EnumSet.noneOf(DataCategory.class);
      decisions.forEach(
          (category, d) -> {
            if (category.isPersonal() && d.permitted()) {
              (d.scope() == Decision.Scope.ALL_RECORDS ? all : own).add(category);
            }
          });
      return new ReadableCategories(all, own);
    }

    /**
     * Whether she may read no record at all.
     *
     * @return {@code true} when both sets are empty
     */
    public boolean none() {
      return all.isEmpty() && own.isEmpty();
    }

    /**
     * The JPQL condition, in parentheses; bind it with {@link #bind}. Must not be used when {@link
     * #none()}.
     *
     * @param category the JPQL path of the record's category, e.g. {@code d.category}
     * @param organisationId the JPQL path of the id of the organisation that made the record
     * @return e.g. {@code (d.category in :readAll or (d.category in :readOwn and
     *     d.uploaderOrganisation.id = :ownRecordsOrganisation))}
     */
    public String predicate(String category, String organisationId) {
      List<String> parts = new ArrayList<>();
      if (!all.isEmpty()) {
        parts.add(category + " in :readAll");
      }
      if (!own.isEmpty()) {
        parts.add("(" + category + " in :readOwn and " + ownRecords(organisationId) + ")");
      }
      return "(" + String.join(" or ", parts) + ")";
    }

    /**
     * Binds the parameters of {@link #predicate}.
     *
     * @param <Q> the kind of query
     * @param query the query
     * @param viewer who asks
     * @return the query
     */
    public <Q extends jakarta.persistence.Query> Q bind(Q query, Viewer viewer) {
      if (!all.isEmpty()) {
        query.setParameter("readAll", all);
      }
      if (!own.isEmpty()) {
        query.setParameter("readOwn", own);
      }
      return bindOwnRecords(query, viewer);
    }
  }

  /**
   * A decision applied to one record of its category: a permit over all records stands; a permit
   * over the organisation's own records stands only for a record her organisation made (e.g. a
   * police unit's own police record, a hospital's own upload; issue 17), and is otherwise refused
   * as not consented ({@link DenyReason#NO_CONSENT}). The single-record form of {@link
   * #recordsInScope}.
   *
   * @param decision the category's decision for the viewer
   * @param recordedByOrganisationId the organisation that made the record
   * @param viewer who asks
   * @return the decision for that record
   */
  public static Decision forRecord(
      Decision decision, long recordedByOrganisationId, Viewer viewer) {
    if (!decision.permitted()
        || decision.scope() == Decision.Scope.ALL_RECORDS
        || recordedByOrganisationId == viewer.organisationId()) {
      return decision;
    }
    return Decision.deny(DenyReason.NO_CONSENT);
  }

  /**
   * Which organisations' rows a viewer's statistics cover: all organisations for NGO coordinators,
   * CPTV officers and administrators (the figures then leave protected against small cells, and
   * nothing personal is shown), otherwise only the rows of her own organisation — its cases, the
   * entries it recorded, the referrals it sent or received, the services it provides, its hotline
   * calls and CTDC imports (issue 16: the statistics' scope is a rule of the policy).
   *
   * @param viewer who asks
   * @return the scope; {@link StatisticsScope#allOrganisations()} or her organisation's id
   */
  public static StatisticsScope statisticsScope(Viewer viewer) {
    boolean all =
        viewer.role() == PortalRole.NGO_COORDINATOR
            || viewer.role() == PortalRole.CPTV_OFFICER
            || viewer.role() == PortalRole.ADMIN;
    return new StatisticsScope(all ? null : viewer.organisationId());
  }

  /**
   * The organisations whose rows statistics count, as a predicate for the statistics' native SQL
   * with numbered parameters.
   *
   * @param organisationId the one organisation whose rows count, or {@code null} for all
   */
  public record StatisticsScope(Long organisationId) {

    /**
     * @return whether the rows of every organisation count
     */
    public boolean allOrganisations() {
      return organisationId == null;
    }

    /**
     * The condition a row of one organisation meets, to append to a where clause: one of the
     * columns naming an organisation holds its id.
     *
     * @param oneOrganisation whether the rows of one organisation only count
     * @param firstParameter the number of the first parameter ({@code ?n}); each column takes the
     *     next number, each used once (see {@link #bind})
     * @param organisationColumns the columns that name an organisation the row belongs to (case
     *     owner, recorder, provider, sender, recipient, importer)
     * @return {@code ""} for all organisations, else {@code " and c = ?n"} or {@code " and (c = ?n
     *     or d = ?n+1 …)"}
     */
    public static String predicate(
        boolean oneOrganisation, int firstParameter, String... organisationColumns) {
      if (!oneOrganisation) {
        return "";
      }
      List<String> any = new ArrayList<>();
      for (int i = 0; i < organisationColumns.length; i++) {
        any.add(organisationColumns[i] + " = ?" + (firstParameter + i));
      }
      return any.size() == 1 ? " and " + any.get(0) : " and (" + String.join(" or ", any) + ")";
    }

    /**
     * Binds the organisation to the parameters of {@link #predicate}; nothing for all
     * organisations.
     *
     * @param <Q> the kind of query
     * @param query the query whose SQL carries the predicate
     * @param firstParameter the number of its first parameter
     * @param columns how many columns the predicate names
     * @return the query
     */
    public <Q extends jakarta.persistence.Query> Q bind(Q query, int firstParameter, int columns) {
      if (organisationId != null) {
        for (int i = 0; i < columns; i++) {
          query.setParameter(firstParameter + i, organisationId);
        }
      }
      return query;
    }
  }

  /**
   * What a legal basis carries of a planned referral.
   *
   * @param code the code of the (last) legal-basis rule that covers some of the categories, or
   *     {@code null} when none does
   * @param categories the asked personal categories a legal basis covers (a new mutable set)
   */
  public record ReferralBasis(String code, Set<DataCategory> categories) {}

  /**
   * Which of the asked personal categories a legal basis would let the recipient read once the
   * referral is live ({@link LegalBasisTable} rules of relation {@code LIVE_REFERRAL} for READ, for
   * the recipient's kind and, where the rule names one, the purpose). The rest needs a consent.
   *
   * @param recipientType the kind of the receiving organisation
   * @param purpose the referral's purpose
   * @param asked the personal categories asked for
   * @return the covering rule's code and the categories it covers
   */
  public ReferralBasis legalBasisForReferral(
      rs.astra.nrm.organisation.OrganisationType recipientType,
      Purpose purpose,
      Set<DataCategory> asked) {
    Set<DataCategory> covered = EnumSet.noneOf(DataCategory.class);
    String code = null;
    for (LegalBasisTable.Rule rule : LegalBasisTable.RULES) {
      if (rule.organisationTypes().contains(recipientType)
          && rule.relation() == LegalBasisTable.Relation.LIVE_REFERRAL
          && rule.actions().contains(AccessAction.READ)
          && (rule.requiredPurpose() == null || rule.requiredPurpose() == purpose)) {
        for (DataCategory c : asked) {
          if (rule.categories().contains(c)) {
            covered.add(c);
            code = rule.code();
          }
        }
      }
    }
    return new ReferralBasis(code, covered);
  }

  /**
   * The legal basis on which the owner may transfer a child's case to a centre for social work
   * without the child's consent: the centre is the guardianship authority and provides social
   * protection to a child (Law on Social Protection, Sl. glasnik RS 24/2011, art. 12 and 41; Family
   * Act art. 332; GDPR Art. 6(1)(c) and (e), 9(2)(g)).
   */
  public static final String CHILD_TO_SOCIAL_WORK_CENTRE = "CHILD_TO_SOCIAL_WORK_CENTRE";

  /**
   * What a transfer of a case to another organisation may rest on (issue 19).
   *
   * @param consentId the person's active consent for the receiving organisation, or {@code null}
   * @param legalBasis the legal basis's code, or {@code null}
   */
  public record TransferBasis(Long consentId, String legalBasis) {}

  /**
   * What lets the owner transfer a case to an organisation, on the basis she chose: the person's
   * consent — an active consent (on the day of {@code now}) for the receiving organisation, any
   * purpose — or the legal basis {@link #CHILD_TO_SOCIAL_WORK_CENTRE}, for a child's case going to
   * a centre for social work. Whether the viewer may transfer at all (she must own the case) is
   * decided by {@link #decide}; this answers only which basis covers the transfer.
   *
   * @param facts the case
   * @param toOrganisationId the receiving organisation
   * @param toType its kind
   * @param child whether the person is a child today
   * @param byConsent {@code true} to rest it on consent, {@code false} on a legal basis
   * @param now the instant (UTC); its Europe/Belgrade day decides consent validity
   * @return the basis, or empty when the chosen basis does not cover the transfer
   */
  public Optional<TransferBasis> basisForTransfer(
      CaseFacts facts,
      long toOrganisationId,
      rs.astra.nrm.organisation.OrganisationType toType,
      boolean child,
      boolean byConsent,
      Instant now) {
    if (!byConsent) {
      return child && toType == rs.astra.nrm.organisation.OrganisationType.SOCIAL_WORK_CENTRE
          ? Optional.of(new TransferBasis(null, CHILD_TO_SOCIAL_WORK_CENTRE))
          : Optional.empty();
    }
    LocalDate today = now.atZone(ZONE).toLocalDate();
    return facts.consents().stream()
        .filter(k -> k.recipientOrganisationId() == toOrganisationId && k.activeOn(today))
        .map(CaseFacts.ConsentFact::id)
        .max(Comparator.naturalOrder())
        .map(id -> new TransferBasis(id, null));
  }

  /**
   * {@link Consent#isActive} as a query predicate: not withdrawn, given on or before the day, the
   * day not after its last valid day. The listQueryAndDecideAgreeRowByRow test holds the two equal.
   */
  private static Predicate consentActiveOn(CriteriaBuilder cb, Root<Consent> k, LocalDate day) {
    return cb.and(
        cb.isNull(k.get("withdrawnAt")),
        cb.lessThanOrEqualTo(k.<LocalDate>get("givenOn"), day),
        cb.or(
            cb.isNull(k.get("validUntil")),
            cb.greaterThanOrEqualTo(k.<LocalDate>get("validUntil"), day)));
  }

  /** The reference of an emergency access opened for a vital interest. */
  public static final String VITAL_INTEREST = "Art. 9(2)(c)";

  /**
   * Whether the person withdrew a consent she had given to an organisation (for any purpose) and
   * has given it no active one since.
   *
   * @param facts the case
   * @param organisationId the organisation
   * @param today the day (Europe/Belgrade)
   * @return {@code true} when a consent for it is withdrawn and none is active
   */
  public static boolean consentWithdrawnBy(CaseFacts facts, long organisationId, LocalDate today) {
    List<CaseFacts.ConsentFact> forOrganisation =
        facts.consents().stream()
            .filter(k -> k.recipientOrganisationId() == organisationId)
            .toList();
    return forOrganisation.stream().anyMatch(k -> k.withdrawnAt() != null)
        && forOrganisation.stream().noneMatch(k -> k.activeOn(today));
  }

  /** The most specific reason why no consent covers the request. */
  private static DenyReason whyNoConsent(
      CaseFacts facts,
      long org,
      DataCategory category,
      List<CaseFacts.ReferralFact> asking,
      List<CaseFacts.ReferralFact> live,
      LocalDate today) {
    if (asking.isEmpty()) {
      return DenyReason.NOT_IN_REFERRAL;
    }
    List<CaseFacts.ConsentFact> mine =
        facts.consents().stream().filter(k -> k.recipientOrganisationId() == org).toList();
    if (mine.isEmpty()) {
      return DenyReason.NO_CONSENT;
    }
    Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
    asking.stream()
        .map(CaseFacts.ReferralFact::purpose)
        .filter(p -> p != null)
        .forEach(purposes::add);
    List<CaseFacts.ConsentFact> forPurpose =
        mine.stream().filter(k -> purposes.contains(k.purpose())).toList();
    if (forPurpose.isEmpty()) {
      return DenyReason.CONSENT_OTHER_PURPOSE;
    }
    List<CaseFacts.ConsentFact> covering =
        forPurpose.stream().filter(k -> k.categories().contains(category)).toList();
    if (covering.isEmpty()) {
      return DenyReason.CONSENT_OTHER_CATEGORY;
    }
    if (covering.stream().anyMatch(k -> k.withdrawnAt() != null)) {
      return DenyReason.CONSENT_WITHDRAWN;
    }
    if (covering.stream().anyMatch(k -> k.validUntil() != null && today.isAfter(k.validUntil()))) {
      return DenyReason.CONSENT_EXPIRED;
    }
    return DenyReason.CONSENT_NOT_YET_VALID;
  }

  /**
   * The number of cases on which {@link #permits} holds for READ of {@link
   * DataCategory#CASE_SUMMARY} — the case list's total without filters — as two queries answered
   * from indexes: the cases the organisation owns (and how many of them are also referred to it),
   * and the distinct cases referred to it under a rule of the {@link LegalBasisTable} for the
   * summary; {@link CaseSummaryCount#total} adds them up without counting a case twice. The summary
   * is not personal, so consent and emergency access never widen it; the rules, the live states and
   * the purposes are those {@link #permits} uses, and a test compares the total with {@link
   * #decide} for every case. {@code permits} as a predicate makes PostgreSQL test every case
   * ({@code owner OR EXISTS} cannot be answered from one index): 40–160 ms at 100,000 cases,
   * against a few milliseconds for these (docs/benchmarks.md).
   *
   * @param cb the criteria builder
   * @param viewer who asks
   * @return the queries; empty when the viewer may read no case (administrators, DPOs)
   */
  public Optional<CaseSummaryCount> caseSummaryCount(CriteriaBuilder cb, Viewer viewer) {
    if (viewer.role().readsNoCaseData()) {
      return Optional.empty();
    }
    return Optional.of(
        new CaseSummaryCount(
            cb,
            viewer.organisationId(),
            LegalBasisTable.candidates(
                viewer.organisationType(), DataCategory.CASE_SUMMARY, AccessAction.READ),
            readsRestricted(viewer, viewer.organisationId(), AccessAction.READ)));
  }

  /**
   * The two queries of {@link #caseSummaryCount}; run both and give their results to {@link
   * #total}.
   */
  public static final class CaseSummaryCount {
    private final CriteriaBuilder cb;
    private final long org;
    private final List<LegalBasisTable.Rule> rules;
    private final boolean ownRestrictedToo;

    private CaseSummaryCount(
        CriteriaBuilder cb, long org, List<LegalBasisTable.Rule> rules, boolean ownRestrictedToo) {
      this.cb = cb;
      this.org = org;
      this.rules = rules;
      this.ownRestrictedToo = ownRestrictedToo;
    }

    /**
     * @return one row: the number of cases the organisation owns, and how many of those are also
     *     referred to it under a rule (0 in practice: nobody refers a case to its owner)
     */
    public CriteriaQuery<Object[]> owned() {
      CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
      Root<CaseFile> c = q.from(CaseFile.class);
      Expression<Integer> alsoReferred = cb.literal(0);
      if (!rules.isEmpty()) {
        Subquery<Long> referredIds = q.subquery(Long.class);
        Root<Referral> r = referredIds.from(Referral.class);
        referredIds.select(r.get("caseFileId")).where(referredUnderARule(r));
        alsoReferred =
            cb.sum(cb.<Integer>selectCase().when(c.get("id").in(referredIds), 1).otherwise(0));
      }
      // A case merged into another (issue 19) has left the list; its referrals moved with it.
      List<Predicate> where = new ArrayList<>();
      where.add(cb.equal(c.get("ownerOrganisation").get("id"), org));
      where.add(cb.isNull(c.get("mergedIntoId")));
      if (!ownRestrictedToo) {
        where.add(cb.isNull(c.get("restrictedSince")));
      }
      return q.multiselect(cb.count(c), alsoReferred).where(where.toArray(Predicate[]::new));
    }

    /**
     * @return the number of distinct cases referred to the organisation under a rule for the
     *     summary (one index); empty when no rule lets a recipient read the summary
     */
    public Optional<CriteriaQuery<Long>> referred() {
      if (rules.isEmpty()) {
        return Optional.empty();
      }
      CriteriaQuery<Long> q = cb.createQuery(Long.class);
      Root<Referral> r = q.from(Referral.class);
      return Optional.of(
          q.select(cb.countDistinct(r.get("caseFileId"))).where(referredUnderARule(r)));
    }

    /**
     * @param owned the row of {@link #owned()}
     * @param referred the result of {@link #referred()}, {@code null} if it was empty
     * @return owned + referred − both
     */
    public static long total(Object[] owned, Long referred) {
      long own = ((Number) owned[0]).longValue();
      long both = owned[1] == null ? 0 : ((Number) owned[1]).longValue();
      return own + (referred == null ? 0 : referred) - both;
    }

    private Predicate referredUnderARule(Root<Referral> r) {
      List<Predicate> any = new ArrayList<>();
      for (LegalBasisTable.Rule rule : rules) {
        List<Predicate> where = new ArrayList<>();
        if (rule.relation() == LegalBasisTable.Relation.LIVE_REFERRAL) {
          where.add(r.get("state").in(LIVE));
        }
        if (rule.requiredPurpose() != null) {
          where.add(cb.equal(r.get("purpose"), rule.requiredPurpose()));
        }
        any.add(cb.and(where.toArray(Predicate[]::new)));
      }
      // A restricted case is no recipient's (GDPR Art. 18).
      return cb.and(
          cb.equal(r.get("toOrganisation").get("id"), org),
          cb.isNull(r.get("caseFile").get("restrictedSince")),
          cb.or(any.toArray(Predicate[]::new)));
    }
  }

  /**
   * The same rule as {@link #decide}, as a predicate over {@code CaseFile} for a Criteria query:
   * true exactly for the cases on which {@code decide} permits.
   *
   * @param cb the criteria builder
   * @param query the query (for subqueries)
   * @param c the case root
   * @param viewer who asks
   * @param category which category
   * @param action what for
   * @param now the instant of the request (UTC)
   * @return the predicate
   */
  public Predicate permits(
      CriteriaBuilder cb,
      CriteriaQuery<?> query,
      Root<CaseFile> c,
      Viewer viewer,
      DataCategory category,
      AccessAction action,
      Instant now) {
    return predicate(cb, query, c, viewer, category, action, now, false);
  }

  /**
   * The part of {@link #permits} whose bases cover all records of the category: true exactly for
   * the cases on which {@code decide} permits with {@link Decision.Scope#ALL_RECORDS}. A list of
   * records (e.g. proceedings entries) shows a record when this holds, or when {@link #permits}
   * holds and the record is the viewer's organisation's own — the same scopes as {@code decide}.
   *
   * @param cb the criteria builder
   * @param query the query (for subqueries)
   * @param c the case root
   * @param viewer who asks
   * @param category which category
   * @param action what for
   * @param now the instant of the request (UTC)
   * @return the predicate
   */
  public Predicate permitsAllRecords(
      CriteriaBuilder cb,
      CriteriaQuery<?> query,
      Root<CaseFile> c,
      Viewer viewer,
      DataCategory category,
      AccessAction action,
      Instant now) {
    return predicate(cb, query, c, viewer, category, action, now, true);
  }

  private Predicate predicate(
      CriteriaBuilder cb,
      CriteriaQuery<?> query,
      Root<CaseFile> c,
      Viewer viewer,
      DataCategory category,
      AccessAction action,
      Instant now,
      boolean allRecordsOnly) {
    if (viewer.role().readsNoCaseData()) {
      // Always false, written on a column: a bare FALSE becomes a bound parameter that PostgreSQL
      // cannot type inside CASE WHEN.
      return cb.isNull(c.get("id"));
    }
    long org = viewer.organisationId();
    Predicate owner = cb.equal(c.get("ownerOrganisation").get("id"), org);
    List<Predicate> any = new ArrayList<>();
    for (LegalBasisTable.Rule rule :
        LegalBasisTable.candidates(viewer.organisationType(), category, action)) {
      if (allRecordsOnly && rule.scope() != Decision.Scope.ALL_RECORDS) {
        continue;
      }
      Subquery<Long> sub = query.subquery(Long.class);
      Root<Referral> r = sub.from(Referral.class);
      List<Predicate> where = new ArrayList<>();
      where.add(cb.equal(r.get("caseFile"), c));
      where.add(cb.equal(r.get("toOrganisation").get("id"), org));
      if (rule.relation() == LegalBasisTable.Relation.LIVE_REFERRAL) {
        where.add(r.get("state").in(LIVE));
      }
      if (rule.requiredPurpose() != null) {
        where.add(cb.equal(r.get("purpose"), rule.requiredPurpose()));
      }
      any.add(cb.exists(sub.select(r.get("id")).where(where.toArray(Predicate[]::new))));
    }
    // A consent covers all records for READ and EXPORT, only the organisation's own for UPDATE.
    if (category.isPersonal() && !(allRecordsOnly && action == AccessAction.UPDATE)) {
      LocalDate today = now.atZone(ZONE).toLocalDate();
      // A live referral asking for the category, with an active consent for its purpose.
      Subquery<Long> ref = query.subquery(Long.class);
      Root<Referral> r = ref.from(Referral.class);
      Join<Referral, DataCategory> rc = r.join("categories");
      Subquery<Long> con = query.subquery(Long.class);
      Root<Consent> k = con.from(Consent.class);
      Join<Consent, DataCategory> kc = k.join("categories");
      con.select(k.get("id"))
          .where(
              cb.equal(k.get("caseFile"), c),
              cb.equal(k.get("recipient").get("id"), org),
              cb.equal(k.get("purpose"), r.get("purpose")),
              cb.equal(kc, category),
              consentActiveOn(cb, k, today));
      ref.select(r.get("id"))
          .where(
              cb.equal(r.get("caseFile"), c),
              cb.equal(r.get("toOrganisation").get("id"), org),
              r.get("state").in(LIVE),
              cb.equal(rc, category),
              cb.exists(con));
      any.add(cb.exists(ref));
      if (action == AccessAction.READ) {
        Subquery<Long> bg = query.subquery(Long.class);
        Root<BreakGlassAccess> b = bg.from(BreakGlassAccess.class);
        bg.select(b.get("id"))
            .where(
                cb.equal(b.get("caseFile"), c),
                cb.equal(b.get("user").get("id"), viewer.userId()),
                cb.equal(b.get("category"), category),
                cb.greaterThan(b.<Instant>get("expiresAt"), now));
        Subquery<Long> stillReferred = query.subquery(Long.class);
        Root<Referral> lr = stillReferred.from(Referral.class);
        stillReferred
            .select(lr.get("id"))
            .where(
                cb.equal(lr.get("caseFile"), c),
                cb.equal(lr.get("toOrganisation").get("id"), org),
                lr.get("state").in(LIVE));
        any.add(cb.and(cb.exists(bg), cb.exists(stillReferred)));
      }
    }
    // A restricted case (GDPR Art. 18): only the owner's coordinators, only to read.
    Predicate notRestricted = cb.isNull(c.get("restrictedSince"));
    if (readsRestricted(viewer, org, action)) {
      return any.isEmpty()
          ? owner
          : cb.or(owner, cb.and(notRestricted, cb.or(any.toArray(Predicate[]::new))));
    }
    any.add(0, owner);
    return cb.and(notRestricted, cb.or(any.toArray(Predicate[]::new)));
  }
}
