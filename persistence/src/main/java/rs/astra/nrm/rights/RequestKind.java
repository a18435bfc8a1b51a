package rs.astra.nrm.rights;

/** What a data subject asks for, by the article of the GDPR (and of Serbia's ZZPL) she invokes. */
public enum RequestKind {
  /** Access to her data and a copy (GDPR Art. 15; ZZPL art. 26). */
  ACCESS,
  /** Rectification of inaccurate data (GDPR Art. 16; ZZPL art. 29). */
  RECTIFICATION,
  /** Erasure (GDPR Art. 17; ZZPL art. 30). */
  ERASURE,
  /** Restriction of processing (GDPR Art. 18; ZZPL art. 31). */
  RESTRICTION,
  /** Objection to processing (GDPR Art. 21; ZZPL art. 37). */
  OBJECTION
}
