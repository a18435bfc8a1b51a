package rs.astra.nrm.hotline;

/** Why someone called the hotline. Stored by name. */
public enum CallPurpose {
  /** Information to prevent trafficking (safe migration, how recruitment works). */
  PREVENTIVE_INFORMATION,
  /** A job offer to be checked before the caller takes it. */
  JOB_OFFER_CHECK,
  /** A report of suspected trafficking. */
  SUSPECTED_TRAFFICKING_REPORT,
  /** A victim asks for help. */
  VICTIM_HELP_REQUEST,
  /** Information on the rights of victims or workers. */
  INFORMATION_ON_RIGHTS,
  /** Anything else. */
  OTHER;

  /**
   * Whether a call of this purpose is preventive: it comes before any exploitation, from someone
   * who asks for information or has an offer checked (the hotline's "preventive share", about a
   * fifth of its calls).
   *
   * @return {@code true} for PREVENTIVE_INFORMATION and JOB_OFFER_CHECK
   */
  public boolean isPreventive() {
    return this == PREVENTIVE_INFORMATION || this == JOB_OFFER_CHECK;
  }
}
