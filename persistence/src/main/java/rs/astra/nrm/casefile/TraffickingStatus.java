package rs.astra.nrm.casefile;

/**
 * Trafficking status of a victim (HTCDS {@code vic_TraffickingStatus}): possible (presumed) or
 * actual (identified) victim, or not a victim.
 *
 * <p>Constant names are the HTCDS 2.0 value names, labels the HTCDS English value labels. They are
 * stored by name, so renaming a constant needs a migration.
 */
public enum TraffickingStatus implements HtcdsPicklistValue {
  /** Possible victim of trafficking. */
  PossibleVictimOfTrafficking("Possible victim of trafficking"),

  /** Actual victim of trafficking. */
  ActualVictimOfTrafficking("Actual victim of trafficking"),

  /** Not a victim of trafficking. */
  NotAVictimOfTrafficking("Not a victim of trafficking");

  private final String htcdsLabel;

  TraffickingStatus(String htcdsLabel) {
    this.htcdsLabel = htcdsLabel;
  }

  @Override
  public String htcdsLabel() {
    return htcdsLabel;
  }
}
