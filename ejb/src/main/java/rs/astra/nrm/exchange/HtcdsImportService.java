package rs.astra.nrm.exchange;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.CaseFileService;
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
 *
 * <p>The import knows what it has (issue 19): the SHA-256 digest of each imported file is kept
 * ({@link ImportedFile}) and the same bytes are refused to the same organisation, naming the day;
 * rows whose person already has a case the organisation may see are named, by row number and case
 * code, and so are rows repeating an earlier row's person (by the earlier row's number); the
 * importer chooses to skip them or import them as new ({@link KnownPersons}).
 */
@Stateless
@StoredBeforeReturn
public class HtcdsImportService {

  private static final Logger LOG = Logger.getLogger(HtcdsImportService.class.getName());

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private UserDirectory directory;
  @Inject private rs.astra.nrm.casefile.CaseCodes codes;
  @Inject private CaseFileService caseFiles;

  @Resource private SessionContext context;

  /**
   * What to do with rows whose person already has a case the importing organisation may see (the
   * same name key and birth date, {@link CaseFileService#knownPersons}) or is named by an earlier
   * row of the same file ({@link CaseFileService#repeatedInFile}); skipping a repeated row keeps
   * the first row naming that person.
   */
  public enum KnownPersons {
    /** Store nothing and name those rows ({@link ImportOutcome#awaitsChoice}). */
    ASK,
    /** Import the other rows only. */
    SKIP,
    /** Import every row, those too as new cases. */
    IMPORT_AS_NEW
  }

  /**
   * The outcome of an import that was not rejected.
   *
   * @param cases number of cases created
   * @param referrals number of referrals created
   * @param knownPersons the rows whose person already has a case the organisation sees (with that
   *     case's code) or repeats an earlier row's person (with that row's number), by row number:
   *     stored nothing when {@link #awaitsChoice}, otherwise skipped or imported as new as chosen
   * @param skipped how many rows were skipped
   */
  public record ImportOutcome(
      int cases, int referrals, List<CaseFileService.KnownPerson> knownPersons, int skipped)
      implements java.io.Serializable {

    /**
     * A copy whose list cannot change.
     *
     * @param cases number of cases created
     * @param referrals number of referrals created
     * @param knownPersons the rows whose person already has a case
     * @param skipped how many rows were skipped
     */
    public ImportOutcome {
      knownPersons = List.copyOf(knownPersons);
    }

    /**
     * @return whether nothing was stored because rows name known persons and the importer was asked
     *     to choose ({@link KnownPersons#ASK})
     */
    public boolean awaitsChoice() {
      return cases == 0 && skipped == 0 && !knownPersons.isEmpty();
    }
  }

  /**
   * Imports a caseload for the importer's organisation.
   *
   * @param importer who imports; must be an NGO coordinator or an administrator
   * @param in the file's bytes (xlsx, xls or UTF-8 CSV); read to the end, not closed
   * @param fileName the uploaded file's name, used only as a hint for the format
   * @return how many cases and referrals were created; nothing is stored when rows name persons who
   *     already have a case ({@link KnownPersons#ASK}, {@link ImportOutcome#awaitsChoice})
   * @throws HtcdsFileAlreadyImportedException when the organisation imported the same bytes before
   * @throws HtcdsImportException with every row-numbered error when any row is invalid; nothing is
   *     stored then
   * @throws NotPermittedException when the importer is neither an NGO coordinator nor an
   *     administrator
   */
  public ImportOutcome importCaseload(Viewer importer, InputStream in, String fileName)
      throws HtcdsImportException {
    return importCaseload(importer, in, fileName, KnownPersons.ASK);
  }

  /**
   * Imports a caseload for the importer's organisation, unless the organisation has imported the
   * same bytes before; rows whose person already has a case the organisation may see are handled as
   * {@code known} says.
   *
   * @param importer who imports; must be an NGO coordinator or an administrator
   * @param in the file's bytes (xlsx, xls or UTF-8 CSV); read to the end, not closed
   * @param fileName the uploaded file's name, used only as a hint for the format
   * @param known what to do with rows of known persons; with {@link KnownPersons#ASK} nothing is
   *     stored when there are any ({@link ImportOutcome#awaitsChoice})
   * @return how many cases and referrals were created, and the rows of known persons
   * @throws HtcdsFileAlreadyImportedException when the organisation imported the same bytes before
   * @throws HtcdsImportException with every row-numbered error when any row is invalid; nothing is
   *     stored then
   * @throws NotPermittedException when the importer is neither an NGO coordinator nor an
   *     administrator
   */
  public ImportOutcome importCaseload(
      Viewer importer, InputStream in, String fileName, KnownPersons known)
      throws HtcdsImportException {
    if (!importer.role().importsCaseloads()) {
      throw new NotPermittedException("HTCDS import");
    }
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] sha256 = sha256(bytes);
    List<Instant> before =
        em.createNamedQuery(ImportedFile.FIRST_IMPORT, Instant.class)
            .setParameter("organisation", importer.organisationId())
            .setParameter("sha256", ImportedFile.hex(sha256))
            .getResultList();
    if (!before.isEmpty()) {
      throw new HtcdsFileAlreadyImportedException(
          before.get(0).atZone(HtcdsSpreadsheetReader.ZONE).toLocalDate());
    }
    List<HtcdsCaseRecord> records =
        new HtcdsSpreadsheetReader(Clock.system(HtcdsSpreadsheetReader.ZONE))
            .read(new ByteArrayInputStream(bytes), fileName);
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

    List<CaseFileService.PersonKey> persons =
        records.stream()
            .map(
                r ->
                    new CaseFileService.PersonKey(
                        r.rowNumber(), r.firstName(), r.secondName(), r.birthdate()))
            .toList();
    List<CaseFileService.KnownPerson> knownPersons = knownOrRepeated(importer, persons);
    if (!knownPersons.isEmpty() && known == KnownPersons.ASK) {
      // Row numbers only: which persons the file names is personal data.
      LOG.log(
          Level.INFO,
          "HTCDS import by user {0} waits for a choice: {1} rows of known persons",
          new Object[] {importer.userId(), knownPersons.size()});
      return new ImportOutcome(0, 0, knownPersons, 0);
    }
    List<HtcdsCaseRecord> toImport = records;
    if (known == KnownPersons.SKIP && !knownPersons.isEmpty()) {
      Set<Integer> skip = new HashSet<>();
      knownPersons.forEach(k -> skip.add(k.rowNumber()));
      toImport = records.stream().filter(r -> !skip.contains(r.rowNumber())).toList();
    }

    Instant now = Instant.now();
    LocalDate today = LocalDate.now(HtcdsSpreadsheetReader.ZONE);
    int referrals = 0;
    for (HtcdsCaseRecord r : toImport) {
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
    if (!toImport.isEmpty()) {
      // A file all of whose rows were skipped created nothing; it may still be imported as new.
      em.persist(
          new ImportedFile(
              em.find(PortalUser.class, importer.userId()), now, sha256, toImport.size()));
    }
    em.flush();
    // Counts only: file contents are personal data and never go to the log.
    LOG.log(
        Level.INFO,
        "HTCDS import by user {0}: {1} cases, {2} referrals, {3} rows skipped",
        new Object[] {
          importer.userId(), toImport.size(), referrals, records.size() - toImport.size()
        });
    return new ImportOutcome(
        toImport.size(), referrals, knownPersons, records.size() - toImport.size());
  }

  /**
   * The rows of persons who already have a case the importer may read, then the rows that repeat an
   * earlier row's person (a row matching a case is listed once, with its case); by row number.
   */
  private List<CaseFileService.KnownPerson> knownOrRepeated(
      Viewer importer, List<CaseFileService.PersonKey> persons) {
    List<CaseFileService.KnownPerson> known =
        new ArrayList<>(caseFiles.knownPersons(importer, persons));
    Set<Integer> rows = new HashSet<>();
    known.forEach(k -> rows.add(k.rowNumber()));
    CaseFileService.repeatedInFile(persons).stream()
        .filter(k -> !rows.contains(k.rowNumber()))
        .forEach(known::add);
    known.sort(java.util.Comparator.comparingInt(CaseFileService.KnownPerson::rowNumber));
    return known;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
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
