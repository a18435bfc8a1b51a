package rs.astra.nrm.web.api;

import java.time.LocalDate;
import java.util.List;
import rs.astra.nrm.casefile.CaseStatus;
import rs.astra.nrm.casefile.CaseView;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.NrmStage;
import rs.astra.nrm.casefile.TypeOfExploitation;
import rs.astra.nrm.consent.AccessBasis;

/**
 * A case as the API answers it: the summary, each personal category the caller may read with its
 * basis, and each hidden one with the reason — the same decisions as the case page, taken by the
 * same service. A section of a hidden category is {@code null} (left out of the JSON).
 *
 * @param code case code
 * @param status HTCDS {@code cas_Status}
 * @param stage the NRM stage
 * @param openedOn day opened (Europe/Belgrade), ISO-8601
 * @param ownerOrganisation the owning organisation's name
 * @param owned whether the caller's organisation owns the case
 * @param typeOfExploitation HTCDS {@code vic_TypeOfExploitation}
 * @param readable the personal categories the caller may read, each with its basis
 * @param hidden the personal categories hidden from the caller, each with why
 * @param identity IDENTITY, or {@code null}
 * @param contact CONTACT, or {@code null}
 * @param exploitation EXPLOITATION, or {@code null}
 */
public record CaseDetailView(
    String code,
    CaseStatus status,
    NrmStage stage,
    LocalDate openedOn,
    String ownerOrganisation,
    boolean owned,
    List<TypeOfExploitation> typeOfExploitation,
    List<ReadableCategory> readable,
    List<CaseView.Hidden> hidden,
    CaseView.IdentitySection identity,
    CaseView.ContactSection contact,
    CaseView.ExploitationSection exploitation) {

  /**
   * A category the caller may read.
   *
   * @param category the category
   * @param basis why: OWNER, CONSENT, LEGAL_BASIS or BREAK_GLASS
   * @param reference consent id, emergency-access id or legal-basis code; {@code null} for OWNER
   * @param ownRecordsOnly whether only her organisation's own records are covered
   */
  public record ReadableCategory(
      DataCategory category, AccessBasis basis, String reference, boolean ownRecordsOnly) {}

  /**
   * @param v the case page's view
   * @return the API's view of it
   */
  public static CaseDetailView of(CaseView v) {
    return new CaseDetailView(
        v.code(),
        v.status(),
        v.stage(),
        v.openedOn(),
        v.ownerOrganisation(),
        v.owned(),
        v.typeOfExploitation(),
        v.visible().entrySet().stream()
            .sorted(java.util.Map.Entry.comparingByKey())
            .map(
                e ->
                    new ReadableCategory(
                        e.getKey(),
                        e.getValue().basis(),
                        e.getValue().reference(),
                        e.getValue().ownRecordsOnly()))
            .toList(),
        v.hidden(),
        v.identity(),
        v.contact(),
        v.exploitation());
  }
}
