package rs.astra.nrm.transfer;

/** Where a proposal to transfer a case stands. PROPOSED is the only open state. */
public enum TransferState {
  /** The owner proposed it; the receiving organisation has not answered. */
  PROPOSED,
  /** The receiving organisation accepted: it owns the case now. */
  ACCEPTED,
  /** The receiving organisation declined, with a reason: the owner keeps the case. */
  DECLINED,
  /** The owner withdrew the proposal before it was answered. */
  WITHDRAWN;

  /**
   * @return whether the proposal still waits for an answer
   */
  public boolean isOpen() {
    return this == PROPOSED;
  }
}
