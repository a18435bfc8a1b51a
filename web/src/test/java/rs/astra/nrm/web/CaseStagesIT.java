package rs.astra.nrm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.casefile.CaseStageService;
import rs.astra.nrm.casefile.CaseStatus;
import rs.astra.nrm.casefile.CaseTimeline;
import rs.astra.nrm.casefile.CaseView;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.NrmStage;
import rs.astra.nrm.casefile.TraffickingStatus;
import rs.astra.nrm.casefile.WorkOverviewService;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.ConsentService;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.proceedings.Offence;
import rs.astra.nrm.proceedings.ProceedingsEntryKind;
import rs.astra.nrm.proceedings.ProceedingsService;
import rs.astra.nrm.referral.ReferralService;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;

/**
 * The NRM stages through the real services: the owner's steps, formal identification by the CPTV
 * for adults and by a centre for social work for children, closure with a reason and a
 * coordinator's approval, and the timeline each side sees. Uses the organisations of {@link
 * ConsentFixture}.
 */
@ExtendWith(ArquillianExtension.class)
class CaseStagesIT {

  @Deployment
  static WebArchive portal() {
    return Deployments.packagedPortal(ConsentFixture.class);
  }

  @Inject CaseFileService cases;
  @Inject CaseStageService stages;
  @Inject CaseTimeline timeline;
  @Inject ReferralService referrals;
  @Inject ConsentService consents;
  @Inject UserDirectory directory;
  @Inject rs.astra.nrm.casefile.WorkOverviewService work;
  @Inject ProceedingsService proceedings;
  @Inject rs.astra.nrm.casefile.CaseIntakeService intake;

  @PersistenceContext(unitName = "nrm")
  EntityManager em;

  @Resource UserTransaction tx;

  private Viewer viewer(String username) throws Exception {
    ConsentFixture.ensure(em, tx);
    return directory.viewerFor(username).orElseThrow();
  }

  private CaseView view(String username, long caseId) throws Exception {
    return cases.find(viewer(username), caseId).orElseThrow();
  }

  private long orgId(String name) {
    return ConsentFixture.organisation(em, name).getId();
  }

  @Test
  void theNewCaseWizardOpensTheCaseWithItsConsentAndFirstReferralOrNothingAtAll() throws Exception {
    Viewer owner = viewer("cp.caseworker");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Belgrade"));
    var form =
        new CaseFileService.NewCaseForm(
            "Wizard",
            "Intake",
            null,
            null,
            "RS",
            null,
            null,
            EnumSet.noneOf(rs.astra.nrm.casefile.TypeOfExploitation.class),
            null,
            null);
    var consent =
        new rs.astra.nrm.casefile.CaseIntakeService.FirstConsent(
            orgId("CP Social Work Centre"),
            Purpose.SOCIAL_PROTECTION,
            EnumSet.of(DataCategory.IDENTITY),
            today,
            null,
            ConsentMethod.SIGNED_FORM,
            null);

    // A referral the consent does not cover (CONTACT) is refused, and then nothing is kept.
    long before = personsNamed("Wizard");
    InvalidRequestException refused =
        assertThrows(
            InvalidRequestException.class,
            () ->
                intake.open(
                    owner,
                    form,
                    consent,
                    new rs.astra.nrm.casefile.CaseIntakeService.FirstReferral(
                        orgId("CP Social Work Centre"),
                        Purpose.SOCIAL_PROTECTION,
                        EnumSet.of(DataCategory.CONTACT),
                        null)));
    assertTrue(refused.messageKey().startsWith("referral.error."), refused.messageKey());
    assertEquals(before, personsNamed("Wizard"), "no case, person or consent is left behind");

    long caseId =
        intake.open(
            owner,
            form,
            consent,
            new rs.astra.nrm.casefile.CaseIntakeService.FirstReferral(
                orgId("CP Social Work Centre"),
                Purpose.SOCIAL_PROTECTION,
                EnumSet.of(DataCategory.IDENTITY),
                "first contact"));
    CaseView opened = view("cp.caseworker", caseId);
    assertEquals(NrmStage.SIGNAL, opened.stage());
    assertEquals(1, opened.consents().size());
    assertEquals(1, opened.referrals().size());
    assertEquals(
        "Wizard Intake",
        view("cp.csw1", caseId).identity().firstName()
            + " "
            + view("cp.csw1", caseId).identity().secondName(),
        "the centre reads the consented identity");
  }

  private long personsNamed(String firstName) {
    return ((Number)
            em.createNativeQuery("select count(*) from person where first_name = ?1")
                .setParameter(1, firstName)
                .getSingleResult())
        .longValue();
  }

  @Test
  void theOwnerMovesASignalToPresumedVictimAndTheTimelineShowsIt() throws Exception {
    Viewer owner = viewer("cp.caseworker");
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Marija", "Signal");
    assertEquals(NrmStage.SIGNAL, view("cp.caseworker", caseId).stage());

    stages.moveTo(owner, caseId, view("cp.caseworker", caseId).version(), NrmStage.PRESUMED_VICTIM);
    CaseView after = view("cp.caseworker", caseId);
    assertEquals(NrmStage.PRESUMED_VICTIM, after.stage());
    assertEquals(
        TraffickingStatus.PossibleVictimOfTrafficking,
        after.traffickingStatus(),
        "vic_TraffickingStatus kept in step");
    assertTrue(
        timeline.events(owner, caseId).stream()
            .anyMatch(
                e ->
                    e.type() == CaseEvent.Type.STAGE_CHANGED
                        && e.detail().equals("SIGNAL → PRESUMED_VICTIM")));

    InvalidRequestException skip =
        assertThrows(
            InvalidRequestException.class,
            () -> stages.moveTo(owner, caseId, after.version(), NrmStage.REINTEGRATION));
    assertEquals("stage.error.notPossible", skip.messageKey());
    assertThrows(
        ConcurrentUpdateException.class,
        () -> stages.moveTo(owner, caseId, after.version() - 1, NrmStage.PRESUMED_VICTIM));
  }

  @Test
  void theCptvIdentifiesAnAdultOnlyOnAReferralForIdentification() throws Exception {
    Viewer owner = viewer("cp.coordinator");
    long caseId =
        ConsentFixture.newCase(
            em, tx, "cp.coordinator", "Teodora", "Adult", LocalDate.of(1990, 1, 1));
    stages.moveTo(
        owner, caseId, view("cp.coordinator", caseId).version(), NrmStage.PRESUMED_VICTIM);
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Belgrade"));

    long version = view("cp.coordinator", caseId).version();
    assertEquals(
        "stage.error.notDecider",
        assertThrows(
                InvalidRequestException.class,
                () -> stages.decideIdentification(viewer("cp.cptv"), caseId, version, true, today))
            .messageKey(),
        "not referred to the CPTV yet");
    referrals.send(
        owner,
        caseId,
        orgId("CP CPTV"),
        Purpose.IDENTIFICATION,
        EnumSet.of(DataCategory.IDENTITY, DataCategory.EXPLOITATION),
        "formal identification");
    referrals.send(
        owner,
        caseId,
        orgId("CP Social Work Centre"),
        Purpose.IDENTIFICATION,
        Set.of(),
        "for an adult the centre does not decide");
    assertEquals(
        "stage.error.notDecider",
        assertThrows(
                InvalidRequestException.class,
                () -> stages.decideIdentification(viewer("cp.csw1"), caseId, version, true, today))
            .messageKey(),
        "a centre for social work does not decide for an adult");

    stages.decideIdentification(viewer("cp.cptv"), caseId, version, true, today);
    CaseView decided = view("cp.coordinator", caseId);
    assertEquals(NrmStage.IDENTIFIED, decided.stage());
    assertEquals(TraffickingStatus.ActualVictimOfTrafficking, decided.traffickingStatus());
    assertEquals("CP CPTV", decided.identificationDecidedBy());
    assertEquals(today, decided.identificationDecidedOn());
    List<CaseTimeline.EventLine> cptvSees = timeline.events(viewer("cp.cptv"), caseId);
    assertTrue(cptvSees.stream().anyMatch(e -> e.type() == CaseEvent.Type.IDENTIFICATION_DECIDED));
    assertFalse(
        cptvSees.stream().anyMatch(e -> e.organisation().equals("CP Social Work Centre")),
        "another institution's steps are not shown to the CPTV");
  }

  @Test
  void aChildIsIdentifiedByTheCentreForSocialWork() throws Exception {
    Viewer owner = viewer("cp.coordinator");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Belgrade"));
    long caseId =
        ConsentFixture.newCase(em, tx, "cp.coordinator", "Lena", "Child", today.minusYears(15));
    stages.moveTo(
        owner, caseId, view("cp.coordinator", caseId).version(), NrmStage.PRESUMED_VICTIM);
    referrals.send(owner, caseId, orgId("CP CPTV"), Purpose.IDENTIFICATION, Set.of(), null);
    referrals.send(
        owner, caseId, orgId("CP Social Work Centre"), Purpose.IDENTIFICATION, Set.of(), null);
    long version = view("cp.coordinator", caseId).version();
    assertEquals(
        List.of("SOCIAL_WORK_CENTRE"),
        assertThrows(
                InvalidRequestException.class,
                () -> stages.decideIdentification(viewer("cp.cptv"), caseId, version, true, today))
            .arguments());
    stages.decideIdentification(viewer("cp.csw1"), caseId, version, false, today);
    CaseView decided = view("cp.coordinator", caseId);
    assertEquals(NrmStage.NOT_IDENTIFIED, decided.stage());
    assertEquals(TraffickingStatus.NotAVictimOfTrafficking, decided.traffickingStatus());
  }

  @Test
  void closingACaseNeedsAReasonAndACoordinatorsApproval() throws Exception {
    Viewer caseworker = viewer("cp.caseworker");
    Viewer coordinator = viewer("cp.coordinator");
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Zora", "Closure");
    assertEquals(
        "stage.error.reasonRequired",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    stages.requestClosure(
                        caseworker, caseId, view("cp.caseworker", caseId).version(), "  "))
            .messageKey());

    assertFalse(
        stages.requestClosure(
            caseworker, caseId, view("cp.caseworker", caseId).version(), "Reintegrated: employed"),
        "a caseworker's request waits");
    CaseView waiting = view("cp.caseworker", caseId);
    assertTrue(waiting.closureRequested());
    assertEquals(NrmStage.SIGNAL, waiting.stage());
    assertEquals(
        "stage.error.coordinatorOnly",
        assertThrows(
                InvalidRequestException.class,
                () -> stages.approveClosure(caseworker, caseId, waiting.version()))
            .messageKey());

    stages.approveClosure(coordinator, caseId, waiting.version());
    CaseView closed = view("cp.coordinator", caseId);
    assertEquals(NrmStage.CLOSED, closed.stage());
    assertEquals(CaseStatus.Closed, closed.status());
    assertEquals("Reintegrated: employed", closed.exploitation().reasonForCaseClosure());
    List<CaseEvent.Type> events =
        timeline.events(coordinator, caseId).stream().map(CaseTimeline.EventLine::type).toList();
    assertEquals(List.of(CaseEvent.Type.CLOSURE_REQUESTED, CaseEvent.Type.STAGE_CHANGED), events);
  }

  @Test
  void policeAndProsecutorsReadTheirOwnProceedingsAndMoreOnlyWithConsent() throws Exception {
    Viewer owner = viewer("cp.coordinator");
    Viewer police = viewer("cp.police");
    Viewer prosecutor = viewer("cp.prosecutor");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Belgrade"));
    long caseId = ConsentFixture.newCase(em, tx, "cp.coordinator", "Ksenija", "Proceedings");
    long toPolice =
        referrals.send(
            owner, caseId, orgId("CP Police"), Purpose.CRIMINAL_PROCEEDINGS, Set.of(), "report");
    referrals.send(
        owner, caseId, orgId("CP Prosecutor"), Purpose.CRIMINAL_PROCEEDINGS, Set.of(), "report");

    proceedings.record(
        police,
        caseId,
        new ProceedingsService.NewEntryForm(
            ProceedingsEntryKind.COMPLAINT_FILED, today, null, 2, null, null, null, null));
    assertEquals(
        "proceedings.error.notYourStep",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    proceedings.record(
                        police,
                        caseId,
                        new ProceedingsService.NewEntryForm(
                            ProceedingsEntryKind.INDICTMENT,
                            today,
                            Offence.ART_388_TRAFFICKING,
                            null,
                            null,
                            null,
                            null,
                            null)))
            .messageKey());
    proceedings.record(
        prosecutor,
        caseId,
        new ProceedingsService.NewEntryForm(
            ProceedingsEntryKind.INDICTMENT,
            today,
            Offence.ART_388_TRAFFICKING,
            null,
            null,
            null,
            null,
            null));

    assertEquals(
        List.of(ProceedingsEntryKind.COMPLAINT_FILED),
        kinds(police, caseId),
        "police read their own entries only");
    assertEquals(
        List.of(ProceedingsEntryKind.INDICTMENT),
        kinds(prosecutor, caseId),
        "the prosecutor reads its own entries only");
    assertEquals(
        List.of(ProceedingsEntryKind.COMPLAINT_FILED, ProceedingsEntryKind.INDICTMENT),
        kinds(owner, caseId),
        "the owner reads all");
    assertThrows(
        rs.astra.nrm.consent.AccessDeniedException.class,
        () -> proceedings.entries(viewer("cp.csw1"), caseId),
        "not referred: nothing");

    // The case page (view + proceedings list) leaves one audit record of the proceedings read, not
    // two.
    long before = legalProceedingsReads(caseId, "cp.coordinator");
    cases.find(owner, caseId).orElseThrow();
    proceedings.entries(owner, caseId);
    assertEquals(before + 1, legalProceedingsReads(caseId, "cp.coordinator"));

    // With the person's consent to share her proceedings with the prosecutor, it reads all of them.
    consents.give(
        owner,
        new ConsentService.NewConsentForm(
            caseId,
            orgId("CP Prosecutor"),
            Purpose.CRIMINAL_PROCEEDINGS,
            EnumSet.of(DataCategory.LEGAL_PROCEEDINGS),
            today,
            null,
            ConsentMethod.SIGNED_FORM,
            null));
    referrals.send(
        owner,
        caseId,
        orgId("CP Prosecutor"),
        Purpose.CRIMINAL_PROCEEDINGS,
        EnumSet.of(DataCategory.LEGAL_PROCEEDINGS),
        "full file");
    assertEquals(
        List.of(ProceedingsEntryKind.COMPLAINT_FILED, ProceedingsEntryKind.INDICTMENT),
        kinds(prosecutor, caseId));

    // After the referral is revoked the police still read what they recorded themselves.
    long version =
        referrals.inbox(police, null, 0, 500).stream()
            .filter(r -> r.id() == toPolice)
            .findFirst()
            .orElseThrow()
            .version();
    referrals.revoke(owner, toPolice, version, "the investigation moved to another unit");
    assertEquals(List.of(ProceedingsEntryKind.COMPLAINT_FILED), kinds(police, caseId));
  }

  private List<ProceedingsEntryKind> kinds(Viewer viewer, long caseId) {
    return proceedings.entries(viewer, caseId).stream()
        .map(ProceedingsService.EntryLine::kind)
        .toList();
  }

  @Test
  void aCaseworkerOpensACaseAtSignal() throws Exception {
    Viewer caseworker = viewer("cp.caseworker");
    long id =
        cases.open(
            caseworker,
            new CaseFileService.NewCaseForm(
                "  Jelica ",
                "Opened",
                LocalDate.of(2001, 4, 2),
                null,
                "rs; ba",
                "+381 60 1",
                "Niš",
                EnumSet.of(rs.astra.nrm.casefile.TypeOfExploitation.ForcedBegging),
                "SOS hotline",
                "called the hotline"));
    CaseView opened = view("cp.caseworker", id);
    assertEquals(NrmStage.SIGNAL, opened.stage());
    assertEquals("Jelica", opened.identity().firstName());
    assertEquals(List.of("BA", "RS"), opened.identity().citizenship());
    // Issue 15: the code carries no count that would tell how many cases other organisations have.
    assertTrue(
        opened.code().matches("NRM-\\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"),
        opened.code());
    assertEquals(
        List.of(CaseEvent.Type.CASE_OPENED),
        timeline.events(caseworker, id).stream().map(CaseTimeline.EventLine::type).toList());

    InvalidRequestException bad =
        assertThrows(
            InvalidRequestException.class,
            () ->
                cases.open(
                    caseworker,
                    new CaseFileService.NewCaseForm(
                        null, null, null, null, "XX", null, null, Set.of(), null, null)));
    assertEquals(List.of("XX"), bad.arguments());
    assertThrows(
        rs.astra.nrm.organisation.NotPermittedException.class,
        () ->
            cases.open(
                viewer("cp.police"),
                new CaseFileService.NewCaseForm(
                    null, null, null, null, null, null, null, Set.of(), null, null)));
  }

  @Test
  void theHomePageCountsWhatWaitsForEachSide() throws Exception {
    Viewer owner = viewer("cp.coordinator");
    Viewer health = viewer("cp.health");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Belgrade"));

    long fresh = ConsentFixture.newCase(em, tx, "cp.coordinator", "Nada", "Waiting");
    long waitingBefore = work.overview(health, 10).waitingCount();
    referrals.send(owner, fresh, orgId("CP Health"), Purpose.HEALTH_CARE, Set.of(), "examination");
    WorkOverviewService.Overview recipient = work.overview(health, 50);
    assertEquals(waitingBefore + 1, recipient.waitingCount());
    assertTrue(recipient.waitingForAnswer().stream().anyMatch(t -> t.caseId() == fresh));

    long old = ConsentFixture.newCase(em, tx, "cp.coordinator", "Dara", "Overdue");
    tx.begin();
    var c = em.find(rs.astra.nrm.casefile.CaseFile.class, old);
    var coordinator = ConsentFixture.user(em, "cp.coordinator");
    em.persist(
        rs.astra.nrm.referral.Referral.send(
            c,
            coordinator.getOrganisation(),
            ConsentFixture.organisation(em, "CP Police"),
            Purpose.CRIMINAL_PROCEEDINGS,
            Set.of(),
            null,
            null,
            null,
            coordinator,
            java.time.Instant.now().minus(java.time.Duration.ofDays(10))));
    tx.commit();
    assertTrue(
        work.overview(owner, 50).overdueSent().stream()
            .anyMatch(t -> t.caseId() == old && t.days() == 10));

    long expiring = ConsentFixture.newCase(em, tx, "cp.coordinator", "Vida", "Expiring");
    consents.give(
        owner,
        new ConsentService.NewConsentForm(
            expiring,
            orgId("CP Health"),
            Purpose.HEALTH_CARE,
            EnumSet.of(DataCategory.HEALTH),
            today,
            today.plusDays(3),
            ConsentMethod.SIGNED_FORM,
            null));
    assertTrue(
        work.overview(owner, 50).expiringConsents().stream()
            .anyMatch(t -> t.caseId() == expiring && t.days() == 3));

    long quiet =
        ConsentFixture.newCase(
            em,
            tx,
            "cp.coordinator",
            "Mila",
            "Quiet",
            LocalDate.of(1990, 1, 1),
            java.time.Instant.now().minus(java.time.Duration.ofDays(120)));
    assertTrue(
        work.overview(owner, 50).quietCases().stream().anyMatch(t -> t.caseId() == quiet),
        "no event for 120 days");
    stages.moveTo(owner, quiet, view("cp.coordinator", quiet).version(), NrmStage.PRESUMED_VICTIM);
    assertFalse(
        work.overview(owner, 50).quietCases().stream().anyMatch(t -> t.caseId() == quiet),
        "an event makes it active again");

    assertEquals(
        0, work.overview(viewer("cp.admin"), 10).waitingCount(), "administrators get no task list");
  }

  @Test
  void theTimelineShowsARecipientNoConsentEvents() throws Exception {
    Viewer owner = viewer("cp.coordinator");
    long caseId = ConsentFixture.newCase(em, tx, "cp.coordinator", "Iva", "Timeline");
    consents.give(
        owner,
        new ConsentService.NewConsentForm(
            caseId,
            orgId("CP Health"),
            Purpose.HEALTH_CARE,
            EnumSet.of(DataCategory.HEALTH),
            LocalDate.now(ZoneId.of("Europe/Belgrade")),
            null,
            ConsentMethod.SIGNED_FORM,
            null));
    long referral =
        referrals.send(
            owner,
            caseId,
            orgId("CP Health"),
            Purpose.HEALTH_CARE,
            EnumSet.of(DataCategory.HEALTH),
            null);
    referrals.accept(
        viewer("cp.health"),
        referral,
        referrals.inbox(viewer("cp.health"), null, 0, 500).stream()
            .filter(r -> r.id() == referral)
            .findFirst()
            .orElseThrow()
            .version());

    List<CaseEvent.Type> owners =
        timeline.events(owner, caseId).stream().map(CaseTimeline.EventLine::type).toList();
    assertEquals(
        List.of(
            CaseEvent.Type.CONSENT_GIVEN,
            CaseEvent.Type.REFERRAL_SENT,
            CaseEvent.Type.REFERRAL_ACCEPTED),
        owners);
    List<CaseEvent.Type> recipients =
        timeline.events(viewer("cp.health"), caseId).stream()
            .map(CaseTimeline.EventLine::type)
            .toList();
    assertEquals(
        List.of(CaseEvent.Type.REFERRAL_ACCEPTED),
        recipients,
        "the recipient sees its own step, not the consent");
    assertTrue(
        timeline.events(viewer("cp.police"), caseId).isEmpty(),
        "an organisation without the case sees nothing");
  }

  private long legalProceedingsReads(long caseId, String username) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from audit_record where case_file_id = ?1 and username = ?2 and category = 'LEGAL_PROCEEDINGS' and action = 'READ'")
                .setParameter(1, caseId)
                .setParameter(2, username)
                .getSingleResult())
        .longValue();
  }
}
