package rs.astra.nrm.exchange;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.CaseStatus;
import rs.astra.nrm.casefile.Person;
import rs.astra.nrm.organisation.NotPermittedException;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.Referral;
import rs.astra.nrm.referral.ReferralState;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * Imports an HTCDS caseload (the HTCDS 2.0 Excel template, or CSV with HTCDS field names) as cases
 * of the importing user's organisation. All or nothing: the file is read and every row checked —
 * cell values by {@link HtcdsSpreadsheetReader}, then case owners and referred organisations
 * against the database — before anything is stored; one bad row rejects the file with every error
 * listed.
 *
 * <p>Each row becomes a {@link Person}, a {@link CaseFile} owned by the row's {@code cas_CaseOwner}
 * and, when {@code cas_ReferredOrganisation} is filled, a {@link Referral} from the importing
 * organisation to that one. Imported referrals are history, already acted on: ACCEPTED, or
 * COMPLETED when the case is closed. The referring organisation ({@code cas_ReferringOrganisation})
 * is kept as text and grants nobody access.
 */
@Stateless
@StoredBeforeReturn
public class HtcdsImportService {

  private static final Logger LOG = Logger.getLogger(HtcdsImportService.class.getName());

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private UserDirectory directory;
  @Inject private rs.astra.nrm.casefile.CaseCodes codes;

  @Resource private SessionContext context;

  /**
   * The outcome of a successful import.
   *
   * @param cases number of cases created
   * @param referrals number of referrals created
   */
  public record ImportOutcome(int cases, int referrals) {}

  /**
   * Imports a caseload for the importer's organisation.
   *
   * @param importer who imports; must be an NGO coordinator or an administrator
   * @param in the file's bytes (xlsx, xls or UTF-8 CSV); read to the end, not closed
   * @param fileName the uploaded file's name, used only as a hint for the format
   * @return how many cases and referrals were created
   * @throws HtcdsImportException with every row-numbered error when any row is invalid; nothing is
   *     stored then
   * @throws NotPermittedException when the importer is neither an NGO coordinator nor an
   *     administrator
   */
  public ImportOutcome importCaseload(Viewer importer, InputStream in, String fileName)
      throws HtcdsImportException {
    if (!importer.role().importsCaseloads()) {
      throw new NotPermittedException("HTCDS import");
    }
    List<HtcdsCaseRecord> records =
        new HtcdsSpreadsheetReader(Clock.system(HtcdsSpreadsheetReader.ZONE)).read(in, fileName);
    Organisation organisation = em.find(Organisation.class, importer.organisationId());

    List<HtcdsImportError> errors = new ArrayList<>();
    Map<String, Optional<PortalUser>> owners = new HashMap<>();
    Map<String, Optional<Organisation>> recipients = new HashMap<>();
    for (HtcdsCaseRecord r : records) {
      Optional<PortalUser> owner =
          owners.computeIfAbsent(r.caseOwner(), name -> caseOwner(name, organisation));
      if (owner.isEmpty()) {
        errors.add(
            new HtcdsImportError(
                r.rowNumber(),
                "cas_CaseOwner",
                HtcdsImportProblem.UNKNOWN_CASE_OWNER,
                r.caseOwner()));
      }
      if (r.referredOrganisation() != null) {
        Optional<Organisation> to =
            recipients.computeIfAbsent(r.referredOrganisation(), directory::findOrganisationByName);
        if (to.isEmpty()) {
          errors.add(
              new HtcdsImportError(
                  r.rowNumber(),
                  "cas_ReferredOrganisation",
                  HtcdsImportProblem.UNKNOWN_ORGANISATION,
                  r.referredOrganisation()));
        } else if (to.get().getId().equals(organisation.getId())) {
          errors.add(
              new HtcdsImportError(
                  r.rowNumber(),
                  "cas_ReferredOrganisation",
                  HtcdsImportProblem.SELF_REFERRAL,
                  r.referredOrganisation()));
        }
      }
    }
    if (!errors.isEmpty()) {
      context.setRollbackOnly();
      throw new HtcdsImportException(errors);
    }

    Instant now = Instant.now();
    LocalDate today = LocalDate.now(HtcdsSpreadsheetReader.ZONE);
    int referrals = 0;
    for (HtcdsCaseRecord r : records) {
      CaseFile c = newCase(r, owners.get(r.caseOwner()).orElseThrow(), today, now);
      em.persist(c);
      if (r.referredOrganisation() != null) {
        LocalDate date =
            r.outgoingReferralDate() != null ? r.outgoingReferralDate() : c.getOpenedOn();
        ReferralState state =
            r.caseStatus() == CaseStatus.Closed ? ReferralState.COMPLETED : ReferralState.ACCEPTED;
        em.persist(
            new Referral(
                c,
                organisation,
                recipients.get(r.referredOrganisation()).orElseThrow(),
                r.reasonForOutgoingReferral(),
                r.outgoingReferralDetails(),
                date,
                state,
                now));
        referrals++;
      }
    }
    em.flush();
    // Counts only: file contents are personal data and never go to the log.
    LOG.log(
        Level.INFO,
        "HTCDS import by user {0}: {1} cases, {2} referrals",
        new Object[] {importer.userId(), records.size(), referrals});
    return new ImportOutcome(records.size(), referrals);
  }

  private Optional<PortalUser> caseOwner(String username, Organisation organisation) {
    return directory
        .findUser(username)
        .filter(PortalUser::isActive)
        .filter(u -> u.getOrganisation().getId().equals(organisation.getId()))
        .filter(u -> u.getRole().ownsCases());
  }

  private CaseFile newCase(HtcdsCaseRecord r, PortalUser owner, LocalDate today, Instant now) {
    Person person = new Person();
    person.recordIdentity(
        r.salutation(),
        r.firstName(),
        r.secondName(),
        r.birthdate(),
        r.gender(),
        r.citizenship(),
        r.title());
    person.recordContact(
        r.email(),
        r.homePhone(),
        r.mobilePhone(),
        r.mailingStreet(),
        r.mailingCity(),
        r.mailingState(),
        r.mailingPostalCode(),
        r.mailingCountry());
    LocalDate openedOn =
        r.incomingReferralDate() != null && !r.incomingReferralDate().isAfter(today)
            ? r.incomingReferralDate()
            : today;
    CaseFile c = new CaseFile(codes.next(openedOn.getYear()), owner, person, openedOn, now);
    c.recordStatus(
        r.caseStatus() != null ? r.caseStatus() : CaseStatus.Active, r.reasonForCaseClosure());
    c.recordHtcdsConsentFlag(r.consent());
    c.recordTraffickingStatus(r.traffickingStatus(), r.traffickingStatusDecisionMakingOrg());
    c.recordRecruitment(r.methodOfRecruitment(), r.locationOfRecruitment());
    c.recordExploitation(
        r.typeOfExploitation(),
        r.forcedLabourIndustry(),
        r.typeOfSexExploitation(),
        r.locationOfExploitation(),
        r.methodsOfControl());
    c.recordIncomingReferral(
        r.referringOrganisation(),
        r.incomingReferralDate(),
        r.referringPrimaryCaseWorker(),
        r.reasonForIncomingReferral(),
        r.incomingReferralDetails());
    c.takeStageFromHtcds();
    return c;
  }
}
