package rs.astra.nrm.proceedings;

import java.util.EnumSet;
import java.util.Set;
import rs.astra.nrm.organisation.OrganisationType;

/**
 * A step of the criminal proceedings against traffickers, and which institution records it: the
 * police record the complaint and the investigation, the public prosecutor the indictment,
 * hearings, verdict, the victim's status in the proceedings and the compensation claim. The owning
 * NGO may record any step it follows (e.g. at a hearing it attended with the victim).
 */
public enum ProceedingsEntryKind {
  /** Criminal complaint filed (krivična prijava). */
  COMPLAINT_FILED(OrganisationType.POLICE),
  /** Investigation opened (istraga). */
  INVESTIGATION_OPENED(OrganisationType.POLICE),
  /** Investigation closed. */
  INVESTIGATION_CLOSED(OrganisationType.POLICE),
  /** Indictment (optužnica), with the offence. */
  INDICTMENT(OrganisationType.PROSECUTOR),
  /** Main hearing or hearing (glavni pretres / ročište). */
  HEARING(OrganisationType.PROSECUTOR),
  /** Verdict (presuda), with outcome and sentence. */
  VERDICT(OrganisationType.PROSECUTOR),
  /** The victim's status in the proceedings. */
  VICTIM_STATUS(OrganisationType.PROSECUTOR),
  /** Compensation claim (imovinskopravni zahtev). */
  COMPENSATION_CLAIM(OrganisationType.PROSECUTOR);

  private final OrganisationType recordedBy;

  ProceedingsEntryKind(OrganisationType recordedBy) {
    this.recordedBy = recordedBy;
  }

  /**
   * Whether an organisation of this type records this kind of step.
   *
   * @param type the organisation's type
   * @return {@code true} for the institution the step belongs to, and for NGOs (which follow cases)
   */
  public boolean recordedBy(OrganisationType type) {
    return type == recordedBy || type == OrganisationType.NGO;
  }

  /**
   * The kinds an organisation type records.
   *
   * @param type the organisation's type
   * @return the kinds, possibly none
   */
  public static Set<ProceedingsEntryKind> kindsFor(OrganisationType type) {
    Set<ProceedingsEntryKind> kinds = EnumSet.noneOf(ProceedingsEntryKind.class);
    for (ProceedingsEntryKind k : values()) {
      if (k.recordedBy(type)) {
        kinds.add(k);
      }
    }
    return kinds;
  }
}
