package rs.astra.nrm.referral;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a referral stands: {@code SENT} → {@code ACCEPTED} or {@code REJECTED} → {@code COMPLETED},
 * or {@code REVOKED} by the sender before completion.
 */
public enum ReferralState {
  /** Sent, not yet answered by the recipient. */
  SENT,
  /** Accepted by the recipient, who is working on it. */
  ACCEPTED,
  /** Rejected by the recipient, with a reason. */
  REJECTED,
  /** The recipient has done what the referral asked. */
  COMPLETED,
  /** Withdrawn by the sender (or by a withdrawn consent) before completion. */
  REVOKED;

  /**
   * The states in which a referral gives the recipient access to the case (the access policy's
   * "live referral"): sent, accepted or completed. The one place this is stated (issue 16).
   */
  public static final Set<ReferralState> LIVE =
      Collections.unmodifiableSet(EnumSet.of(SENT, ACCEPTED, COMPLETED));

  /**
   * The states in which a referral is still being worked on: sent or accepted — it can be revoked,
   * a consent's withdrawal revokes it, and an identification referral waits in the queue.
   */
  public static final Set<ReferralState> OPEN =
      Collections.unmodifiableSet(EnumSet.of(SENT, ACCEPTED));

  /**
   * @return whether the referral gives the recipient access ({@link #LIVE})
   */
  public boolean isLive() {
    return LIVE.contains(this);
  }

  /**
   * @return whether it is still being worked on ({@link #OPEN}): the sender may revoke it
   */
  public boolean isOpen() {
    return OPEN.contains(this);
  }

  /**
   * @return whether the recipient may accept or reject it now (sent)
   */
  public boolean isAnswerable() {
    return this == SENT;
  }

  /**
   * @return whether the recipient may mark it completed now (accepted)
   */
  public boolean isCompletable() {
    return this == ACCEPTED;
  }
}
