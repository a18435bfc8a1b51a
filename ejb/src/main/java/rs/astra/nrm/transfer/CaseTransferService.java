package rs.astra.nrm.transfer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.CaseTimeline;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessDeniedException;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.Consent;
import rs.astra.nrm.consent.ConsentWithdrawn;
import rs.astra.nrm.consent.DenyReason;
import rs.astra.nrm.notification.NotificationKind;
import rs.astra.nrm.notification.Notifications;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * Transfer of a case to another organisation (issue 19). The owning organisation's case staff
 * ({@link rs.astra.nrm.organisation.PortalRole#ownsCases()}) propose it with a reason and a basis —
 * the person's active consent for the receiving organisation, or a legal basis ({@link
 * AccessPolicy#basisForTransfer}) — and may withdraw it while it is open; the receiving
 * organisation's users who answer referrals accept it (it becomes the owner) or decline it with a
 * reason. One open proposal per case. Every step checks the version the user saw (optimistic
 * locking), is on the case's timeline naming both organisations, and is told to the other side
 * (case code and organisation only; the reasons stay in the portal) — a withdrawal to those who
 * were told of the proposal.
 *
 * <p>Nothing else changes on acceptance: the access policy decides by the owning organisation, so
 * the former owner reads the case afterwards only as far as a referral and the person's consent (or
 * a legal basis) let it, like any other organisation.
 */
@Stateless
@StoredBeforeReturn
public class CaseTransferService {

  /** The timeline's note on a proposal closed because its consent was withdrawn. */
  static final String CONSENT_WITHDRAWN = "consent withdrawn";

  /** The timeline's note on a proposal that lapsed because its consent expired. */
  static final String CONSENT_EXPIRED = "consent expired";

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private AccessPolicy policy;
  @Inject private CaseTimeline timeline;
  @Inject private Notifications notifications;

  /**
   * A proposal as the pages show it.
   *
   * @param id the proposal
   * @param version its optimistic-lock version
   * @param caseId the case
   * @param caseCode the case code
   * @param from the proposing organisation's name
   * @param to the receiving organisation's name
   * @param reason the owner's reason
   * @param consentId the consent it rests on, or {@code null}
   * @param legalBasis the legal basis's code, or {@code null}
   * @param state where it stands
   * @param proposedAt when it was proposed (UTC)
   * @param declineReason why it was declined, or {@code null}
   */
  public record TransferRow(
      long id,
      long version,
      long caseId,
      String caseCode,
      String from,
      String to,
      String reason,
      Long consentId,
      String legalBasis,
      TransferState state,
      Instant proposedAt,
      String declineReason)
      implements Serializable {

    /**
     * @return whether it still waits for an answer
     */
    public boolean open() {
      return state.isOpen();
    }
  }

  /**
   * The owner proposes to transfer a case.
   *
   * @param viewer a case-owning user of the owning organisation
   * @param caseId the case
   * @param toOrganisationId the receiving organisation
   * @param byConsent {@code true} to rest it on the person's consent for that organisation, {@code
   *     false} on a legal basis
   * @param reason why, 1–2000 characters
   * @return the proposal's id
   * @throws AccessDeniedException if the viewer's organisation does not own the case, or her role
   *     does not own cases
   * @throws InvalidRequestException {@code transfer.error.*} for bad input, a basis that does not
   *     cover the transfer, or an open proposal already
   */
  public long propose(
      Viewer viewer, long caseId, long toOrganisationId, boolean byConsent, String reason) {
    Instant now = Instant.now();
    CaseFacts f =
        caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
    enforcer.require(viewer, f, DataCategory.CASE_SUMMARY, AccessAction.UPDATE, now);
    if (!viewer.role().ownsCases()) {
      throw new AccessDeniedException(
          DataCategory.CASE_SUMMARY, AccessAction.UPDATE, DenyReason.ACTION_NOT_PERMITTED);
    }
    Organisation to = em.find(Organisation.class, toOrganisationId);
    if (to == null || !to.isActive()) {
      throw new InvalidRequestException("transfer.error.incomplete");
    }
    if (to.getId() == viewer.organisationId()) {
      throw new InvalidRequestException("transfer.error.self");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("transfer.error.reasonRequired");
    }
    if (reason.strip().length() > CaseTransfer.MAX_REASON) {
      throw new InvalidRequestException("transfer.error.reasonTooLong");
    }
    if (openProposal(caseId) != null) {
      throw new InvalidRequestException("transfer.error.alreadyOpen");
    }
    CaseFile c = em.find(CaseFile.class, caseId);
    LocalDate today = now.atZone(AccessPolicy.ZONE).toLocalDate();
    boolean child = rs.astra.nrm.shared.Majority.isChild(c.getPerson().getBirthdate(), today);
    AccessPolicy.TransferBasis basis =
        policy
            .basisForTransfer(f, to.getId(), to.getType(), child, byConsent, now)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        byConsent ? "transfer.error.noConsent" : "transfer.error.noLegalBasis"));
    CaseTransfer t =
        CaseTransfer.propose(
            c,
            em.find(Organisation.class, viewer.organisationId()),
            to,
            reason,
            basis.consentId() == null ? null : em.find(Consent.class, basis.consentId()),
            basis.legalBasis(),
            em.find(PortalUser.class, viewer.userId()),
            now);
    em.persist(t);
    try {
      em.flush();
    } catch (PersistenceException e) {
      // Two owners proposing at once: the database keeps one open proposal per case.
      throw new ConcurrentUpdateException("case transfer");
    }
    timeline.record(caseId, viewer, CaseEvent.Type.TRANSFER_PROPOSED, between(t));
    notifications.tell(
        NotificationKind.TRANSFER_PROPOSED,
        caseId,
        c.getCode(),
        to.getId(),
        t.getFromOrganisation().getName());
    return t.getId();
  }

  /**
   * The transfers of a case, oldest first, for its owner's page; none for anyone else.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return the rows
   */
  public List<TransferRow> ofCase(Viewer viewer, long caseId) {
    var f = caseAccess.facts(caseId);
    if (f.isEmpty()
        || !enforcer
            .decide(viewer, f.get(), DataCategory.CASE_SUMMARY, AccessAction.UPDATE, Instant.now())
            .permitted()) {
      return List.of();
    }
    return em
        .createNamedQuery(CaseTransfer.FIND_BY_CASE, CaseTransfer.class)
        .setParameter("caseId", caseId)
        .getResultList()
        .stream()
        .map(CaseTransferService::row)
        .toList();
  }

  /**
   * The open proposals to the viewer's organisation, oldest first (her home page): case code, the
   * proposing organisation, the basis and the reason — nothing of the person.
   *
   * @param viewer a user of the receiving organisation
   * @return the rows; none for a role that reads no case data
   */
  public List<TransferRow> incoming(Viewer viewer) {
    if (viewer.role().readsNoCaseData()) {
      return List.of();
    }
    return em
        .createQuery(
            "select t from CaseTransfer t join fetch t.caseFile join fetch t.fromOrganisation"
                + " join fetch t.toOrganisation where t.toOrganisation.id = :org"
                + " and t.state = :open order by t.proposedAt, t.id",
            CaseTransfer.class)
        .setParameter("org", viewer.organisationId())
        .setParameter("open", TransferState.PROPOSED)
        .getResultList()
        .stream()
        .map(CaseTransferService::row)
        .toList();
  }

  /**
   * The receiving organisation accepts: it owns the case from now on, the accepting user is its
   * caseworker.
   *
   * @param viewer a user of the receiving organisation who answers referrals
   * @param transferId the proposal
   * @param expectedVersion the version the user saw
   * @throws ConcurrentUpdateException if the proposal or the case changed meanwhile
   * @throws InvalidRequestException if it is not open ({@code transfer.error.wrongState}), not
   *     addressed to the viewer's organisation ({@code transfer.error.notFound}), or its basis no
   *     longer holds ({@code transfer.error.basisLapsed}: the consent was withdrawn or expired)
   */
  public void accept(Viewer viewer, long transferId, long expectedVersion) {
    change(
        viewer,
        transferId,
        expectedVersion,
        true,
        t -> t.accept(user(viewer), Instant.now()),
        CaseEvent.Type.TRANSFER_ACCEPTED);
  }

  /**
   * The receiving organisation declines, with a reason; the owner keeps the case.
   *
   * @param viewer a user of the receiving organisation who answers referrals
   * @param transferId the proposal
   * @param expectedVersion the version the user saw
   * @param reason why, 1–2000 characters
   * @throws ConcurrentUpdateException if someone changed it meanwhile
   * @throws InvalidRequestException if the reason is missing or it is not open
   */
  public void decline(Viewer viewer, long transferId, long expectedVersion, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("transfer.error.reasonRequired");
    }
    if (reason.strip().length() > CaseTransfer.MAX_REASON) {
      throw new InvalidRequestException("transfer.error.reasonTooLong");
    }
    change(
        viewer,
        transferId,
        expectedVersion,
        true,
        t -> t.decline(user(viewer), reason, Instant.now()),
        CaseEvent.Type.TRANSFER_DECLINED);
  }

  /**
   * The owner withdraws her organisation's open proposal.
   *
   * @param viewer a case-owning user of the proposing organisation
   * @param transferId the proposal
   * @param expectedVersion the version the user saw
   * @throws ConcurrentUpdateException if someone changed it meanwhile
   * @throws InvalidRequestException if it is not open
   */
  public void withdraw(Viewer viewer, long transferId, long expectedVersion) {
    change(
        viewer,
        transferId,
        expectedVersion,
        false,
        t -> t.withdraw(user(viewer), Instant.now()),
        CaseEvent.Type.TRANSFER_WITHDRAWN);
  }

  /**
   * Closes the open proposal that rests on a consent the person has just withdrawn (GDPR Art. 7(3):
   * the withdrawal has effect at once): it is withdrawn in the same transaction, by the user who
   * recorded the consent's withdrawal, the case's timeline says so, and the receiving
   * organisation's answerers are told ({@link NotificationKind#TRANSFER_WITHDRAWN}, case code and
   * organisation only). A proposal on a legal basis is untouched.
   *
   * @param withdrawn the withdrawal, observed inside the withdrawing transaction
   */
  public void closeProposalsOn(@jakarta.enterprise.event.Observes ConsentWithdrawn withdrawn) {
    List<CaseTransfer> resting =
        em.createQuery(
                "select t from CaseTransfer t where t.consent.id = :consent and t.state = :open",
                CaseTransfer.class)
            .setParameter("consent", withdrawn.consentId())
            .setParameter("open", TransferState.PROPOSED)
            .getResultList();
    for (CaseTransfer t : resting) {
      t.withdraw(user(withdrawn.by()), withdrawn.at());
      CaseFile c = t.getCaseFile();
      timeline.record(
          c.getId(),
          withdrawn.by(),
          CaseEvent.Type.TRANSFER_WITHDRAWN,
          between(t) + " (" + CONSENT_WITHDRAWN + ")");
      notifications.tell(
          NotificationKind.TRANSFER_WITHDRAWN,
          c.getId(),
          c.getCode(),
          t.getToOrganisation().getId(),
          t.getFromOrganisation().getName());
    }
  }

  /**
   * Lets the open proposals lapse whose consent has expired (not withdrawn: a withdrawal closed
   * them already), as a withdrawal does: an expired consent behaves as a withdrawn one (GDPR Art.
   * 7(3); the consent was given for a period), so the proposal can no longer be accepted and must
   * not stay open until the owner notices. Each is withdrawn by nobody ({@link
   * CaseTransfer#lapse}), the case's timeline says "consent expired" (named {@link
   * CaseTimeline#BY_THE_PORTAL}, on behalf of the proposing organisation), and both organisations
   * are told — the receiving organisation's answerers {@link NotificationKind#TRANSFER_WITHDRAWN}
   * as for a withdrawal, the proposing organisation's case staff, who did not act, {@link
   * NotificationKind#TRANSFER_LAPSED} (case code and organisation only). A proposal on a legal
   * basis is untouched.
   *
   * @param expired the hourly consent-expiry run, observed inside its transaction
   */
  public void lapseProposalsOn(
      @jakarta.enterprise.event.Observes rs.astra.nrm.consent.ConsentsExpired expired) {
    List<CaseTransfer> lapsed =
        em.createQuery(
                "select t from CaseTransfer t where t.state = :open and t.consent is not null"
                    + " and t.consent.withdrawnAt is null and t.consent.validUntil < :today",
                CaseTransfer.class)
            .setParameter("open", TransferState.PROPOSED)
            .setParameter("today", expired.today())
            .getResultList();
    for (CaseTransfer t : lapsed) {
      t.lapse(expired.at());
      CaseFile c = t.getCaseFile();
      Organisation from = t.getFromOrganisation();
      timeline.recordByThePortal(
          c.getId(),
          from.getId(),
          from.getName(),
          CaseEvent.Type.TRANSFER_WITHDRAWN,
          between(t) + " (" + CONSENT_EXPIRED + ")");
      notifications.tell(
          NotificationKind.TRANSFER_WITHDRAWN,
          c.getId(),
          c.getCode(),
          t.getToOrganisation().getId(),
          from.getName());
      notifications.tell(
          NotificationKind.TRANSFER_LAPSED,
          c.getId(),
          c.getCode(),
          from.getId(),
          t.getToOrganisation().getName());
    }
  }

  private void change(
      Viewer viewer,
      long transferId,
      long expectedVersion,
      boolean receiving,
      java.util.function.Consumer<CaseTransfer> step,
      CaseEvent.Type event) {
    CaseTransfer t = em.find(CaseTransfer.class, transferId);
    Organisation party =
        t == null ? null : receiving ? t.getToOrganisation() : t.getFromOrganisation();
    boolean mayAct = receiving ? !viewer.role().readsNoCaseData() : viewer.role().ownsCases();
    if (t == null || party.getId() != viewer.organisationId() || !mayAct) {
      // Someone else's proposal does not exist for this user.
      throw new InvalidRequestException("transfer.error.notFound");
    }
    if (t.getVersion() != expectedVersion) {
      throw new ConcurrentUpdateException("case transfer");
    }
    if (event == CaseEvent.Type.TRANSFER_ACCEPTED && t.getState().isOpen()) {
      requireBasisStillHolds(t);
    }
    try {
      step.accept(t);
    } catch (IllegalStateException e) {
      throw new InvalidRequestException("transfer.error.wrongState", t.getState().name());
    }
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new ConcurrentUpdateException("case transfer");
    }
    CaseFile c = t.getCaseFile();
    timeline.record(c.getId(), viewer, event, between(t));
    NotificationKind kind =
        switch (event) {
          case TRANSFER_ACCEPTED -> NotificationKind.TRANSFER_ACCEPTED;
          case TRANSFER_DECLINED -> NotificationKind.TRANSFER_DECLINED;
          case TRANSFER_WITHDRAWN -> NotificationKind.TRANSFER_WITHDRAWN;
          default -> null;
        };
    if (kind != null) {
      // The other side is told: of an answer, the proposing organisation's case staff; of a
      // withdrawal, the receiving organisation's answerers, who were told of the proposal.
      Organisation other = receiving ? t.getFromOrganisation() : t.getToOrganisation();
      notifications.tell(kind, c.getId(), c.getCode(), other.getId(), party.getName());
    }
  }

  /**
   * The basis must still hold when the transfer is accepted: a consent withdrawn or expired since
   * the proposal, or a child come of age, stops it (GDPR Art. 7(3): withdrawal has effect at once).
   */
  private void requireBasisStillHolds(CaseTransfer t) {
    Instant now = Instant.now();
    CaseFile c = t.getCaseFile();
    CaseFacts f =
        caseAccess
            .facts(c.getId())
            .orElseThrow(() -> new InvalidRequestException("transfer.error.notFound"));
    boolean child =
        rs.astra.nrm.shared.Majority.isChild(
            c.getPerson().getBirthdate(), now.atZone(AccessPolicy.ZONE).toLocalDate());
    Organisation to = t.getToOrganisation();
    if (policy
        .basisForTransfer(f, to.getId(), to.getType(), child, t.getConsent() != null, now)
        .isEmpty()) {
      throw new InvalidRequestException("transfer.error.basisLapsed");
    }
  }

  private CaseTransfer openProposal(long caseId) {
    return em.createQuery(
            "select t from CaseTransfer t where t.caseFile.id = :caseId and t.state = :open",
            CaseTransfer.class)
        .setParameter("caseId", caseId)
        .setParameter("open", TransferState.PROPOSED)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private PortalUser user(Viewer viewer) {
    return em.find(PortalUser.class, viewer.userId());
  }

  /** The timeline's detail: both organisations, never the reason (free text). */
  private static String between(CaseTransfer t) {
    return t.getFromOrganisation().getName() + " → " + t.getToOrganisation().getName();
  }

  private static TransferRow row(CaseTransfer t) {
    return new TransferRow(
        t.getId(),
        t.getVersion(),
        t.getCaseFile().getId(),
        t.getCaseFile().getCode(),
        t.getFromOrganisation().getName(),
        t.getToOrganisation().getName(),
        t.getReason(),
        t.getConsent() == null ? null : t.getConsent().getId(),
        t.getLegalBasis(),
        t.getState(),
        t.getProposedAt(),
        t.getDeclineReason());
  }
}
