package rs.astra.nrm.referral;

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
  REVOKED
}
