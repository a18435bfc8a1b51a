package rs.astra.nrm.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.referral.ReferralState;

/**
 * Who is told of a rectification (GDPR Art. 19): the policy's rule, not the correcting service's.
 */
class CorrectionNoticePolicyTest {

  private static final long OWNER = 1;
  private final AccessPolicy policy = new AccessPolicy();

  private static CaseFacts.ReferralFact referral(
      long to, ReferralState state, DataCategory... categories) {
    return new CaseFacts.ReferralFact(
        to * 10, to, state, Purpose.SOCIAL_PROTECTION, Set.of(categories));
  }

  private static CaseFacts facts(CaseFacts.ReferralFact... referrals) {
    return new CaseFacts(10, 20, OWNER, List.of(referrals), List.of(), List.of());
  }

  @Test
  void aCategoryIsToldToItsLiveRecipientsCompletedIncludedOnly() {
    CaseFacts facts =
        facts(
            referral(2, ReferralState.ACCEPTED, DataCategory.IDENTITY),
            referral(3, ReferralState.SENT, DataCategory.IDENTITY, DataCategory.HEALTH),
            referral(4, ReferralState.ACCEPTED, DataCategory.HEALTH),
            referral(5, ReferralState.REVOKED, DataCategory.IDENTITY),
            referral(6, ReferralState.COMPLETED, DataCategory.IDENTITY),
            referral(7, ReferralState.REJECTED, DataCategory.IDENTITY));
    assertEquals(Set.of(2L, 3L, 6L), policy.toldOfCorrection(facts, DataCategory.IDENTITY));
    assertEquals(Set.of(3L, 4L), policy.toldOfCorrection(facts, DataCategory.HEALTH));
  }

  @Test
  void theCaseSummaryIsToldToEveryLiveRecipientButNeverToTheOwner() {
    CaseFacts facts =
        facts(
            referral(2, ReferralState.ACCEPTED, DataCategory.IDENTITY),
            referral(4, ReferralState.SENT, DataCategory.HEALTH),
            referral(5, ReferralState.REVOKED, DataCategory.IDENTITY),
            referral(OWNER, ReferralState.ACCEPTED, DataCategory.IDENTITY));
    assertEquals(Set.of(2L, 4L), policy.toldOfCorrection(facts, DataCategory.CASE_SUMMARY));
    assertEquals(Set.of(), policy.toldOfCorrection(facts(), DataCategory.CASE_SUMMARY));
  }
}
