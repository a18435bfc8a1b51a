package rs.astra.nrm.consent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.Referral;
import rs.astra.nrm.referral.ReferralState;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * Records and withdraws consents. Only the organisation that owns a case records its consents (it
 * is the controller that meets the data subject); withdrawal takes effect on the very next request
 * and revokes the live referrals that rested on the consent. Consents are never deleted.
 */
@Stateless
@StoredBeforeReturn
public class ConsentService {

  private static final Logger LOG = Logger.getLogger(ConsentService.class.getName());

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private jakarta.enterprise.event.Event<ConsentWithdrawn> withdrawals;

  /**
   * What the user filled in to record a consent.
   *
   * @param caseId the case
   * @param recipientOrganisationId who may receive the data
   * @param purpose for what
   * @param categories which personal categories, at least one
   * @param givenOn the day it was given; not in the future (Europe/Belgrade)
   * @param validUntil last valid day, inclusive, or {@code null}
   * @param method how it was given
   * @param note free text up to 2000 characters, or {@code null}
   */
  public record NewConsentForm(
      long caseId,
      long recipientOrganisationId,
      Purpose purpose,
      Set<DataCategory> categories,
      LocalDate givenOn,
      LocalDate validUntil,
      ConsentMethod method,
      String note) {}

  /**
   * Records a consent on a case the viewer's organisation owns.
   *
   * @param viewer who records it
   * @param input what was given
   * @return the new consent's id
   * @throws AccessDeniedException if the viewer's organisation does not own the case
   * @throws InvalidRequestException for missing or inconsistent input, or a consent the case
   *     already has (not withdrawn, the same recipient, purpose, categories, dates and way given:
   *     the same form sent twice) (message keys {@code consent.error.*}), or a recipient
   *     deactivated since the form was shown ({@code organisation.error.inactive})
   */
  public long give(Viewer viewer, NewConsentForm input) {
    Instant now = Instant.now();
    CaseFacts f =
        caseAccess
            .facts(input.caseId())
            .orElseThrow(() -> new InvalidRequestException("case.notFound"));
    requireOwner(viewer, f, now);
    if (input.purpose() == null || input.method() == null || input.givenOn() == null) {
      throw new InvalidRequestException("consent.error.incomplete");
    }
    if (input.categories() == null
        || input.categories().stream().noneMatch(DataCategory::isPersonal)) {
      throw new InvalidRequestException("consent.error.noCategory");
    }
    LocalDate today = now.atZone(AccessPolicy.ZONE).toLocalDate();
    if (input.givenOn().isAfter(today)) {
      throw new InvalidRequestException("consent.error.givenInFuture");
    }
    if (input.validUntil() != null && input.validUntil().isBefore(input.givenOn())) {
      throw new InvalidRequestException("consent.error.endsBeforeStart");
    }
    if (input.note() != null && input.note().length() > 2000) {
      throw new InvalidRequestException("consent.error.noteTooLong");
    }
    if (input.recipientOrganisationId() == f.ownerOrganisationId()) {
      throw new InvalidRequestException("consent.error.ownOrganisation");
    }
    Organisation recipient = em.find(Organisation.class, input.recipientOrganisationId());
    if (recipient == null) {
      throw new InvalidRequestException("consent.error.noRecipient");
    }
    // Offered no more since its deactivation: a form opened before it must not name it.
    rs.astra.nrm.organisation.ActiveOrganisationChoices.requireActive(recipient);
    // The case row is locked so that the same consent sent twice at once (a double click, a resent
    // post) is recorded once: the second waits, then finds the first.
    CaseFile caseFile =
        em.find(CaseFile.class, input.caseId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (alreadyRecorded(caseFile, recipient, input)) {
      throw new InvalidRequestException("consent.error.alreadyRecorded");
    }
    Consent k =
        new Consent(
            caseFile,
            recipient,
            input.purpose(),
            input.categories(),
            input.givenOn(),
            input.validUntil(),
            input.method(),
            blankToNull(input.note()),
            em.find(PortalUser.class, viewer.userId()),
            now);
    em.persist(k);
    em.flush();
    em.persist(
        CaseEvent.now(
            input.caseId(),
            CaseEvent.Type.CONSENT_GIVEN,
            viewer.actor(),
            recipient.getName()
                + " · "
                + input.purpose()
                + " · "
                + String.join(", ", k.getCategories().stream().map(Enum::name).toList())
                + " ("
                + k.getId()
                + ")"));
    return k.getId();
  }

  /**
   * Whether the case already has a consent that is not withdrawn with exactly what the form says:
   * the same recipient, purpose, categories, day given, end and way given.
   */
  private boolean alreadyRecorded(CaseFile caseFile, Organisation recipient, NewConsentForm input) {
    return em
        .createQuery(
            "select k from Consent k where k.caseFile = :c and k.recipient = :r"
                + " and k.purpose = :p and k.withdrawnAt is null",
            Consent.class)
        .setParameter("c", caseFile)
        .setParameter("r", recipient)
        .setParameter("p", input.purpose())
        .getResultList()
        .stream()
        .anyMatch(
            k ->
                k.getCategories().equals(storedCategories(input.categories()))
                    && k.getGivenOn().equals(input.givenOn())
                    && java.util.Objects.equals(k.getValidUntil(), input.validUntil())
                    && k.getForm() == input.method());
  }

  /** The categories a consent stores of those given: the case summary goes with every one. */
  private static Set<DataCategory> storedCategories(Set<DataCategory> given) {
    Set<DataCategory> stored = java.util.EnumSet.copyOf(given);
    stored.remove(DataCategory.CASE_SUMMARY);
    return stored;
  }

  /**
   * Withdraws a consent (GDPR Art. 7(3)) and revokes every SENT or ACCEPTED referral that rested on
   * it, recording why.
   *
   * @param viewer who records the withdrawal; of the owning organisation
   * @param consentId the consent
   * @param expectedVersion the version the user saw
   * @return the number of referrals revoked
   * @throws ConcurrentUpdateException if the consent changed since the user saw it
   * @throws InvalidRequestException if it is already withdrawn or does not exist
   * @throws AccessDeniedException if the viewer's organisation does not own the case
   */
  public int withdraw(Viewer viewer, long consentId, long expectedVersion) {
    Instant now = Instant.now();
    Consent k = em.find(Consent.class, consentId);
    if (k == null) {
      throw new InvalidRequestException("consent.error.notFound");
    }
    requireOwner(viewer, caseAccess.facts(k.getCaseFile().getId()).orElseThrow(), now);
    if (k.getVersion() != expectedVersion) {
      throw new ConcurrentUpdateException("consent");
    }
    if (k.getWithdrawnAt() != null) {
      throw new InvalidRequestException("consent.error.alreadyWithdrawn");
    }
    PortalUser by = em.find(PortalUser.class, viewer.userId());
    k.withdraw(by, now);
    int revoked = revokeDependants(k, by, Referral.REVOKED_CONSENT_WITHDRAWN, now);
    long caseId = k.getCaseFile().getId();
    em.persist(
        CaseEvent.now(
            caseId,
            CaseEvent.Type.CONSENT_WITHDRAWN,
            viewer.actor(),
            k.getRecipient().getName() + " (" + consentId + ")"));
    if (revoked > 0) {
      em.persist(
          CaseEvent.now(
              caseId,
              CaseEvent.Type.REFERRAL_REVOKED,
              viewer.actor(),
              revoked + " × " + k.getRecipient().getName() + ": consent withdrawn"));
    }
    // What else rested on the consent (a proposed transfer of the case) closes in this transaction.
    withdrawals.fire(new ConsentWithdrawn(consentId, caseId, viewer, now));
    em.flush();
    LOG.log(
        Level.INFO,
        "consent {0} withdrawn by user {1}; {2} referrals revoked",
        new Object[] {consentId, viewer.userId(), revoked});
    return revoked;
  }

  /**
   * Revokes the live referrals whose consent is no longer active because it expired (an expired
   * consent behaves as withdrawn). Run by {@link ConsentExpiry} every hour; access itself never
   * waits for this, because the policy checks validity dates on every request.
   *
   * @param now the instant to judge expiry at (UTC; Europe/Belgrade day)
   * @return the number of referrals revoked
   */
  public int revokeReferralsOfExpiredConsents(Instant now) {
    LocalDate today = now.atZone(AccessPolicy.ZONE).toLocalDate();
    List<Referral> lapsed =
        em.createQuery(
                "select r from Referral r where r.consent is not null and r.state in :live and r.consent.validUntil < :today",
                Referral.class)
            .setParameter("live", ReferralState.OPEN)
            .setParameter("today", today)
            .getResultList();
    lapsed.forEach(r -> r.revoke(null, Referral.REVOKED_CONSENT_EXPIRED, now));
    return lapsed.size();
  }

  private int revokeDependants(Consent k, PortalUser by, String reason, Instant now) {
    List<Referral> dependants =
        em.createQuery(
                "select r from Referral r where r.consent = :consent and r.state in :live",
                Referral.class)
            .setParameter("consent", k)
            .setParameter("live", ReferralState.OPEN)
            .getResultList();
    dependants.forEach(r -> r.revoke(by, reason, now));
    return dependants.size();
  }

  private void requireOwner(Viewer viewer, CaseFacts f, Instant now) {
    // Consents are data about the data subject: recording one is an update of her case summary,
    // which only the owner may do.
    enforcer.require(viewer, f, DataCategory.CASE_SUMMARY, AccessAction.UPDATE, now);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
