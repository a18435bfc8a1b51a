package rs.astra.nrm.proceedings;

/** The victim's status in the criminal proceedings. */
public enum VictimProceduralStatus {
  /** Witness (svedok). */
  WITNESS,
  /** Injured party (oštećeni). */
  INJURED_PARTY,
  /** Particularly vulnerable witness (posebno osetljiv svedok). */
  PARTICULARLY_VULNERABLE_WITNESS
}
