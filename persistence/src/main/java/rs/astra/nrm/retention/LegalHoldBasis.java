package rs.astra.nrm.retention;

/**
 * Why a case must keep its personal data although the retention period ran out or the person asked
 * for erasure: the exceptions of GDPR Art. 17(3) as Serbia's Law on Personal Data Protection (Sl.
 * glasnik RS 87/2018) art. 30(4) repeats them.
 */
public enum LegalHoldBasis {
  /**
   * Criminal proceedings are open on the case (a hold the portal sets itself, never recorded by
   * hand): the data may be evidence (GDPR Art. 17(3)(b) and (e); ZZPL art. 30(4) items 2 and 5).
   */
  CRIMINAL_PROCEEDINGS("GDPR Art. 17(3)(b), (e); ZZPL art. 30(4)"),
  /** Establishment, exercise or defence of legal claims, e.g. a civil compensation suit. */
  LEGAL_CLAIMS("GDPR Art. 17(3)(e); ZZPL art. 30(4) item 5"),
  /** A legal obligation to keep the data (e.g. a court's or prosecutor's order to preserve it). */
  LEGAL_OBLIGATION("GDPR Art. 17(3)(b); ZZPL art. 30(4) item 2"),
  /** Archiving in the public interest or statistics where erasure would defeat them. */
  PUBLIC_INTEREST_ARCHIVING("GDPR Art. 17(3)(d); ZZPL art. 30(4) item 4");

  private final String article;

  LegalHoldBasis(String article) {
    this.article = article;
  }

  /**
   * @return the articles of law the basis rests on, as shown to the DPO and in a refusal
   */
  public String article() {
    return article;
  }

  /**
   * @return whether a coordinator or the DPO may record a hold on this basis by hand ({@link
   *     #CRIMINAL_PROCEEDINGS} follows from the proceedings track)
   */
  public boolean recordedByHand() {
    return this != CRIMINAL_PROCEEDINGS;
  }
}
