package rs.astra.nrm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.casefile.CaseView;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.ForcedLabourIndustry;
import rs.astra.nrm.casefile.NrmStage;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.ConsentService;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.hotline.CallChannel;
import rs.astra.nrm.hotline.CallPurpose;
import rs.astra.nrm.hotline.CallerType;
import rs.astra.nrm.hotline.CheckOutcome;
import rs.astra.nrm.hotline.HotlineService;
import rs.astra.nrm.hotline.HotlineStatistics;
import rs.astra.nrm.hotline.HotlineStatisticsService;
import rs.astra.nrm.hotline.OfferSource;
import rs.astra.nrm.hotline.RedFlag;
import rs.astra.nrm.hotline.RegistryService;
import rs.astra.nrm.hotline.VerificationStep;
import rs.astra.nrm.organisation.NotPermittedException;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.ReferralService;
import rs.astra.nrm.shared.InvalidRequestException;

/**
 * The SOS hotline through the real services and pages: a job-offer check recorded and found in the
 * registry by every spelling, a case naming the flagged agency showing the earlier checks, a call
 * opening a case, what other institutions see (nothing, or a linked call through the case's
 * consent), the statistics of a fixture with known counts, and the pages as the demo users see
 * them. Organisations of its own (prefix "HL") keep other tests' counts unchanged.
 */
@ExtendWith(ArquillianExtension.class)
class HotlineIT {

  /**
   * Browser travels along only so that the test class resolves in the container; it runs outside.
   */
  @Deployment
  static WebArchive portal() {
    return Deployments.packagedPortal(Browser.class, PortalSession.class);
  }

  @Inject HotlineService hotline;
  @Inject RegistryService registry;
  @Inject HotlineStatisticsService statistics;
  @Inject CaseFileService cases;
  @Inject ConsentService consents;
  @Inject ReferralService referrals;
  @Inject UserDirectory directory;

  @PersistenceContext(unitName = "nrm")
  EntityManager em;

  @Resource UserTransaction tx;
  @ArquillianResource URL base;

  private static final ZoneId BELGRADE = ZoneId.of("Europe/Belgrade");

  /** Organisation name → type. */
  private static final Map<String, OrganisationType> ORGANISATIONS =
      Map.of(
          "HL NGO",
          OrganisationType.NGO,
          "HL Other NGO",
          OrganisationType.NGO,
          "HL Social Work Centre",
          OrganisationType.SOCIAL_WORK_CENTRE,
          "HL Police",
          OrganisationType.POLICE);

  /** Users: login name → (organisation, role). */
  private static final Map<String, Object[]> USERS =
      Map.of(
          "hl.coordinator", new Object[] {"HL NGO", PortalRole.NGO_COORDINATOR},
          "hl.caseworker", new Object[] {"HL NGO", PortalRole.NGO_CASEWORKER},
          "hl.operator", new Object[] {"HL NGO", PortalRole.HOTLINE_OPERATOR},
          "hl.other", new Object[] {"HL Other NGO", PortalRole.NGO_CASEWORKER},
          "hl.csw", new Object[] {"HL Social Work Centre", PortalRole.CSW_OFFICER},
          "hl.police", new Object[] {"HL Police", PortalRole.POLICE_OFFICER});

  private Viewer viewer(String username) throws Exception {
    if (em.createQuery("select count(o) from Organisation o where o.name = 'HL NGO'", Long.class)
            .getSingleResult()
        == 0) {
      tx.begin();
      Map<String, Organisation> orgs = new java.util.HashMap<>();
      ORGANISATIONS.forEach(
          (name, type) -> {
            Organisation o = new Organisation(name, type, "Subotica");
            em.persist(o);
            orgs.put(name, o);
          });
      USERS.forEach(
          (u, v) ->
              em.persist(
                  new PortalUser(
                      u, "User " + u, orgs.get((String) v[0]), (PortalRole) v[1], null)));
      tx.commit();
    }
    return directory.viewerFor(username).orElseThrow();
  }

  private long orgId(String name) {
    return em.createQuery("select o.id from Organisation o where o.name = :n", Long.class)
        .setParameter("n", name)
        .getSingleResult();
  }

  private static rs.astra.nrm.hotline.JobOfferCheckForm check(
      String employer, String agency, CheckOutcome outcome, Set<RedFlag> flags) {
    return new rs.astra.nrm.hotline.JobOfferCheckForm(
        OfferSource.AGENCY,
        employer,
        agency,
        "0202-77/2021",
        "sk",
        "Bratislava",
        null,
        "Welder",
        ForcedLabourIndustry.C_Manufacturing,
        new BigDecimal("1500"),
        "eur",
        flags,
        EnumSet.of(VerificationStep.AGENCY_LICENCE_CHECKED),
        outcome,
        "Do not pay any fee.");
  }

  private static rs.astra.nrm.hotline.NewCallForm call(
      Instant at,
      CallPurpose purpose,
      CallChannel channel,
      CallerType caller,
      rs.astra.nrm.hotline.JobOfferCheckForm check) {
    return new rs.astra.nrm.hotline.NewCallForm(
        at, 5, channel, caller, null, purpose, "Summary", null, null, null, null, false, null,
        check);
  }

  private static rs.astra.nrm.hotline.NewCallForm call(
      CallPurpose purpose, rs.astra.nrm.hotline.JobOfferCheckForm check) {
    return call(null, purpose, CallChannel.PHONE, CallerType.POTENTIAL_VICTIM, check);
  }

  @Test
  void aCheckIsRecordedAndItsRegistryEntryIsFoundByEverySpelling() throws Exception {
    Viewer operator = viewer("hl.operator");
    long callId =
        hotline.record(
            operator,
            call(
                CallPurpose.JOB_OFFER_CHECK,
                check(
                    null,
                    "Đorđević Posredovanje d.o.o.",
                    CheckOutcome.TRAFFICKING_RISK,
                    EnumSet.of(RedFlag.NO_WRITTEN_CONTRACT, RedFlag.DEBT_BONDAGE))));
    List<RegistryService.RegistryRow> found = registry.search(operator, "Djordjevic", 10);
    assertEquals(1, found.size(), "one entry for the agency: " + found);
    long entryId = found.get(0).id();
    for (String spelling :
        List.of(
            "Đorđević",
            "Ђорђевић",
            "DJORDJEVIĆ posredovanje DOO",
            "djordjevic POSREDOVANJE",
            "Ђорђевић Посредовање д.о.о.")) {
      assertEquals(
          List.of(entryId),
          registry.search(operator, spelling, 10).stream()
              .map(RegistryService.RegistryRow::id)
              .toList(),
          spelling);
    }
    RegistryService.RegistryRow row = found.get(0);
    assertTrue(row.flagged(), "a trafficking risk flags the agency");
    assertEquals(1, row.checksAsAgency());
    assertEquals("0202-77/2021", row.licenceNumber());
    assertEquals("Ђорђевић Посредовање д.о.о.", row.otherScript());

    RegistryService.RegistryEntryView entry = registry.entry(operator, entryId).orElseThrow();
    assertEquals(callId, entry.checks().get(0).callId());
    assertEquals(
        List.of(RedFlag.NO_WRITTEN_CONTRACT, RedFlag.DEBT_BONDAGE),
        entry.checks().get(0).redFlags());
    assertEquals(List.of(RedFlag.DEBT_BONDAGE), entry.checks().get(0).iloIndicators());
    assertEquals("SK", entry.checks().get(0).destinationCountry());
    assertEquals("EUR", entry.checks().get(0).currency());
    assertEquals(
        "User hl.operator",
        entry.checks().get(0).checkedBy(),
        "each check shows who took the call");

    // A second check of the same agency, written in Cyrillic, goes to the same entry.
    hotline.record(
        viewer("hl.caseworker"),
        call(
            CallPurpose.JOB_OFFER_CHECK,
            check(null, "ЂОРЂЕВИЋ ПОСРЕДОВАЊЕ", CheckOutcome.COULD_NOT_VERIFY, Set.of())));
    RegistryService.RegistryEntryView again = registry.entry(operator, entryId).orElseThrow();
    assertEquals(2, again.checks().size());
    assertTrue(
        again.spellings().contains("ЂОРЂЕВИЋ ПОСРЕДОВАЊЕ"),
        "every spelling met is kept: " + again.spellings());

    assertTrue(
        registry.search(viewer("hl.other"), "Djordjevic", 10).isEmpty(),
        "another NGO's registry does not hold it");
    assertTrue(
        registry.entry(viewer("hl.other"), entryId).isEmpty(),
        "nor can another NGO open the entry");
    assertEquals(
        "hotline.error.checkNames",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    hotline.record(
                        operator,
                        call(
                            CallPurpose.JOB_OFFER_CHECK,
                            check(null, " ", CheckOutcome.FRAUD, Set.of()))))
            .messageKey());
    assertEquals(
        "hotline.error.contactNeedsAgreement",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    hotline.record(
                        operator,
                        new rs.astra.nrm.hotline.NewCallForm(
                            null,
                            3,
                            CallChannel.PHONE,
                            CallerType.CITIZEN,
                            null,
                            CallPurpose.OTHER,
                            null,
                            null,
                            null,
                            "Mila",
                            "+381 64 1",
                            false,
                            null,
                            null)))
            .messageKey());
  }

  @Test
  void aCaseNamingTheFlaggedAgencyShowsTheEarlierChecks() throws Exception {
    Viewer coordinator = viewer("hl.coordinator");
    hotline.record(
        viewer("hl.operator"),
        call(
            CallPurpose.JOB_OFFER_CHECK,
            check(
                "Šumadija Gradnja",
                "Balkan Rad Agencija",
                CheckOutcome.FRAUD,
                Set.of(RedFlag.DECEPTION))));
    long caseId =
        cases.open(
            coordinator,
            new CaseFileService.NewCaseForm(
                "Ravi", "Kumar", null, null, "IN", null, null, Set.of(), "SOS hotline", null));
    CaseView opened = cases.find(coordinator, caseId).orElseThrow();
    registry.recordRecruitmentParties(
        coordinator, caseId, opened.version(), "БАЛКАН РАД агенција д.о.о.", null);

    assertEquals(
        "БАЛКАН РАД агенција д.о.о.",
        cases.find(coordinator, caseId).orElseThrow().exploitation().recruiterName(),
        "the case view carries the names");
    long before = exploitationReads(caseId, "hl.coordinator");
    RegistryService.CaseHotlineView view = registry.forCase(coordinator, caseId).orElseThrow();
    assertEquals(
        before + 1,
        exploitationReads(caseId, "hl.coordinator"),
        "reading the earlier checks through the case is recorded");
    assertEquals(
        1,
        view.warnings().size(),
        "the flagged agency is recognised in Cyrillic: " + view.warnings());
    RegistryService.RegistryWarning warning = view.warnings().get(0);
    assertEquals("Balkan Rad Agencija", warning.name());
    assertTrue(warning.namedAsRecruiter());
    assertEquals(
        CheckOutcome.FRAUD,
        warning.checks().get(0).outcome(),
        "the earlier check shows on the case");

    assertTrue(
        registry.flaggedCases(coordinator, 50).stream()
            .anyMatch(l -> l.caseId() == caseId && l.entryName().equals("Balkan Rad Agencija")),
        "the owner's home page links the case to the flagged agency");
    long entryId = warning.entryId();
    assertTrue(
        registry.entry(coordinator, entryId).orElseThrow().cases().stream()
            .anyMatch(c -> c.caseId() == caseId && c.namedAsRecruiter()),
        "the registry entry lists the case");

    Viewer operator = viewer("hl.operator");
    assertTrue(
        registry.forCase(operator, caseId).isEmpty(), "a hotline operator reads no case data");
    assertTrue(registry.flaggedCases(operator, 50).isEmpty());
    assertTrue(
        registry.entry(operator, entryId).orElseThrow().cases().isEmpty(),
        "the operator sees the checks, not the cases");
    assertTrue(
        registry.forCase(viewer("hl.other"), caseId).isEmpty(),
        "another NGO sees nothing of the case");
  }

  @Test
  void aCasePageWithoutHotlineRecordsLeavesOneRecordOfTheExploitationRead() throws Exception {
    Viewer coordinator = viewer("hl.coordinator");
    long caseId =
        cases.open(
            coordinator,
            new CaseFileService.NewCaseForm(
                "Vera", "Quiet", null, null, null, null, null, Set.of(), null, null));
    long before = exploitationReads(caseId, "hl.coordinator");
    cases.find(coordinator, caseId).orElseThrow();
    RegistryService.CaseHotlineView none = registry.forCase(coordinator, caseId).orElseThrow();
    assertTrue(none.warnings().isEmpty() && none.linkedCalls().isEmpty());
    assertEquals(
        before + 1,
        exploitationReads(caseId, "hl.coordinator"),
        "the view's record only: the hotline read nothing more");
  }

  private long exploitationReads(long caseId, String username) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from audit_record where case_file_id = ?1 and username = ?2 and category = 'EXPLOITATION' and action = 'READ'")
                .setParameter(1, caseId)
                .setParameter(2, username)
                .getSingleResult())
        .longValue();
  }

  @Test
  void aCallOpensACaseAndOtherInstitutionsSeeItOnlyThroughTheCasesConsent() throws Exception {
    Viewer coordinator = viewer("hl.coordinator");
    Viewer csw = viewer("hl.csw");
    rs.astra.nrm.hotline.NewCallForm help =
        new rs.astra.nrm.hotline.NewCallForm(
            null,
            20,
            CallChannel.PHONE,
            CallerType.POTENTIAL_VICTIM,
            null,
            CallPurpose.VICTIM_HELP_REQUEST,
            "Passport taken by the employer",
            null,
            null,
            "Sunita",
            "+381 60 555 0101",
            true,
            null,
            null);
    long caseId = hotline.recordAndOpenCase(coordinator, help);
    CaseView opened = cases.find(coordinator, caseId).orElseThrow();
    assertEquals(NrmStage.SIGNAL, opened.stage(), "a call opens a case at stage SIGNAL");
    RegistryService.CaseHotlineView own = registry.forCase(coordinator, caseId).orElseThrow();
    assertEquals(1, own.linkedCalls().size());
    assertEquals(
        "+381 60 555 0101",
        own.linkedCalls().get(0).callerContact(),
        "the NGO sees the contact its caller agreed to leave");
    assertEquals(
        "hotline.error.caseworkersOnly",
        assertThrows(
                InvalidRequestException.class,
                () -> hotline.recordAndOpenCase(viewer("hl.operator"), help))
            .messageKey());

    // Other organisations see nothing of the hotline...
    HotlineService.CallQuery all =
        new HotlineService.CallQuery(
            0, 500, HotlineService.SortColumn.CALLED_AT, false, null, null, null);
    for (String user : List.of("hl.csw", "hl.police")) {
      Viewer v = viewer(user);
      assertThrows(NotPermittedException.class, () -> hotline.list(v, all), user);
      assertThrows(NotPermittedException.class, () -> hotline.count(v, all), user);
      assertThrows(NotPermittedException.class, () -> registry.search(v, "a", 10), user);
      assertThrows(NotPermittedException.class, () -> statistics.statistics(v, 2026, null), user);
      assertTrue(registry.forCase(v, caseId).isEmpty(), user + ": the case is not referred");
      assertTrue(hotline.followUpsDue(v, 10).isEmpty());
    }
    assertTrue(
        hotline.list(viewer("hl.other"), all).stream()
            .noneMatch(r -> r.caseId() != null && r.caseId() == caseId),
        "another NGO's log holds none of HL NGO's calls");

    // ...until the case is referred with the person's consent to share EXPLOITATION.
    LocalDate today = LocalDate.now(BELGRADE);
    consents.give(
        coordinator,
        new ConsentService.NewConsentForm(
            caseId,
            orgId("HL Social Work Centre"),
            Purpose.SOCIAL_PROTECTION,
            EnumSet.of(DataCategory.EXPLOITATION),
            today,
            null,
            ConsentMethod.SIGNED_FORM,
            null));
    referrals.send(
        coordinator,
        caseId,
        orgId("HL Social Work Centre"),
        Purpose.SOCIAL_PROTECTION,
        EnumSet.of(DataCategory.EXPLOITATION),
        "support");
    RegistryService.CaseHotlineView shared = registry.forCase(csw, caseId).orElseThrow();
    assertEquals(
        1, shared.linkedCalls().size(), "the linked call travels with the consented category");
    assertEquals("Passport taken by the employer", shared.linkedCalls().get(0).summary());
    assertNull(
        shared.linkedCalls().get(0).callerContact(), "the caller's contact stays with the NGO");
    assertTrue(exploitationReads(caseId, "hl.csw") > 0, "and the centre's read is recorded");
    assertTrue(shared.warnings().isEmpty(), "the NGO's registry is not shown to the centre");
    assertTrue(
        registry.forCase(viewer("hl.police"), caseId).isEmpty(), "the police still see nothing");
  }

  @Test
  void statisticsMatchAFixtureWithKnownCountsIncludingThePreventiveShare() throws Exception {
    Viewer operator = viewer("hl.operator");
    // Ten calls in January and March 2019 (a year no other test uses) and three checks.
    Object[][] fixture = {
      {
        1,
        CallPurpose.JOB_OFFER_CHECK,
        CallChannel.PHONE,
        CallerType.POTENTIAL_VICTIM,
        CheckOutcome.TRAFFICKING_RISK
      },
      {
        1,
        CallPurpose.JOB_OFFER_CHECK,
        CallChannel.PHONE,
        CallerType.POTENTIAL_VICTIM,
        CheckOutcome.LEGITIMATE
      },
      {1, CallPurpose.PREVENTIVE_INFORMATION, CallChannel.SMS, CallerType.FAMILY_MEMBER, null},
      {1, CallPurpose.SUSPECTED_TRAFFICKING_REPORT, CallChannel.PHONE, CallerType.CITIZEN, null},
      {1, CallPurpose.VICTIM_HELP_REQUEST, CallChannel.WALK_IN, CallerType.POTENTIAL_VICTIM, null},
      {3, CallPurpose.INFORMATION_ON_RIGHTS, CallChannel.EMAIL, CallerType.INSTITUTION, null},
      {3, CallPurpose.OTHER, CallChannel.SOCIAL_NETWORK, CallerType.ANONYMOUS, null},
      {3, CallPurpose.SUSPECTED_TRAFFICKING_REPORT, CallChannel.PHONE, CallerType.ANONYMOUS, null},
      {3, CallPurpose.SUSPECTED_TRAFFICKING_REPORT, CallChannel.PHONE, CallerType.ANONYMOUS, null},
      {
        3,
        CallPurpose.JOB_OFFER_CHECK,
        CallChannel.SOCIAL_NETWORK,
        CallerType.FAMILY_MEMBER,
        CheckOutcome.TRAFFICKING_RISK
      },
    };
    int day = 1;
    for (Object[] f : fixture) {
      Instant at =
          LocalDateTime.of(2019, (Integer) f[0], 1, 10, 0)
              .plusDays(day++)
              .atZone(BELGRADE)
              .toInstant();
      rs.astra.nrm.hotline.JobOfferCheckForm check =
          f[4] == null
              ? null
              : check("Fixture Employer " + day, null, (CheckOutcome) f[4], Set.of());
      hotline.record(
          operator, call(at, (CallPurpose) f[1], (CallChannel) f[2], (CallerType) f[3], check));
    }
    // 00:30 on 1 February in Belgrade is still 31 January in UTC: the Belgrade calendar counts.
    hotline.record(
        operator,
        call(
            LocalDateTime.of(2019, 2, 1, 0, 30).atZone(BELGRADE).toInstant(),
            CallPurpose.OTHER,
            CallChannel.PHONE,
            CallerType.CITIZEN,
            null));

    HotlineStatistics year = statistics.statistics(operator, 2019, null);
    assertEquals(11, year.calls());
    assertEquals(
        4, year.preventiveCalls(), "three job-offer checks and one preventive information call");
    assertEquals(new BigDecimal("36.4"), year.preventiveSharePercent(), "4 of 11");
    assertEquals(3, year.calls(CallPurpose.JOB_OFFER_CHECK));
    assertEquals(3, year.calls(CallPurpose.SUSPECTED_TRAFFICKING_REPORT));
    assertEquals(6, year.calls(CallChannel.PHONE));
    assertEquals(3, year.calls(CallerType.ANONYMOUS));
    assertEquals(3, year.checks());
    assertEquals(2, year.checks(CheckOutcome.TRAFFICKING_RISK));
    assertEquals(new HotlineStatistics.MonthFigures(1, 5, 3, 2), year.months().get(0));
    assertEquals(
        new HotlineStatistics.MonthFigures(2, 1, 0, 0),
        year.months().get(1),
        "the call at 00:30 on 1 February counts in February");

    HotlineStatistics january = statistics.statistics(operator, 2019, 1);
    assertEquals(5, january.calls());
    assertEquals(new BigDecimal("60.0"), january.preventiveSharePercent());
    HotlineStatistics march = statistics.statistics(operator, 2019, 3);
    assertEquals(5, march.calls());
    assertEquals(new BigDecimal("20.0"), march.preventiveSharePercent());
    assertEquals(1, march.checks(CheckOutcome.TRAFFICKING_RISK));

    assertEquals(
        0,
        statistics.statistics(viewer("hl.other"), 2019, null).calls(),
        "another NGO counts only its own calls");
    assertTrue(statistics.years(operator).contains(2019));
  }

  @Test
  void anOperatorCorrectsACallsRecordAndTheCorrectionIsRecorded() throws Exception {
    Viewer operator = viewer("hl.operator");
    Instant at = LocalDateTime.of(2026, 3, 10, 14, 5).atZone(BELGRADE).toInstant();
    long id =
        hotline.record(
            operator,
            call(
                at,
                CallPurpose.PREVENTIVE_INFORMATION,
                CallChannel.PHONE,
                CallerType.CITIZEN,
                null));
    long version = em.find(rs.astra.nrm.hotline.HotlineCall.class, id).getVersion();
    HotlineService.CallCorrectionForm corrected =
        new HotlineService.CallCorrectionForm(
            CallChannel.PHONE,
            CallerType.POTENTIAL_VICTIM,
            CallPurpose.VICTIM_HELP_REQUEST,
            25,
            null,
            "Asked for help",
            "Referred to the shelter",
            LocalDate.of(2026, 3, 12));

    // Bad input changes nothing.
    assertEquals(
        "hotline.error.followUpBeforeCall",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    hotline.correct(
                        operator,
                        id,
                        version,
                        new HotlineService.CallCorrectionForm(
                            CallChannel.PHONE,
                            CallerType.CITIZEN,
                            CallPurpose.OTHER,
                            null,
                            null,
                            null,
                            null,
                            LocalDate.of(2026, 3, 9))))
            .messageKey());
    assertEquals(
        "hotline.error.invalid",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    hotline.correct(
                        operator,
                        id,
                        version,
                        new HotlineService.CallCorrectionForm(
                            CallChannel.PHONE,
                            CallerType.CITIZEN,
                            CallPurpose.OTHER,
                            601,
                            null,
                            null,
                            null,
                            null)))
            .messageKey());
    assertEquals(
        "hotline.error.callNotFound",
        assertThrows(
                InvalidRequestException.class,
                () -> hotline.correct(viewer("hl.other"), id, version, corrected))
            .messageKey(),
        "another NGO's operator cannot touch it");
    assertThrows(
        rs.astra.nrm.organisation.NotPermittedException.class,
        () -> hotline.correct(viewer("hl.csw"), id, version, corrected));
    assertEquals(
        CallPurpose.PREVENTIVE_INFORMATION,
        em.find(rs.astra.nrm.hotline.HotlineCall.class, id).getPurpose());

    hotline.correct(operator, id, version, corrected);
    rs.astra.nrm.hotline.HotlineCall call = em.find(rs.astra.nrm.hotline.HotlineCall.class, id);
    assertEquals(CallPurpose.VICTIM_HELP_REQUEST, call.getPurpose());
    assertEquals(CallerType.POTENTIAL_VICTIM, call.getCallerType());
    assertEquals(at, call.getCalledAt(), "the time of the call stays");
    assertTrue(
        hotline.followUpsDue(operator, 50).stream()
            .anyMatch(r -> r.id() == id && "Asked for help".equals(r.summary())),
        "the corrected follow-up day is due");
    assertThrows(
        rs.astra.nrm.shared.ConcurrentUpdateException.class,
        () -> hotline.correct(operator, id, version, corrected),
        "a second correction from the same stale form");
    List<rs.astra.nrm.audit.ActivityRecord> kept =
        em.createQuery(
                "select a from ActivityRecord a where a.subjectId = :id and a.kind = :kind",
                rs.astra.nrm.audit.ActivityRecord.class)
            .setParameter("id", id)
            .setParameter("kind", rs.astra.nrm.audit.ActivityRecord.Kind.HOTLINE_CALL_CORRECTED)
            .getResultList();
    assertEquals(1, kept.size(), "the correction is recorded once");
    assertEquals(operator.userId(), kept.get(0).getUserId());
    assertEquals(null, kept.get(0).getDetail(), "never what the call says");
  }

  /**
   * Another transaction changes the call between the operator's check of the version and her write:
   * her check passes, her write finds another version. The write then fails on the version; the
   * operator gets the application's own "changed by someone else", and nothing of what the call
   * says reaches the server's log (the provider's exception carries the values of the failed
   * statement).
   */
  @Test
  void aCorrectionLosingARaceIsReportedAsAConcurrentChangeAndLogsNothingOfTheCall()
      throws Exception {
    Viewer operator = viewer("hl.operator");
    long id = hotline.record(operator, call(CallPurpose.OTHER, null));
    long version = em.find(rs.astra.nrm.hotline.HotlineCall.class, id).getVersion();
    String secret = "SECRET-Jelena-was-taken-to-Vienna";
    java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler capture =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord r) {
            StringBuilder text = new StringBuilder(String.valueOf(r.getMessage()));
            if (r.getParameters() != null) {
              for (Object p : r.getParameters()) {
                text.append(' ').append(p);
              }
            }
            for (Throwable t = r.getThrown();
                t != null;
                t = t.getCause() == t ? null : t.getCause()) {
              text.append(' ').append(t);
            }
            logged.add(text.toString());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.addHandler(capture);
    java.util.concurrent.ExecutorService operatorsClick =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try (var other =
        ((javax.sql.DataSource) new javax.naming.InitialContext().lookup("java:app/jdbc/nrm"))
            .getConnection()) {
      // The other transaction changes the call and holds the row until it commits.
      other.setAutoCommit(false);
      try (var st = other.createStatement()) {
        assertEquals(
            1, st.executeUpdate("update hotline_call set version = version + 1 where id = " + id));
      }
      HotlineService.CallCorrectionForm form =
          new HotlineService.CallCorrectionForm(
              CallChannel.PHONE,
              CallerType.POTENTIAL_VICTIM,
              CallPurpose.VICTIM_HELP_REQUEST,
              10,
              null,
              secret,
              null,
              null);
      // The operator's correction reads the last committed version (its own check passes) and waits
      // at its write for the row; then the other transaction commits.
      long[] reached = new long[2];
      java.util.concurrent.Future<?> correction =
          operatorsClick.submit(
              () -> {
                reached[0] = System.nanoTime();
                try {
                  hotline.correct(operator, id, version, form);
                } finally {
                  reached[1] = System.nanoTime();
                }
                return null;
              });
      Thread.sleep(1500);
      long committed = System.nanoTime();
      other.commit();
      java.util.concurrent.ExecutionException failed =
          assertThrows(
              java.util.concurrent.ExecutionException.class,
              () -> correction.get(60, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(
          rs.astra.nrm.shared.ConcurrentUpdateException.class,
          failed.getCause().getClass(),
          "the operator is told someone else changed the call: " + failed.getCause());
      System.out.println(
          "RACE: started "
              + (committed - reached[0]) / 1_000_000
              + " ms before the commit, ended "
              + (reached[1] - committed) / 1_000_000
              + " ms after");
    } finally {
      operatorsClick.shutdownNow();
      root.removeHandler(capture);
    }
    assertTrue(
        logged.stream().noneMatch(l -> l.contains(secret)),
        "the server's log holds nothing of the call: " + logged);
    assertEquals(
        CallPurpose.OTHER,
        em.createQuery("select c.purpose from HotlineCall c where c.id = :id", CallPurpose.class)
            .setParameter("id", id)
            .getSingleResult(),
        "nothing changed");
  }

  // ------------------------------------------------------------------ pages (from outside)

  @Test
  @RunAsClient
  void aSocialWorkerGetsNoHotlinePage() throws Exception {
    HttpClient http = client();
    signIn(http, "csw.belgrade");
    for (String page :
        List.of("app/hotline.xhtml", "app/registry.xhtml", "app/hotline-statistics.xhtml")) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.toURI().resolve(page)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(403, r.statusCode(), page);
      assertFalse(
          r.body().contains("callForm")
              || r.body().contains("searchForm")
              || r.body().contains("statsForm"),
          page);
      assertFalse(r.body().contains("Đorđević Staffing"), page);
    }
    HttpResponse<String> home =
        http.send(
            HttpRequest.newBuilder(base.toURI().resolve("app/home.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertFalse(home.body().contains("navHotline"), "no hotline entry in the header");
    assertFalse(home.body().contains("flaggedCases"));
  }

  @Test
  @RunAsClient
  void theCoordinatorIsLedFromHerHomePageToTheEarlierChecksOfTheDemoCasesAgency() throws Exception {
    HttpClient http = client();
    String home = signIn(http, "ngo.coordinator");
    assertTrue(
        home.contains("navHotline")
            && home.contains("navRegistry")
            && home.contains("navHotlineStatistics"),
        "the header leads to the hotline");
    Matcher link =
        Pattern.compile(
                "<tr class=\"flagged-case\">.*?href=\"([^\"]+)\"[^>]*>(NRM-[0-9A-Z-]+)<.*?</tr>",
                Pattern.DOTALL)
            .matcher(home);
    String caseUrl = null;
    while (link.find()) {
      if (link.group(0).contains("Đorđević Staffing")) {
        caseUrl = link.group(1).replace("&amp;", "&");
      }
    }
    assertTrue(caseUrl != null, "the home page links the demo case to the flagged agency");
    String page =
        http.send(
                HttpRequest.newBuilder(base.toURI().resolve(caseUrl)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertTrue(page.contains("Ђорђевић Стафинг д.о.о."), "the case names the agency in Cyrillic");
    assertTrue(page.contains("hotline-warning"), "the case page warns of the flagged agency");
    assertTrue(
        page.contains("DJORDJEVIC STAFFING DOO") && page.contains("0101-1234/2019"),
        "with the earlier checks, however they wrote the name");
  }

  @Test
  @RunAsClient
  void theHotlineOperatorSearchesTheRegistryAndExportsTheStatistics() throws Exception {
    HttpClient http = client();
    signIn(http, "ngo.hotline");
    for (String spelling : List.of("Djordjevic", "Đorđević", "Ђорђевић")) {
      String page =
          get(http, "app/registry.xhtml?q=" + URLEncoder.encode(spelling, StandardCharsets.UTF_8));
      assertTrue(
          page.contains("class=\"registry-entry\"") && page.contains("Đorđević Staffing d.o.o."),
          spelling);
      assertFalse(page.contains("Hotel Adriatic"), spelling + " finds only the matching name");
    }
    String calls = get(http, "app/hotline.xhtml");
    assertTrue(calls.contains("callForm:saveCall"), "the new-call form");
    assertTrue(calls.contains("call-taken-by"), "the log shows who took each call");
    assertFalse(calls.contains("callForm:saveAndOpenCase"), "an operator does not open cases");

    String stats = get(http, "app/hotline-statistics.xhtml");
    assertTrue(
        stats.contains("statsForm:monthsChart") && stats.contains("statsForm:purposeChart"),
        "the charts are on the page");
    String viewState = find(stats, "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    String action = find(stats, "<form id=\"statsForm\"[^>]*action=\"([^\"]+)\"");
    HttpResponse<String> csv =
        http.send(
            HttpRequest.newBuilder(base.toURI().resolve(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "statsForm=statsForm&statsForm%3ApurposeTable%3ApurposeCsv=&jakarta.faces.ViewState="
                            + URLEncoder.encode(viewState, StandardCharsets.UTF_8)
                            + PortalSession.nonceParameter(stats)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, csv.statusCode());
    assertTrue(
        csv.headers().firstValue("Content-Type").orElse("").contains("csv"),
        csv.headers().map().toString());
    assertTrue(
        csv.body().contains("Provera ponude za posao"),
        "the exported table in the user's language: " + csv.body());
  }

  @Test
  @RunAsClient
  void aJobOfferCheckIsRecordedFromTheHotlinePageAndFoundInTheRegistry() {
    try (Browser browser = new Browser(base)) {
      browser.login("ngo.hotline");
      browser.open("app/hotline.xhtml");
      // What a hotline operator does while the caller is on the line: purpose, agency, one red
      // flag, outcome, save.
      browser.tick("callForm:purpose", "JOB_OFFER_CHECK");
      browser.find("[id='callForm:agencyName']").sendKeys("Petrović Poslovi d.o.o.");
      browser.find("[id='callForm:destinationCountry']").sendKeys("mt");
      browser.tick("callForm:iloFlags", "RETENTION_OF_IDENTITY_DOCUMENTS");
      browser.tick("callForm:checkOutcome", "TRAFFICKING_RISK");
      browser.screenshot("hotline-new-check");
      browser.find("[id='callForm:saveCall']").click();
      browser.waitForAjax();
      assertTrue(
          browser.find("[id='callForm:messages']").getText().contains("Poziv je zabeležen."),
          browser.find("[id='callForm:messages']").getText());
      assertTrue(
          browser
              .find("[id='logForm:calls_data'] tr")
              .getText()
              .contains("Petrović Poslovi d.o.o."),
          "the newest call heads the log");

      // A mistake in its record is corrected from the log, and the correction shows.
      browser.find("[id='logForm:calls_data'] tr .correct-call").click();
      browser.waitForAjax();
      browser.visible("[id='logForm:correctDialog']");
      browser.typeText("logForm:editSummary", "Agencija traži 300 evra za vizu.");
      browser.find("[id='logForm:saveCorrection']").click();
      browser.waitForAjax();
      assertTrue(
          browser
              .find("[id='logForm:logMessages']")
              .getText()
              .contains("Zapis poziva je ispravljen."),
          browser.find("[id='logForm:logMessages']").getText());
      browser.find("[id='logForm:calls_data'] tr .ui-row-toggler").click();
      browser.waitForAjax();
      assertTrue(
          browser
              .visible("[id='logForm:calls_data'] .hotline-advice")
              .getText()
              .contains("Agencija traži 300 evra za vizu."),
          "the corrected summary");

      browser.open("app/registry.xhtml");
      browser.find("[id='searchForm:query']").sendKeys("ПЕТРОВИЋ");
      browser.find("[id='searchForm:search']").click();
      browser.waitForAjax();
      assertTrue(
          browser
              .find("[id='searchForm:results'] a.registry-entry")
              .getText()
              .contains("Petrović Poslovi d.o.o."),
          "found in Cyrillic");
      browser.screenshot("registry-search");

      java.util.Map<String, List<String>> violations = new java.util.LinkedHashMap<>();
      for (String page :
          List.of("app/hotline.xhtml", "app/registry.xhtml", "app/hotline-statistics.xhtml")) {
        browser.open(page);
        violations.put(page, browser.seriousAccessibilityViolations());
      }
      browser.screenshot("hotline-statistics");
      violations.values().removeIf(List::isEmpty);
      assertTrue(violations.isEmpty(), "axe-core: " + violations);
    }
  }

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .cookieHandler(new BrowserCookies())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  private String get(HttpClient http, String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.toURI().resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), path);
    return r.body();
  }

  /** Signs in through the login form and returns the page it lands on (the home page). */
  private String signIn(HttpClient http, String user) throws Exception {
    HttpResponse<String> form =
        http.send(
            HttpRequest.newBuilder(base.toURI().resolve("app/home.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    String html = form.body();
    String viewState = find(html, "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    String action = find(html, "<form id=\"loginForm\"[^>]*action=\"([^\"]+)\"");
    String body =
        "loginForm=loginForm&loginForm%3Ausername="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&loginForm%3Apassword=demo"
            + "&loginForm%3Asubmit=&jakarta.faces.ViewState="
            + URLEncoder.encode(viewState, StandardCharsets.UTF_8)
            + PortalSession.nonceParameter(html);
    return http.send(
            HttpRequest.newBuilder(form.uri().resolve(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String find(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    assertTrue(m.find(), "page has " + regex);
    return m.group(1).replace("&amp;", "&");
  }
}
