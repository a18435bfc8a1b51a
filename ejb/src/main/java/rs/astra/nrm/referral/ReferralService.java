package rs.astra.nrm.referral;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.Consent;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * The referral lifecycle: the owning organisation sends a referral for a purpose and the categories
 * the recipient needs, on an active consent or a legal basis that covers them; the recipient
 * accepts or rejects it (with a reason); the recipient completes it; the sender may revoke it
 * before completion. Every change checks the version the user saw (optimistic locking).
 */
@Stateless
@StoredBeforeReturn
public class ReferralService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private AccessPolicy policy;
  @Inject private rs.astra.nrm.notification.Notifications notifications;

  /**
   * What covers the personal categories of a planned referral, or what is missing.
   *
   * @param consentId the active consent that covers the categories no legal basis covers, or {@code
   *     null}
   * @param legalBasis the legal-basis code that covers some categories, or {@code null}
   * @param byLegalBasis the categories the legal basis covers
   * @param byConsent the categories the consent covers
   * @param missing the categories nothing covers; empty when the referral may be sent
   * @param consentForPurposeExists whether the recipient has any active consent for the purpose
   */
  public record Coverage(
      Long consentId,
      String legalBasis,
      Set<DataCategory> byLegalBasis,
      Set<DataCategory> byConsent,
      Set<DataCategory> missing,
      boolean consentForPurposeExists)
      implements Serializable {

    /**
     * @return whether everything asked for is covered
     */
    public boolean covered() {
      return missing.isEmpty();
    }
  }

  /**
   * Works out what would cover a referral, without sending it (the send dialog shows this live).
   *
   * @param viewer who would send it; of the owning organisation
   * @param caseId the case
   * @param toOrganisationId the recipient
   * @param purpose the purpose
   * @param categories the personal categories asked for
   * @return the coverage
   * @throws rs.astra.nrm.consent.AccessDeniedException if the viewer's organisation does not own
   *     the case
   */
  public Coverage coverage(
      Viewer viewer,
      long caseId,
      long toOrganisationId,
      Purpose purpose,
      Set<DataCategory> categories) {
    Instant now = Instant.now();
    CaseFacts f =
        caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
    enforcer.require(viewer, f, DataCategory.CASE_SUMMARY, AccessAction.UPDATE, now);
    Organisation to = em.find(Organisation.class, toOrganisationId);
    if (to == null || purpose == null) {
      throw new InvalidRequestException("referral.error.incomplete");
    }
    return coverage(f, to, purpose, categories, now);
  }

  private Coverage coverage(
      CaseFacts f, Organisation to, Purpose purpose, Set<DataCategory> asked, Instant now) {
    Set<DataCategory> personal = EnumSet.noneOf(DataCategory.class);
    asked.stream().filter(DataCategory::isPersonal).forEach(personal::add);
    // Which categories a legal basis carries to this recipient is the policy's (LegalBasisTable).
    AccessPolicy.ReferralBasis referralBasis =
        policy.legalBasisForReferral(to.getType(), purpose, personal);
    Set<DataCategory> byBasis = referralBasis.categories();
    String basis = referralBasis.code();
    Set<DataCategory> rest = EnumSet.noneOf(DataCategory.class);
    personal.stream().filter(c -> !byBasis.contains(c)).forEach(rest::add);
    LocalDate today = now.atZone(AccessPolicy.ZONE).toLocalDate();
    List<CaseFacts.ConsentFact> active =
        f.consents().stream()
            .filter(
                k ->
                    k.recipientOrganisationId() == to.getId()
                        && k.purpose() == purpose
                        && k.activeOn(today))
            .toList();
    if (rest.isEmpty()) {
      return new Coverage(null, basis, byBasis, Set.of(), Set.of(), !active.isEmpty());
    }
    // One referral rests on one consent: take the active consent that covers most of what is asked.
    CaseFacts.ConsentFact best =
        active.stream()
            .max(
                java.util.Comparator.comparingLong(
                    k -> rest.stream().filter(k.categories()::contains).count()))
            .orElse(null);
    Set<DataCategory> missing = EnumSet.copyOf(rest);
    if (best != null) {
      missing.removeAll(best.categories());
      if (missing.isEmpty()) {
        return new Coverage(best.id(), basis, byBasis, rest, Set.of(), true);
      }
    }
    return new Coverage(null, basis, byBasis, Set.of(), missing, !active.isEmpty());
  }

  /**
   * Sends a referral from the viewer's organisation, which owns the case.
   *
   * @param viewer who sends it
   * @param caseId the case
   * @param toOrganisationId the recipient, not the sender
   * @param purpose the purpose
   * @param categories the personal categories the recipient needs (may be empty: the case summary
   *     always travels)
   * @param details free text up to 4000 characters, or {@code null}
   * @return the new referral's id
   * @throws InvalidRequestException {@code referral.error.notCovered} with the missing categories
   *     when no active consent or legal basis covers them; {@code organisation.error.inactive} for
   *     a recipient deactivated since the form was shown; other {@code referral.error.*} keys for
   *     bad input
   * @throws rs.astra.nrm.consent.AccessDeniedException if the viewer's organisation does not own
   *     the case
   */
  public long send(
      Viewer viewer,
      long caseId,
      long toOrganisationId,
      Purpose purpose,
      Set<DataCategory> categories,
      String details) {
    Instant now = Instant.now();
    CaseFacts f =
        caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
    enforcer.require(viewer, f, DataCategory.CASE_SUMMARY, AccessAction.UPDATE, now);
    Organisation to = em.find(Organisation.class, toOrganisationId);
    if (to == null || purpose == null) {
      throw new InvalidRequestException("referral.error.incomplete");
    }
    // Offered no more since its deactivation: a form opened before it must not name it.
    rs.astra.nrm.organisation.ActiveOrganisationChoices.requireActive(to);
    if (to.getId() == viewer.organisationId()) {
      throw new InvalidRequestException("referral.error.self");
    }
    if (details != null && details.length() > 4000) {
      throw new InvalidRequestException("referral.error.detailsTooLong");
    }
    Set<DataCategory> asked = categories == null ? Set.of() : categories;
    Coverage coverage = coverage(f, to, purpose, asked, now);
    if (!coverage.covered()) {
      throw new InvalidRequestException(
          coverage.consentForPurposeExists()
              ? "referral.error.consentMissingCategories"
              : "referral.error.noConsent",
          String.join(", ", coverage.missing().stream().map(Enum::name).toList()));
    }
    Referral r =
        Referral.send(
            em.find(CaseFile.class, caseId),
            em.find(Organisation.class, viewer.organisationId()),
            to,
            purpose,
            asked,
            details == null || details.isBlank() ? null : details.strip(),
            coverage.consentId() == null ? null : em.find(Consent.class, coverage.consentId()),
            coverage.legalBasis(),
            em.find(PortalUser.class, viewer.userId()),
            now);
    em.persist(r);
    em.flush();
    em.persist(
        CaseEvent.now(
            caseId, CaseEvent.Type.REFERRAL_SENT, viewer.actor(), to.getName() + " · " + purpose));
    // Issue 18: the receiving organisation is told, in this transaction (no personal data).
    notifications.tell(
        rs.astra.nrm.notification.NotificationKind.REFERRAL_RECEIVED,
        caseId,
        r.getCaseFile().getCode(),
        to.getId(),
        r.getFromOrganisation().getName());
    return r.getId();
  }

  /**
   * One line of the referral inbox.
   *
   * @param id referral id
   * @param version its optimistic-lock version
   * @param caseId the case id, to open it; {@code null} when the referral no longer gives access
   * @param caseCode the case code; {@code null} when the referral no longer gives access
   * @param from sending organisation's name
   * @param purpose purpose; {@code null} for an imported historic referral
   * @param categories categories asked for
   * @param details free text
   * @param date referral day
   * @param state lifecycle state
   * @param waitingDays days since the referral date while it is SENT, else 0
   */
  public record InboxRow(
      long id,
      long version,
      Long caseId,
      String caseCode,
      String from,
      Purpose purpose,
      java.util.List<DataCategory> categories,
      String details,
      LocalDate date,
      ReferralState state,
      long waitingDays,
      boolean restricted)
      implements Serializable {}

  /**
   * One referral as the case page lists it.
   *
   * @param id referral id
   * @param version its optimistic-lock version
   * @param caseCode the case's code
   * @param from sending organisation's name
   * @param to receiving organisation's name
   * @param purpose purpose; {@code null} for an imported historic referral
   * @param categories categories asked for
   * @param details free text
   * @param date referral day
   * @param state lifecycle state
   * @param reason rejection or revocation reason, or {@code null}
   */
  public record ReferralLine(
      long id,
      long version,
      String caseCode,
      String from,
      String to,
      Purpose purpose,
      List<DataCategory> categories,
      String details,
      LocalDate date,
      ReferralState state,
      String reason)
      implements Serializable {}

  /**
   * One referral, for a caller that reads back what it sent (the REST API's {@code GET} of a
   * referral): shown where the case page would list it ({@link AccessPolicy#seesReferral}: the
   * case's owner, or the recipient, while she may read the case summary).
   *
   * @param viewer who asks
   * @param referralId the referral
   * @return the referral, or empty when there is none or she may not see it (the same answer; a
   *     refused look at the case summary is recorded)
   */
  public java.util.Optional<ReferralLine> referral(Viewer viewer, long referralId) {
    Referral r = em.find(Referral.class, referralId);
    if (r == null) {
      return java.util.Optional.empty();
    }
    var facts = caseAccess.facts(r.getCaseFile().getId());
    if (facts.isEmpty()
        || !enforcer.seesReferral(
            viewer, facts.get(), r.getToOrganisation().getId(), Instant.now())) {
      return java.util.Optional.empty();
    }
    String reason =
        r.getRejectionReason() != null ? r.getRejectionReason() : r.getRevocationReason();
    return java.util.Optional.of(
        new ReferralLine(
            r.getId(),
            r.getVersion(),
            r.getCaseFile().getCode(),
            r.getFromOrganisation().getName(),
            r.getToOrganisation().getName(),
            r.getPurpose(),
            List.copyOf(r.getCategories()),
            r.getDetails(),
            r.getReferralDate(),
            r.getState(),
            reason));
  }

  /**
   * Whether the viewer reads her organisation's referral inbox at all (the policy's rule, for a
   * caller that answers a refusal rather than an empty inbox, such as the REST API).
   *
   * @param viewer who asks
   * @return {@link AccessPolicy#readsReferralInbox}'s answer
   */
  public boolean readsInbox(Viewer viewer) {
    return policy.readsReferralInbox(viewer);
  }

  /**
   * One page of the referrals sent to the viewer's organisation: waiting ones (SENT) first, then
   * newest first. Sorting and paging happen in the database.
   *
   * @param viewer a user of the recipient organisation
   * @param state only this state; {@code null} = all
   * @param first first row, 0-based
   * @param pageSize rows, 1–500
   * @return the rows; none for a role that reads no case data ({@link
   *     AccessPolicy#readsReferralInbox})
   */
  public List<InboxRow> inbox(Viewer viewer, ReferralState state, int first, int pageSize) {
    if (!policy.readsReferralInbox(viewer)) {
      return List.of();
    }
    LocalDate today = Instant.now().atZone(AccessPolicy.ZONE).toLocalDate();
    var query =
        em.createQuery(
                "select r from Referral r join fetch r.fromOrganisation join fetch r.caseFile"
                    + " where r.toOrganisation.id = :org"
                    + (state == null ? "" : " and r.state = :state")
                    + " order by case when r.state = :sent then 0 else 1 end, r.referralDate desc, r.id desc",
                Referral.class)
            .setParameter("org", viewer.organisationId())
            .setParameter("sent", ReferralState.SENT);
    if (state != null) {
      query.setParameter("state", state);
    }
    List<Referral> page =
        query
            .setFirstResult(Math.max(0, first))
            .setMaxResults(Math.max(1, Math.min(500, pageSize)))
            .getResultList();
    // The categories of the whole page in one query, not one query per row.
    Map<Long, Set<DataCategory>> categories = new HashMap<>();
    if (!page.isEmpty()) {
      for (Object[] row :
          em.createQuery(
                  "select r.id, c from Referral r join r.categories c where r.id in :ids",
                  Object[].class)
              .setParameter("ids", page.stream().map(Referral::getId).toList())
              .getResultList()) {
        categories
            .computeIfAbsent((Long) row[0], k -> EnumSet.noneOf(DataCategory.class))
            .add((DataCategory) row[1]);
      }
    }
    return page.stream()
        .map(
            r -> {
              boolean live = AccessPolicy.LIVE.contains(r.getState());
              // A restricted case (GDPR Art. 18) shows its code and "restricted", nothing more.
              boolean restricted = r.getCaseFile().isRestricted();
              return new InboxRow(
                  r.getId(),
                  r.getVersion(),
                  live ? r.getCaseFile().getId() : null,
                  live ? r.getCaseFile().getCode() : null,
                  r.getFromOrganisation().getName(),
                  r.getPurpose(),
                  List.copyOf(
                      categories.getOrDefault(r.getId(), EnumSet.noneOf(DataCategory.class))),
                  restricted ? null : r.getDetails(),
                  r.getReferralDate(),
                  r.getState(),
                  r.getState() == ReferralState.SENT
                      ? Math.max(
                          0, java.time.temporal.ChronoUnit.DAYS.between(r.getReferralDate(), today))
                      : 0,
                  restricted);
            })
        .toList();
  }

  /**
   * Counts the referrals sent to the viewer's organisation.
   *
   * @param viewer a user of the recipient organisation
   * @param state only this state; {@code null} = all
   * @return the count; 0 for a role that reads no case data ({@link
   *     AccessPolicy#readsReferralInbox})
   */
  public long countInbox(Viewer viewer, ReferralState state) {
    if (!policy.readsReferralInbox(viewer)) {
      return 0;
    }
    var query =
        em.createQuery(
                "select count(r) from Referral r where r.toOrganisation.id = :org"
                    + (state == null ? "" : " and r.state = :state"),
                Long.class)
            .setParameter("org", viewer.organisationId());
    if (state != null) {
      query.setParameter("state", state);
    }
    return query.getSingleResult();
  }

  /**
   * The recipient accepts a SENT referral.
   *
   * @param viewer a user of the recipient organisation
   * @param referralId the referral
   * @param expectedVersion the version the user saw
   * @throws ConcurrentUpdateException if someone changed it meanwhile
   * @throws InvalidRequestException if it is not SENT ({@code referral.error.wrongState}) or its
   *     case is restricted ({@code referral.error.restricted}, GDPR Art. 18)
   */
  public void accept(Viewer viewer, long referralId, long expectedVersion) {
    change(
        viewer,
        referralId,
        expectedVersion,
        Side.RECIPIENT,
        r -> r.accept(user(viewer), Instant.now()),
        rs.astra.nrm.casefile.CaseEvent.Type.REFERRAL_ACCEPTED);
  }

  /**
   * The recipient rejects a SENT referral, with a reason.
   *
   * @param viewer a user of the recipient organisation
   * @param referralId the referral
   * @param expectedVersion the version the user saw
   * @param reason why, required
   * @throws ConcurrentUpdateException if someone changed it meanwhile
   * @throws InvalidRequestException if the reason is missing or the referral is not SENT
   */
  public void reject(Viewer viewer, long referralId, long expectedVersion, String reason) {
    requireReason(reason);
    change(
        viewer,
        referralId,
        expectedVersion,
        Side.RECIPIENT,
        r -> r.reject(user(viewer), reason, Instant.now()),
        rs.astra.nrm.casefile.CaseEvent.Type.REFERRAL_REJECTED);
  }

  /**
   * The recipient completes an ACCEPTED referral.
   *
   * @param viewer a user of the recipient organisation
   * @param referralId the referral
   * @param expectedVersion the version the user saw
   * @throws ConcurrentUpdateException if someone changed it meanwhile
   * @throws InvalidRequestException if it is not ACCEPTED, or its case is restricted ({@code
   *     referral.error.restricted}, GDPR Art. 18)
   */
  public void complete(Viewer viewer, long referralId, long expectedVersion) {
    change(
        viewer,
        referralId,
        expectedVersion,
        Side.RECIPIENT,
        r -> r.complete(user(viewer), Instant.now()),
        rs.astra.nrm.casefile.CaseEvent.Type.REFERRAL_COMPLETED);
  }

  /**
   * The sender revokes a SENT or ACCEPTED referral, with a reason.
   *
   * @param viewer a user of the sending organisation
   * @param referralId the referral
   * @param expectedVersion the version the user saw
   * @param reason why, required
   * @throws ConcurrentUpdateException if someone changed it meanwhile
   * @throws InvalidRequestException if the reason is missing or the referral is already answered
   *     finally
   */
  public void revoke(Viewer viewer, long referralId, long expectedVersion, String reason) {
    requireReason(reason);
    change(
        viewer,
        referralId,
        expectedVersion,
        Side.SENDER,
        r -> r.revoke(user(viewer), reason, Instant.now()),
        rs.astra.nrm.casefile.CaseEvent.Type.REFERRAL_REVOKED);
  }

  private enum Side {
    SENDER,
    RECIPIENT
  }

  private void change(
      Viewer viewer,
      long referralId,
      long expectedVersion,
      Side side,
      Consumer<Referral> step,
      rs.astra.nrm.casefile.CaseEvent.Type event) {
    Referral r = em.find(Referral.class, referralId);
    long party =
        side == Side.SENDER
            ? idOf(r == null ? null : r.getFromOrganisation())
            : idOf(r == null ? null : r.getToOrganisation());
    if (r == null || party != viewer.organisationId() || viewer.role().readsNoCaseData()) {
      // Someone else's referral does not exist for this user.
      throw new InvalidRequestException("referral.error.notFound");
    }
    if (r.getVersion() != expectedVersion) {
      throw new ConcurrentUpdateException("referral");
    }
    if (r.getCaseFile().isRestricted()
        && (event == rs.astra.nrm.casefile.CaseEvent.Type.REFERRAL_ACCEPTED
            || event == rs.astra.nrm.casefile.CaseEvent.Type.REFERRAL_COMPLETED)) {
      // Restriction (GDPR Art. 18) suspends the referral: it may be rejected or revoked, not
      // taken up or worked on.
      throw new InvalidRequestException("referral.error.restricted");
    }
    try {
      step.accept(r);
    } catch (IllegalStateException e) {
      throw new InvalidRequestException("referral.error.wrongState", r.getState().name());
    }
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new ConcurrentUpdateException("referral");
    }
    em.persist(
        CaseEvent.now(
            r.getCaseFile().getId(),
            event,
            viewer.actor(),
            r.getFromOrganisation().getName() + " → " + r.getToOrganisation().getName()));
    // Issue 18: the sending organisation's case staff learn the answer (no personal data, no
    // reason: a reason is free text and stays in the portal).
    rs.astra.nrm.notification.NotificationKind kind =
        switch (event) {
          case REFERRAL_ACCEPTED -> rs.astra.nrm.notification.NotificationKind.REFERRAL_ACCEPTED;
          case REFERRAL_REJECTED -> rs.astra.nrm.notification.NotificationKind.REFERRAL_REJECTED;
          case REFERRAL_COMPLETED -> rs.astra.nrm.notification.NotificationKind.REFERRAL_COMPLETED;
          default -> null;
        };
    if (kind != null) {
      notifications.tell(
          kind,
          r.getCaseFile().getId(),
          r.getCaseFile().getCode(),
          r.getFromOrganisation().getId(),
          r.getToOrganisation().getName());
    }
  }

  private static long idOf(Organisation o) {
    return o == null ? -1 : o.getId();
  }

  private PortalUser user(Viewer viewer) {
    return em.find(PortalUser.class, viewer.userId());
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("referral.error.reasonRequired");
    }
    if (reason.strip().length() > 2000) {
      throw new InvalidRequestException("referral.error.reasonTooLong");
    }
  }
}
