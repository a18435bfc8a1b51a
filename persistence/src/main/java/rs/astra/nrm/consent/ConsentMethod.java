package rs.astra.nrm.consent;

/** How a consent was given and recorded. */
public enum ConsentMethod {
  /** A consent form signed by the data subject. */
  SIGNED_FORM,
  /** Oral consent in the presence of a witness, who is named in the note. */
  ORAL_WITH_WITNESS,
  /** Given by the parent or guardian of a child. */
  GUARDIAN_FOR_CHILD
}
