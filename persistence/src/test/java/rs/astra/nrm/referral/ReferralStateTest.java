package rs.astra.nrm.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The properties of referral states that the policy, the services and the pages ask (issue 16). */
class ReferralStateTest {

  @Test
  void liveOpenAnswerableAndCompletableStates() {
    assertEquals(
        EnumSet.of(ReferralState.SENT, ReferralState.ACCEPTED, ReferralState.COMPLETED),
        ReferralState.LIVE,
        "what gives the recipient the case");
    assertEquals(
        EnumSet.of(ReferralState.SENT, ReferralState.ACCEPTED),
        ReferralState.OPEN,
        "what can still be revoked or waits");
    for (ReferralState s : ReferralState.values()) {
      assertEquals(ReferralState.LIVE.contains(s), s.isLive(), s.name());
      assertEquals(ReferralState.OPEN.contains(s), s.isOpen(), s.name());
      assertTrue(!s.isOpen() || s.isLive(), "an open referral is live: " + s);
    }
    assertTrue(ReferralState.SENT.isAnswerable());
    assertFalse(ReferralState.ACCEPTED.isAnswerable());
    assertTrue(ReferralState.ACCEPTED.isCompletable());
    assertFalse(ReferralState.REVOKED.isLive(), "a revoked referral gives nothing");
  }
}
