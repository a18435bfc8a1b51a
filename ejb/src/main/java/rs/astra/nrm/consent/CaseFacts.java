package rs.astra.nrm.consent;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.referral.ReferralState;

/**
 * Everything the access policy needs to know about one case to decide, as plain values: who owns
 * it, its referrals, its consents and its emergency accesses. Loaded by {@link CaseFactsLoader}
 * from the database, or built by hand in tests.
 *
 * @param caseId the case
 * @param personId the data subject
 * @param ownerOrganisationId the owning organisation
 * @param referrals every referral of the case, in any state
 * @param consents every consent of the case, active or not
 * @param breakGlass every emergency access to the case, current or past
 * @param closed whether the case is closed (NRM stage {@code CLOSED})
 * @param restricted whether processing of the case is restricted (GDPR Art. 18, issue 21)
 * @param anonymised whether the case was anonymised (issue 21): it is read-only
 * @param merged whether the case was merged into another (issue 19): an empty shell whose records
 *     are in the surviving case; the policy denies everything on it ({@link
 *     DenyReason#CASE_MERGED})
 */
public record CaseFacts(
    long caseId,
    long personId,
    long ownerOrganisationId,
    List<ReferralFact> referrals,
    List<ConsentFact> consents,
    List<BreakGlassFact> breakGlass,
    boolean closed,
    boolean restricted,
    boolean anonymised,
    boolean merged)
    implements Serializable {

  /** Copies the lists; none may be {@code null}. */
  public CaseFacts {
    referrals = List.copyOf(referrals);
    consents = List.copyOf(consents);
    breakGlass = List.copyOf(breakGlass);
  }

  /**
   * The facts of a case that was not merged into another.
   *
   * @param caseId the case
   * @param personId the data subject
   * @param ownerOrganisationId the owning organisation
   * @param referrals every referral
   * @param consents every consent
   * @param breakGlass every emergency access
   * @param closed whether the case is closed
   * @param restricted whether processing is restricted
   * @param anonymised whether the case was anonymised
   */
  public CaseFacts(
      long caseId,
      long personId,
      long ownerOrganisationId,
      List<ReferralFact> referrals,
      List<ConsentFact> consents,
      List<BreakGlassFact> breakGlass,
      boolean closed,
      boolean restricted,
      boolean anonymised) {
    this(
        caseId,
        personId,
        ownerOrganisationId,
        referrals,
        consents,
        breakGlass,
        closed,
        restricted,
        anonymised,
        false);
  }

  /**
   * The facts of a case that is neither restricted nor anonymised.
   *
   * @param caseId the case
   * @param personId the data subject
   * @param ownerOrganisationId the owning organisation
   * @param referrals every referral
   * @param consents every consent
   * @param breakGlass every emergency access
   * @param closed whether the case is closed
   */
  public CaseFacts(
      long caseId,
      long personId,
      long ownerOrganisationId,
      List<ReferralFact> referrals,
      List<ConsentFact> consents,
      List<BreakGlassFact> breakGlass,
      boolean closed) {
    this(
        caseId,
        personId,
        ownerOrganisationId,
        referrals,
        consents,
        breakGlass,
        closed,
        false,
        false);
  }

  /**
   * The facts of an open case.
   *
   * @param caseId the case
   * @param personId the data subject
   * @param ownerOrganisationId the owning organisation
   * @param referrals every referral
   * @param consents every consent
   * @param breakGlass every emergency access
   */
  public CaseFacts(
      long caseId,
      long personId,
      long ownerOrganisationId,
      List<ReferralFact> referrals,
      List<ConsentFact> consents,
      List<BreakGlassFact> breakGlass) {
    this(
        caseId,
        personId,
        ownerOrganisationId,
        referrals,
        consents,
        breakGlass,
        false,
        false,
        false);
  }

  /**
   * A referral as the policy sees it.
   *
   * @param id referral id
   * @param toOrganisationId the recipient
   * @param state its lifecycle state
   * @param purpose its purpose; {@code null} for an imported historic referral
   * @param categories the categories it asks for (empty for an imported one)
   */
  public record ReferralFact(
      long id,
      long toOrganisationId,
      ReferralState state,
      Purpose purpose,
      Set<DataCategory> categories)
      implements Serializable {
    /**
     * @throws NullPointerException if state or categories is {@code null}
     */
    public ReferralFact {
      Objects.requireNonNull(state, "state");
      categories = Set.copyOf(categories);
    }

    /**
     * The same referral read again with more categories (one row per category from the facts'
     * query): a merge function for {@link java.util.Map#merge}.
     *
     * @param more the same referral with the categories to add
     * @return this referral with {@code more}'s categories added
     */
    public ReferralFact withCategoriesOf(ReferralFact more) {
      return more.categories.isEmpty()
          ? this
          : new ReferralFact(
              id, toOrganisationId, state, purpose, union(categories, more.categories));
    }
  }

  /**
   * A consent as the policy sees it.
   *
   * @param id consent id
   * @param recipientOrganisationId the recipient
   * @param purpose its purpose
   * @param categories the categories it covers
   * @param givenOn first day valid (Europe/Belgrade)
   * @param validUntil last day valid, inclusive; {@code null} = open-ended
   * @param withdrawnAt when withdrawn; {@code null} = not withdrawn
   */
  public record ConsentFact(
      long id,
      long recipientOrganisationId,
      Purpose purpose,
      Set<DataCategory> categories,
      LocalDate givenOn,
      LocalDate validUntil,
      Instant withdrawnAt)
      implements Serializable {
    /**
     * @throws NullPointerException if purpose, categories or givenOn is {@code null}
     */
    public ConsentFact {
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(givenOn, "givenOn");
      categories = Set.copyOf(categories);
    }

    /**
     * The same consent read again with more categories (one row per category from the facts'
     * query): a merge function for {@link java.util.Map#merge}.
     *
     * @param more the same consent with the categories to add
     * @return this consent with {@code more}'s categories added
     */
    public ConsentFact withCategoriesOf(ConsentFact more) {
      return more.categories.isEmpty()
          ? this
          : new ConsentFact(
              id,
              recipientOrganisationId,
              purpose,
              union(categories, more.categories),
              givenOn,
              validUntil,
              withdrawnAt);
    }

    /**
     * Active on a day: given on or before it, not past its last day, not withdrawn.
     *
     * @param day a Europe/Belgrade calendar day
     * @return whether active
     */
    public boolean activeOn(LocalDate day) {
      return Consent.isActive(givenOn, validUntil, withdrawnAt != null, day);
    }
  }

  /**
   * An emergency access as the policy sees it.
   *
   * @param id its id
   * @param userId the user who opened it
   * @param category the category opened
   * @param expiresAt when it ends (UTC, exclusive)
   */
  public record BreakGlassFact(long id, long userId, DataCategory category, Instant expiresAt)
      implements Serializable {}

  private static Set<DataCategory> union(Set<DataCategory> a, Set<DataCategory> b) {
    Set<DataCategory> all = java.util.EnumSet.noneOf(DataCategory.class);
    all.addAll(a);
    all.addAll(b);
    return all;
  }
}
