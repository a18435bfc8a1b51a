package rs.astra.nrm.hotline;

/** What hotline staff did to verify a job offer. Stored by name, in sets. */
public enum VerificationStep {
  /** A partner organisation in the destination country was contacted. */
  PARTNER_ABROAD_CONTACTED,
  /** The address of the workplace was checked. */
  ADDRESS_CHECKED,
  /** The agency's licence was checked in the register of the Ministry of Labour. */
  AGENCY_LICENCE_CHECKED,
  /** The contract was reviewed. */
  CONTRACT_REVIEWED
}
