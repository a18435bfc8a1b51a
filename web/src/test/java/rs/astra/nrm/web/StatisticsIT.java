package rs.astra.nrm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
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
import rs.astra.nrm.audit.AuditRecord;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessBasis;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.exchange.CtdcImportException;
import rs.astra.nrm.exchange.CtdcImportProblem;
import rs.astra.nrm.exchange.CtdcReader;
import rs.astra.nrm.exchange.CtdcRow;
import rs.astra.nrm.exchange.HtcdsCaseRecord;
import rs.astra.nrm.exchange.HtcdsExportService;
import rs.astra.nrm.exchange.HtcdsImportService;
import rs.astra.nrm.exchange.HtcdsSpreadsheetReader;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.proceedings.ProceedingsEntryKind;
import rs.astra.nrm.proceedings.ProceedingsService;
import rs.astra.nrm.referral.ReferralService;
import rs.astra.nrm.statistics.CtdcAnonymiser;
import rs.astra.nrm.statistics.CtdcExchangeService;
import rs.astra.nrm.statistics.Dimension;
import rs.astra.nrm.statistics.MonthlySummaryService;
import rs.astra.nrm.statistics.ProtectedTable;
import rs.astra.nrm.statistics.StatisticsService;
import rs.astra.nrm.statistics.StatisticsTable;

/**
 * Statistics and data exchange through the real services on the portal's database: figures against
 * hand counts of {@link StatisticsFixture}'s caseload (as the organisation sees them, and as they
 * are exported, protected), protection of figures of all organisations, the HTCDS export's policy
 * filtering and audit, its round trip through the importer, the CTDC import in the yearly table,
 * the CTDC export without groups under 5, the monthly summary, and the pages and a table export
 * over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class StatisticsIT {

  @Deployment
  static WebArchive portal() {
    return Deployments.packagedPortal(
        StatisticsFixture.class, RetentionFixture.class, LogCapture.class, PortalSession.class);
  }

  @Inject StatisticsService statistics;
  @Inject HtcdsExportService htcdsExport;
  @Inject HtcdsImportService htcdsImport;
  @Inject CtdcExchangeService ctdc;
  @Inject MonthlySummaryService monthly;
  @Inject CaseFileService cases;
  @Inject ReferralService referrals;
  @Inject ProceedingsService proceedings;
  @Inject UserDirectory directory;
  @Inject rs.astra.nrm.retention.RetentionService retention;
  @Inject rs.astra.nrm.retention.RetentionJob retentionJob;
  @Inject rs.astra.nrm.rights.DataSubjectRequestService dsr;
  @Inject rs.astra.nrm.consent.CaseAccess caseAccess;
  @Inject rs.astra.nrm.consent.AccessEnforcer enforcer;

  @PersistenceContext(unitName = "nrm")
  EntityManager em;

  @Resource UserTransaction tx;

  private static final StatisticsService.Period YEARS_2017_TO_2019 =
      new StatisticsService.Period(LocalDate.of(2017, 1, 1), LocalDate.of(2019, 12, 31));
  private static final StatisticsService.Period YEAR_2019 =
      new StatisticsService.Period(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));

  /** Creates the fixture once per server, the CTDC records through the import. */
  private Viewer viewer(String username) throws Exception {
    synchronized (StatisticsIT.class) {
      if (!StatisticsFixture.exists(em)) {
        StatisticsFixture.create(em, tx);
        Viewer coordinator = directory.viewerFor("st.coordinator").orElseThrow();
        assertEquals(
            20,
            ctdc.importFile(
                coordinator,
                new ByteArrayInputStream(
                    StatisticsFixture.ctdcFile().getBytes(StandardCharsets.UTF_8)),
                "ctdc.csv"));
      }
    }
    return directory.viewerFor(username).orElseThrow();
  }

  /**
   * The table with its totals as texts: rows, then the totals row; the last column is the row
   * total.
   */
  private static List<List<String>> grid(ProtectedTable t) {
    List<List<String>> grid = new ArrayList<>();
    for (int i = 0; i < t.rows(); i++) {
      List<String> row =
          new ArrayList<>(t.cells().get(i).stream().map(ProtectedTable.Cell::text).toList());
      row.add(t.rowTotals().get(i).text());
      grid.add(row);
    }
    List<String> totals =
        new ArrayList<>(t.columnTotals().stream().map(ProtectedTable.Cell::text).toList());
    totals.add(t.grandTotal().text());
    grid.add(totals);
    return grid;
  }

  @Test
  void theYearlyTableCountsTheOrganisationsVictimsAndItsCtdcRecordsAndExportsThemProtected()
      throws Exception {
    StatisticsTable t =
        statistics.victims(
            viewer("st.caseworker"), YEARS_2017_TO_2019, Dimension.YEAR, Dimension.SEX);
    assertEquals(
        List.of("2017", "2018", "2019"),
        t.shown().rowLabels(),
        "2017 and 2018 come from the imported CTDC records");
    assertEquals(List.of("FEMALE", "MALE"), t.shown().columnLabels());
    // Hand counts: CTDC 2017 7 women and 1 man, 2018 6 and 6; the portal's 2019 victims 8 and 6.
    assertEquals(
        List.of(
            List.of("7", "1", "8"),
            List.of("6", "6", "12"),
            List.of("8", "6", "14"),
            List.of("21", "13", "34")),
        grid(t.shown()),
        "the organisation's own figures, on its own screen");
    // The 1 is hidden, and so is the cheapest cycle through it (hand-computed): 7 in its row, the
    // 2018 row; the totals stay and give nothing away: x + <5 = 8, x + x = 12.
    assertEquals(
        List.of(
            List.of("x", "<5", "8"),
            List.of("x", "x", "12"),
            List.of("8", "6", "14"),
            List.of("21", "13", "34")),
        grid(t.exported()),
        "the export");
  }

  @Test
  void formsOfExploitationCasesByStageMinorsReferralsAndProceedingsMatchHandCounts()
      throws Exception {
    Viewer caseworker = viewer("st.caseworker");
    StatisticsTable forms =
        statistics.victims(caseworker, YEAR_2019, Dimension.EXPLOITATION, Dimension.SEX);
    assertEquals(
        List.of("ForcedLabour", "SexualExploitation", "ForcedBegging"), forms.shown().rowLabels());
    assertEquals(
        List.of(
            List.of("2", "5", "7"),
            List.of("6", "0", "6"),
            List.of("0", "1", "1"),
            List.of("8", "6", "14")),
        grid(forms.shown()));
    assertEquals("<5", forms.exported().cell(0, 0).text());
    assertEquals("0", forms.exported().cell(1, 1).text(), "zero stays zero");
    assertEquals("<5", forms.exported().cell(2, 1).text());

    StatisticsTable stages = statistics.casesByStage(caseworker, YEAR_2019);
    assertEquals(
        List.of("PRESUMED_VICTIM", "NOT_IDENTIFIED", "ASSISTANCE"), stages.shown().rowLabels());
    assertEquals(
        List.of(List.of("2", "2"), List.of("1", "1"), List.of("12", "12"), List.of("15", "15")),
        grid(stages.shown()));
    assertEquals(
        List.of(List.of("<5", "<5"), List.of("<5", "<5"), List.of("12", "12"), List.of("15", "15")),
        grid(stages.exported()),
        "two small stages hide each other: 15 − 12 = 3 cannot be split");

    StatisticsTable minors = statistics.minorsByYear(caseworker, YEAR_2019);
    assertEquals(List.of("MINOR", "ADULT", "UNKNOWN"), minors.shown().columnLabels());
    assertEquals(
        List.of(List.of("2", "11", "1", "14"), List.of("2", "11", "1", "14")),
        grid(minors.shown()),
        "the two 15-year-old girls are children");

    StatisticsService.ReferralFigures routes = statistics.referrals(caseworker, YEAR_2019);
    assertEquals(List.of("NGO>SOCIAL_WORK_CENTRE"), routes.table().shown().rowLabels());
    assertEquals(
        List.of(List.of("4", "1", "1", "6"), List.of("4", "1", "1", "6")),
        grid(routes.table().shown()));
    assertEquals(
        new StatisticsService.RouteFigures(0.8, 3.0),
        routes.shown().getFirst(),
        "4 of 5 answered accepted; answers after 1, 2, 3, 4 and 10 days");
    assertEquals(
        List.of(List.of("<5", "<5", "<5", "6"), List.of("<5", "<5", "<5", "6")),
        grid(routes.table().exported()));
    assertEquals(
        new StatisticsService.RouteFigures(null, 3.0),
        routes.exported().getFirst(),
        "the rate would reveal the hidden counts; 5 answers give a median");

    StatisticsTable steps = statistics.proceedingsBySteps(caseworker, YEAR_2019);
    assertEquals(List.of("COMPLAINT_FILED", "VERDICT"), steps.shown().rowLabels());
    assertEquals(
        List.of(List.of("6", "6"), List.of("1", "1"), List.of("7", "7")), grid(steps.shown()));
    assertEquals(
        List.of(List.of("x", "x"), List.of("<5", "<5"), List.of("7", "7")), grid(steps.exported()));
    StatisticsTable verdicts = statistics.verdicts(caseworker, YEAR_2019);
    assertEquals(List.of("ART_388_TRAFFICKING"), verdicts.shown().rowLabels());
    assertEquals(List.of(List.of("1", "1"), List.of("1", "1")), grid(verdicts.shown()));

    List<StatisticsTable> contributed = statistics.contributed(caseworker, YEAR_2019);
    assertEquals(
        Set.of("statistics.services", "statistics.hotlineCalls", "statistics.jobOfferChecks"),
        Set.copyOf(contributed.stream().map(StatisticsTable::titleKey).toList()));
    StatisticsTable services =
        contributed.stream()
            .filter(t -> t.titleKey().equals("statistics.services"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        0,
        contributed.stream()
            .filter(t -> t.titleKey().equals("statistics.hotlineCalls"))
            .findFirst()
            .orElseThrow()
            .shown()
            .rows(),
        "ST NGO keeps no hotline");
    assertEquals(List.of("Legal", "Accommodation"), services.shown().rowLabels());
    assertEquals(
        List.of(
            "PLANNED", "REFERRED", "IN_PROGRESS", "PROVIDED", "DECLINED_BY_PERSON", "UNAVAILABLE"),
        services.shown().columnLabels());
    assertEquals(
        List.of(
            List.of("1", "0", "0", "0", "0", "0", "1"),
            List.of("0", "0", "0", "3", "0", "0", "3"),
            List.of("1", "0", "0", "3", "0", "0", "4")),
        grid(services.shown()));
    assertEquals(
        List.of(
            List.of("<5", "0", "0", "0", "0", "0", "<5"),
            List.of("0", "0", "0", "<5", "0", "0", "<5"),
            List.of("<5", "0", "0", "<5", "0", "0", "<5")),
        grid(services.exported()));

    assertEquals(
        "statistics.error.dimensions",
        assertThrows(
                rs.astra.nrm.shared.InvalidRequestException.class,
                () -> statistics.victims(caseworker, YEAR_2019, Dimension.SEX, Dimension.SEX))
            .messageKey());
  }

  @Test
  void figuresOfAllOrganisationsAreProtectedOnScreenToo() throws Exception {
    for (String username : List.of("st.coordinator", "st.admin")) {
      Viewer v = viewer(username);
      assertTrue(StatisticsService.seesAllOrganisations(v));
      for (StatisticsTable t :
          List.of(
              statistics.victims(v, YEARS_2017_TO_2019, Dimension.YEAR, Dimension.SEX),
              statistics.casesByStage(v, YEARS_2017_TO_2019),
              statistics.referrals(v, YEARS_2017_TO_2019).table(),
              statistics.victims(
                  v,
                  new StatisticsService.Period(LocalDate.of(2000, 1, 1), LocalDate.now()),
                  Dimension.CITIZENSHIP,
                  Dimension.EXPLOITATION))) {
        assertEquals(t.exported(), t.shown(), "the screen shows the protected table");
        for (List<String> row : grid(t.shown())) {
          for (String cell : row) {
            assertFalse(
                cell.matches("[1-4]"),
                username + ": " + t.titleKey() + " shows a small count " + row);
          }
        }
      }
    }
    assertFalse(
        StatisticsService.seesAllOrganisations(viewer("st.csw")),
        "others see their own organisation's figures");
  }

  @Test
  void theHtcdsExportHoldsOnlyTheCategoriesThePolicyPermitsAndEachIsAudited() throws Exception {
    Viewer csw = viewer("st.csw");
    long consented = StatisticsFixture.consentedCase(em, tx);
    Instant before = Instant.now();
    HtcdsExportService.ExportFile file = htcdsExport.export(csw, HtcdsExportService.Format.CSV);
    // Read field by field: the importer would refuse this file, as only the owner's export names
    // case owners.
    List<Map<String, String>> records = csvRecords(file.content());
    assertEquals(file.cases(), records.size());
    assertTrue(
        records.size() >= 6,
        "the cases referred to the centre: five of 2019 still live and the consented one");
    List<Map<String, String>> named =
        records.stream().filter(r -> !r.get("prs_FirstName").isEmpty()).toList();
    assertEquals(
        1, named.size(), "IDENTITY only where the person consented to share it with the centre");
    assertEquals("Policy", named.getFirst().get("prs_FirstName"));
    assertEquals("1999-09-09", named.getFirst().get("prs_Birthdate"));
    for (Map<String, String> r : records) {
      assertEquals("", r.get("cas_CaseOwner"), "a staff member's user name only for the owner");
      for (String contact :
          List.of("prs_MobilePhone", "prs_MailingCity", "prs_MailingCountry", "prs_Email")) {
        assertEquals("", r.get(contact), "CONTACT is never permitted to the centre: " + contact);
      }
      for (String exploitation :
          List.of(
              "vic_MethodsOfControl",
              "vic_LocationOfExploitation",
              "cas_IncomingReferralDetails")) {
        assertEquals(
            "",
            r.get(exploitation),
            "EXPLOITATION is never permitted to the centre: " + exploitation);
      }
      assertFalse(r.get("vic_TypeOfExploitation").isEmpty(), "the case summary is");
    }
    List<AuditRecord> audit =
        em.createQuery(
                "select a from AuditRecord a where a.username = 'st.csw' and a.action = :export and a.at >= :before",
                AuditRecord.class)
            .setParameter("export", AccessAction.EXPORT)
            .setParameter("before", before)
            .getResultList();
    assertEquals(1, audit.size(), "one record: the one personal category exported, of one case");
    assertEquals(consented, audit.getFirst().getCaseFileId());
    assertEquals(DataCategory.IDENTITY, audit.getFirst().getCategory());
    assertEquals(AccessBasis.CONSENT, audit.getFirst().getBasis());

    assertEquals(
        0,
        htcdsExport.export(viewer("st.admin"), HtcdsExportService.Format.CSV).cases(),
        "administrators export no case");
  }

  @Test
  void anHtcdsFileExportedByThePortalReimportsAsTheSameCases() throws Exception {
    Viewer coordinator = viewer("st.exchange");
    StatisticsFixture.exchangeCaseload(em, tx);
    Instant before = Instant.now();
    byte[] first = htcdsExport.export(coordinator, HtcdsExportService.Format.CSV).content();
    List<AuditRecord> audit =
        em.createQuery(
                "select a from AuditRecord a where a.username = 'st.exchange' and a.action = :export and a.at >= :before",
                AuditRecord.class)
            .setParameter("export", AccessAction.EXPORT)
            .setParameter("before", before)
            .getResultList();
    assertEquals(
        12,
        audit.size(),
        "per case the three personal categories the file carries, none it does not (health, proceedings, social)");
    assertEquals(
        Set.of(DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.EXPLOITATION),
        Set.copyOf(audit.stream().map(AuditRecord::getCategory).toList()));
    assertTrue(audit.stream().allMatch(a -> a.getBasis() == AccessBasis.OWNER));
    List<String> lines = dataLines(first);
    assertEquals(4, lines.size(), "the organisation's four cases");
    assertTrue(
        lines.stream().allMatch(l -> l.startsWith("st.exchange.cw,")),
        "the owner's export names the case owner");
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.contains("Драгана")
                        && l.contains("x1@example.org")
                        && l.contains("ST Centre")),
        "every category, and the referral");

    HtcdsImportService.ImportOutcome outcome =
        htcdsImport.importCaseload(
            coordinator,
            new ByteArrayInputStream(first),
            "roundtrip.csv",
            // Every row names a person the organisation has a case of: imported again, as asked.
            HtcdsImportService.KnownPersons.IMPORT_AS_NEW);
    assertEquals(4, outcome.cases());
    assertEquals(3, outcome.referrals());

    // Exported again, every case is there twice: the original and its re-imported copy, field for
    // field.
    Map<String, Integer> expected = new HashMap<>();
    lines.forEach(l -> expected.merge(l, 2, Integer::sum));
    Map<String, Integer> actual = new HashMap<>();
    dataLines(htcdsExport.export(coordinator, HtcdsExportService.Format.CSV).content())
        .forEach(l -> actual.merge(l, 1, Integer::sum));
    assertEquals(expected, actual);

    byte[] workbook = htcdsExport.export(coordinator, HtcdsExportService.Format.XLSX).content();
    List<HtcdsCaseRecord> fromTemplate =
        new HtcdsSpreadsheetReader().read(new ByteArrayInputStream(workbook), "htcds.xlsx");
    assertEquals(8, fromTemplate.size(), "the IOM template reads back too");
    assertEquals(
        2,
        fromTemplate.stream().filter(r -> "Sanja \"Saša\"; Kovač".equals(r.firstName())).count());
  }

  private static List<Map<String, String>> csvRecords(byte[] csv) throws Exception {
    List<Map<String, String>> records = new ArrayList<>();
    String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
    try (org.apache.commons.csv.CSVParser parser =
        org.apache.commons.csv.CSVParser.parse(
            text,
            org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get())) {
      parser.forEach(r -> records.add(r.toMap()));
    }
    return records;
  }

  private static List<String> dataLines(byte[] csv) {
    List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
    return lines.subList(1, lines.size());
  }

  @Test
  void aCtdcFileIsImportedAllOrNothingWithRowNumberedErrors() throws Exception {
    Viewer coordinator = viewer("st.coordinator");
    long before = em.createQuery("select count(r) from CtdcRecord r", Long.class).getSingleResult();
    String bad =
        StatisticsFixture.ctdcFile()
            + "2016;Case Management;Woman;48+;Adult;RS;0;1;0\r\n2099;Hotline;Male;48+;Adult;RS;0;1;0\r\n";
    CtdcImportException e =
        assertThrows(
            CtdcImportException.class,
            () ->
                ctdc.importFile(
                    coordinator,
                    new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)),
                    "bad.csv"));
    assertEquals(
        List.of("22 gender INVALID_GENDER", "23 yearOfRegistration INVALID_YEAR"),
        e.errors().stream()
            .map(x -> x.rowNumber() + " " + x.column() + " " + x.problem())
            .toList());
    assertEquals(
        before,
        em.createQuery("select count(r) from CtdcRecord r", Long.class).getSingleResult(),
        "nothing stored");
    assertThrows(
        rs.astra.nrm.organisation.NotPermittedException.class,
        () ->
            ctdc.importFile(
                viewer("st.caseworker"),
                new ByteArrayInputStream(
                    StatisticsFixture.ctdcFile().getBytes(StandardCharsets.UTF_8)),
                "x.csv"));
    assertEquals(CtdcImportProblem.INVALID_GENDER, e.errors().getFirst().problem());
  }

  @Test
  void theCtdcExportHasNoGroupSmallerThanFive() throws Exception {
    for (String username : List.of("st.coordinator", "st.caseworker", "st.csw")) {
      CtdcExchangeService.ExportFile file = ctdc.export(viewer(username));
      List<CtdcRow> rows =
          file.records() == 0
              ? List.of()
              : new CtdcReader(Clock.systemUTC()).read(new ByteArrayInputStream(file.content()));
      assertEquals(file.records(), rows.size());
      Map<List<Object>, Integer> groups = new HashMap<>();
      rows.forEach(r -> groups.merge(CtdcAnonymiser.key(r), 1, Integer::sum));
      groups.forEach(
          (key, size) -> assertTrue(size >= 5, username + ": group " + key + " has " + size));
      assertTrue(
          rows.stream()
              .allMatch(
                  r -> r.yearOfRegistration() > 1990 && "Case Management".equals(r.datasource())));
    }
    CtdcExchangeService.ExportFile own = ctdc.export(viewer("st.caseworker"));
    assertTrue(
        own.records() >= 10,
        "the six women and five men of 2019 form groups of five or more: " + own.records());
    assertTrue(
        own.suppressed() + own.generalised() > 0,
        "the two girls and the man in forced begging do not stay as they are");
  }

  @Test
  void theMonthlySummaryIsComputedByTheTimerNotOnEachView() throws Exception {
    Viewer owner = viewer("st.month");
    Viewer centre = viewer("st.month.csw");
    long a =
        cases.open(
            owner,
            new CaseFileService.NewCaseForm(
                "Mesec", "Prvi", null, null, "RS", null, null, Set.of(), null, null));
    cases.open(
        owner,
        new CaseFileService.NewCaseForm(
            "Mesec", "Drugi", null, null, "RS", null, null, Set.of(), null, null));
    long centreId = StatisticsFixture.organisation(em, StatisticsFixture.MONTH_CENTRE).getId();
    long referral =
        referrals.send(owner, a, centreId, Purpose.SOCIAL_PROTECTION, Set.of(), "support");
    referrals.accept(
        centre,
        referral,
        referrals.inbox(centre, null, 0, 50).stream()
            .filter(r -> r.id() == referral)
            .findFirst()
            .orElseThrow()
            .version());
    proceedings.record(
        owner,
        a,
        new ProceedingsService.NewEntryForm(
            ProceedingsEntryKind.COMPLAINT_FILED,
            LocalDate.now(StatisticsFixture.ZONE),
            null,
            null,
            null,
            null,
            null,
            null));

    YearMonth month = YearMonth.now(StatisticsFixture.ZONE);
    assertTrue(monthly.computeMonth(month) >= 4, "every organisation");
    MonthlySummaryService.MonthView ngo = monthly.latest(owner, 2).getFirst();
    assertEquals(month, ngo.month());
    assertEquals(
        List.of(2L, 0L, 1L, 0L, 0L, 1L),
        List.of(
            ngo.casesOpened(),
            ngo.identifications(),
            ngo.referralsSent(),
            ngo.referralsReceived(),
            ngo.referralsAccepted(),
            ngo.proceedingsRecorded()));
    MonthlySummaryService.MonthView received = monthly.latest(centre, 2).getFirst();
    assertEquals(
        List.of(0L, 1L, 1L),
        List.of(
            received.referralsSent(), received.referralsReceived(), received.referralsAccepted()));

    cases.open(
        owner,
        new CaseFileService.NewCaseForm(
            "Mesec", "Treći", null, null, null, null, null, Set.of(), null, null));
    assertEquals(
        2,
        monthly.latest(owner, 2).getFirst().casesOpened(),
        "a page view reads what the timer stored");
    monthly.computeMonth(month);
    assertEquals(3, monthly.latest(owner, 2).getFirst().casesOpened(), "the next run counts it");
    assertNotEquals(null, monthly.latest(owner, 2).getFirst().computedAt());
  }

  // ---- over HTTP, as a browser would ----

  @ArquillianResource URL base;

  @Test
  @RunAsClient
  void theStatisticsPageShowsTablesAndChartsAndItsExportIsProtected() throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new BrowserCookies())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    String home = signIn(http, "ngo.caseworker1");
    assertTrue(home.contains("id=\"monthlySummary\""), "the home page has the monthly summary");

    String page = get(http, "app/statistics.xhtml");
    assertTrue(page.contains("id=\"statisticsScope\""), page.length() > 0 ? "statistics page" : "");
    assertTrue(page.contains("statisticsForm:victimsTable"), "the victims' table");
    assertTrue(page.contains("statisticsForm:victimsChart"), "its chart");
    assertFalse(
        Pattern.compile("\\.java:\\d+\\)|Caused by:").matcher(page).find(), "no stack trace");

    // All years of the sample caseload, then the CSV export of the victims' table.
    Map<String, String> form = formFields(page, "statisticsForm");
    form.put("statisticsForm:from_input", "01.01.2000");
    form.put("statisticsForm:show", "");
    String shown = post(http, page, "statisticsForm", form).body();
    assertTrue(shown.contains("statisticsForm:victimsTable"), "shown again");
    Map<String, String> export = formFields(shown, "statisticsForm");
    export.put("statisticsForm:victimsCsv", "");
    HttpResponse<String> csv = post(http, shown, "statisticsForm", export);
    assertTrue(
        csv.headers().firstValue("Content-Disposition").orElse("").contains("nrm-victims"),
        csv.headers().map().toString());
    List<String> cells = new ArrayList<>();
    try (org.apache.commons.csv.CSVParser parser =
        org.apache.commons.csv.CSVParser.parse(
            csv.body(), org.apache.commons.csv.CSVFormat.RFC4180)) {
      parser.stream().skip(1).forEach(r -> r.stream().skip(1).forEach(cells::add));
    }
    assertFalse(cells.isEmpty(), csv.body());
    for (String cell : cells) {
      String value = cell.replace("\"", "").strip();
      assertFalse(
          value.matches("[1-4]"), "an own organisation's export is protected too: " + csv.body());
    }

    Map<String, String> pdf = formFields(shown, "statisticsForm");
    pdf.put("statisticsForm:stagesPdf", "");
    HttpResponse<byte[]> pdfFile =
        http.send(
            HttpRequest.newBuilder(
                    base.toURI()
                        .resolve(
                            find(shown, "<form id=\"statisticsForm\"[^>]*action=\"([^\"]+)\"")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(pdf)))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(
        "%PDF",
        new String(pdfFile.body(), 0, 4, StandardCharsets.ISO_8859_1),
        "a PDF (OpenPDF is deployed)");
    assertTrue(
        new String(pdfFile.body(), StandardCharsets.ISO_8859_1).contains("LiberationSans"),
        "with the font that has Serbian letters");

    String exchange = get(http, "app/exchange.xhtml");
    assertTrue(
        exchange.contains("exchangeForm:htcdsXlsx") && exchange.contains("exchangeForm:ctdcExport"),
        "the data exchange page");
    assertFalse(
        exchange.contains("exchangeForm:ctdcFile"), "a caseworker does not import CTDC records");
  }

  private String signIn(HttpClient http, String user) throws Exception {
    HttpResponse<String> form =
        http.send(
            HttpRequest.newBuilder(base.toURI().resolve("app/home.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    Map<String, String> fields = new HashMap<>();
    fields.put("loginForm", "loginForm");
    fields.put("loginForm:username", user);
    fields.put("loginForm:password", "demo");
    fields.put("loginForm:submit", "");
    fields.put(
        "jakarta.faces.ViewState",
        find(form.body(), "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\""));
    String nonce = PortalSession.nonceParameter(form.body());
    if (!nonce.isEmpty()) {
      fields.put(
          "primefaces.nonce",
          java.net.URLDecoder.decode(
              nonce.substring("&primefaces.nonce=".length()), StandardCharsets.UTF_8));
    }
    return send(
            http,
            form.uri().resolve(find(form.body(), "<form id=\"loginForm\"[^>]*action=\"([^\"]+)\"")),
            fields)
        .body();
  }

  private String get(HttpClient http, String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.toURI().resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), path);
    return r.body();
  }

  private HttpResponse<String> post(
      HttpClient http, String page, String formId, Map<String, String> fields) throws Exception {
    return send(
        http,
        base.toURI().resolve(find(page, "<form id=\"" + formId + "\"[^>]*action=\"([^\"]+)\"")),
        fields);
  }

  private static HttpResponse<String> send(
      HttpClient http, java.net.URI uri, Map<String, String> fields) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return body.toString();
  }

  @Test
  @RunAsClient
  void inABrowserTheChartsAreDrawnAndThePagesAreAccessible() {
    Map<String, List<String>> violations = new java.util.LinkedHashMap<>();
    try (Browser browser = new Browser(base)) {
      browser.login("ngo.coordinator");
      browser.screenshot("home-monthly-summary-ngo.coordinator");
      browser.open("app/statistics.xhtml");
      browser.find("#statisticsForm\\:show");
      browser.script("document.getElementById('statisticsForm:from_input').value = '01.01.2000';");
      browser.submit(browser.find("#statisticsForm\\:show"));
      for (String chart : List.of("stages", "victims", "minors", "referrals", "contributed0")) {
        assertEquals(
            Boolean.TRUE,
            browser.script(
                "var w = PF('widget_statisticsForm_" + chart + "Chart'); return !!(w && w.chart);"),
            chart + " chart drawn");
      }
      violations.put("statistics", browser.seriousAccessibilityViolations());
      browser.screenshot("statistics-ngo.coordinator");
      browser.open("app/exchange.xhtml");
      browser.find("#exchangeForm\\:htcdsXlsx");
      violations.put("exchange", browser.seriousAccessibilityViolations());
      browser.screenshot("exchange-ngo.coordinator");
    }
    violations.values().removeIf(List::isEmpty);
    assertTrue(violations.isEmpty(), "axe-core: " + violations);
  }

  /**
   * The form's inputs with their values, and the selected option of each select, as a browser posts
   * them.
   */
  private static Map<String, String> formFields(String page, String formId) {
    int start = page.indexOf("<form id=\"" + formId + "\"");
    String form = page.substring(start, page.indexOf("</form>", start));
    Map<String, String> fields = new HashMap<>();
    Matcher inputs = Pattern.compile("<input([^>]*)>").matcher(form);
    while (inputs.find()) {
      String attributes = inputs.group(1);
      Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(attributes);
      Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(attributes);
      if (name.find()
          && !attributes.contains("type=\"submit\"")
          && !attributes.contains("type=\"file\"")) {
        fields.put(
            name.group(1).replace("&amp;", "&"),
            value.find() ? value.group(1).replace("&amp;", "&") : "");
      }
    }
    // The page's CSP nonce, which PrimeFaces' script adds to every form as a browser posts it.
    String nonce = PortalSession.nonceParameter(page);
    if (!nonce.isEmpty()) {
      fields.put(
          "primefaces.nonce",
          java.net.URLDecoder.decode(
              nonce.substring("&primefaces.nonce=".length()), StandardCharsets.UTF_8));
    }
    Matcher selects =
        Pattern.compile("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL)
            .matcher(form);
    while (selects.find()) {
      Matcher selected =
          Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(selects.group(2));
      if (selected.find()) {
        fields.put(selects.group(1), selected.group(1));
      }
    }
    fields.put(formId, formId);
    return fields;
  }

  private static String find(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    assertTrue(m.find(), "page has " + regex);
    return m.group(1).replace("&amp;", "&");
  }

  /** Every figure of every statistics table, shown and exported, as text (all organisations). */
  private List<Object> allFigures(Viewer v) {
    StatisticsService.Period all =
        new StatisticsService.Period(LocalDate.of(2000, 1, 1), LocalDate.of(2030, 12, 31));
    List<Object> f = new ArrayList<>();
    List<StatisticsTable> tables = new ArrayList<>();
    tables.add(statistics.casesByStage(v, all));
    Dimension[] victim = {
      Dimension.YEAR,
      Dimension.STATUS,
      Dimension.EXPLOITATION,
      Dimension.SEX,
      Dimension.AGE_BAND,
      Dimension.CITIZENSHIP,
      Dimension.MAJORITY
    };
    for (Dimension a : victim) {
      for (Dimension b : victim) {
        if (a != b) {
          tables.add(statistics.victims(v, all, a, b));
        }
      }
    }
    tables.add(statistics.minorsByYear(v, all));
    StatisticsService.ReferralFigures referralFigures = statistics.referrals(v, all);
    tables.add(referralFigures.table());
    f.add(referralFigures.shown());
    f.add(referralFigures.exported());
    tables.add(statistics.proceedingsBySteps(v, all));
    tables.add(statistics.verdicts(v, all));
    tables.addAll(statistics.contributed(v, all));
    for (StatisticsTable t : tables) {
      f.add(t.titleKey());
      f.add(grid(t.shown()));
      f.add(grid(t.exported()));
    }
    f.add(new String(ctdc.export(v).content(), StandardCharsets.UTF_8));
    monthly.refresh();
    // The summaries' figures; when they were computed differs by nature.
    f.add(
        monthly.latest(v, 400).stream()
            .map(m -> m.toString().replaceAll("computedAt=[^,]*, ", ""))
            .toList());
    return f;
  }

  /** Every value of a text column of any table that contains one of the tokens, as table.column. */
  @SuppressWarnings("unchecked")
  private List<String> textContaining(Set<String> tokens) {
    List<Object[]> columns =
        em.createNativeQuery(
                "select table_name, column_name from information_schema.columns where"
                    + " lower(table_schema) = 'public' and upper(data_type) in ('CHARACTER"
                    + " VARYING', 'TEXT', 'CHARACTER', 'CHARACTER LARGE OBJECT', 'CLOB')")
            .getResultList();
    assertTrue(columns.size() > 100, "text columns found: " + columns.size());
    List<String> found = new ArrayList<>();
    for (Object[] c : columns) {
      String table = "\"" + c[0] + "\"";
      String column = "\"" + c[1] + "\"";
      if (((String) c[0]).toLowerCase().startsWith("flyway")) {
        continue;
      }
      for (Object value :
          em.createNativeQuery(
                  "select "
                      + column
                      + " from "
                      + table
                      + " where "
                      + column
                      + " like '%RTX%' or "
                      + column
                      + " like '%555 %'")
              .getResultList()) {
        for (String t : tokens) {
          if (String.valueOf(value).contains(t)) {
            found.add(
                ((String) c[0]).toLowerCase() + "." + ((String) c[1]).toLowerCase() + ": " + t);
          }
        }
      }
    }
    return found;
  }

  /**
   * Issue 21 items 4 to 6 on a caseload generated over 20 years: the DPO's dry run lists what the
   * nightly job then anonymises, exactly; every statistics table (shown and exported, the CTDC
   * export, the monthly summaries) is the same before and after; a case held by hand and a case
   * with open criminal proceedings are untouched; no name, phone or free text of an anonymised case
   * or call is left in any text column of any table, nor in what the server logged during the run;
   * audit records keep their rows and ids; an anonymised case is read-only; erasure on request is
   * refused with the hold's legal basis, and otherwise anonymises the case at once.
   */
  @Test
  void theRetentionJobAnonymisesExactlyItsDryRunKeepsTheStatisticsAndLeavesNoPersonalValue()
      throws Exception {
    Viewer coordinator = viewer("st.coordinator");
    List<Long> ids;
    synchronized (StatisticsIT.class) {
      if (RetentionFixture.exists(em)) {
        return; // the fixture's cases were anonymised by an earlier run on this server
      }
      ids = RetentionFixture.create(em, tx);
    }
    Viewer rtCoordinator = directory.viewerFor("rt.coordinator").orElseThrow();
    Viewer dpo = directory.viewerFor("rt.dpo").orElseThrow();
    String heldCode =
        em.createQuery("select c.code from CaseFile c where c.id = :id", String.class)
            .setParameter("id", ids.get(6))
            .getSingleResult();
    retention.recordHold(
        dpo,
        heldCode,
        rs.astra.nrm.retention.LegalHoldBasis.LEGAL_CLAIMS,
        "Civil compensation suit pending",
        LocalDate.now(rs.astra.nrm.shared.NrmTime.ZONE).plusMonths(6));
    refused(
        "retention.error.reviewPast",
        () ->
            retention.recordHold(
                dpo,
                heldCode,
                rs.astra.nrm.retention.LegalHoldBasis.LEGAL_CLAIMS,
                "x",
                LocalDate.of(2020, 1, 1)));
    assertThrows(
        rs.astra.nrm.organisation.NotPermittedException.class,
        () -> retention.list(directory.viewerFor("rt.caseworker").orElseThrow()));

    // An erasure on request of the case with open proceedings is refused, naming the basis.
    long caseWithProceedings = ids.get(0);
    long erasureRefused = registerErasure(dpo, caseWithProceedings);
    refused(
        "retention.error.held.CRIMINAL_PROCEEDINGS",
        () -> retention.erase(dpo, erasureRefused, requestVersion(erasureRefused)));

    LocalDate today = rs.astra.nrm.shared.NrmTime.today();
    var dryRun = retention.dryRun(today, null);
    var dpoList = retention.list(dpo);
    Set<Long> listed = Set.copyOf(dryRun.caseIds());
    assertTrue(listed.contains(ids.get(3)), "a case whose proceedings ended with a verdict is due");
    assertFalse(listed.contains(ids.get(0)), "open proceedings hold the case");
    assertFalse(listed.contains(ids.get(6)), "the hold by hand holds the case");
    assertFalse(listed.contains(ids.get(2)), "an open case is not due");
    assertFalse(listed.contains(ids.get(26)), "a case closed in 2023 is not due");
    assertTrue(
        dpoList.holds().stream()
            .anyMatch(
                h ->
                    h.caseId() == ids.get(0)
                        && h.basis() == rs.astra.nrm.retention.LegalHoldBasis.CRIMINAL_PROCEEDINGS),
        "the DPO sees the automatic hold");
    assertTrue(
        dpoList.holds().stream().anyMatch(h -> h.caseId() == ids.get(6) && h.dueUnderSchedule()),
        "the DPO sees the hold by hand on a case that is due");
    Set<Long> rtDue = new java.util.HashSet<>(dpoList.caseIds());
    Set<Long> rtIds = Set.copyOf(ids);
    assertTrue(rtIds.containsAll(rtDue), "the DPO's list has only her organisation's cases");
    assertTrue(rtDue.size() >= 15, "due RT cases: " + rtDue.size());
    assertEquals(1, dpoList.calls().size(), "the 2010 call, not the 2025 one, is due");

    List<Object> before = allFigures(coordinator);
    @SuppressWarnings("unchecked")
    List<Object> auditBefore =
        em.createNativeQuery(
                "select id from audit_record where case_file_id in (select id from case_file"
                    + " where owner_organisation_id = ?) order by id")
            .setParameter(1, rtCoordinator.organisationId())
            .getResultList();

    // Other classes of the suite (CaseAccessIT's merge chain) may have anonymised cases today.
    String anonymisedToday = "select id from case_file where anonymised_on = ?";
    @SuppressWarnings("unchecked")
    java.util.Set<Long> anonymisedBefore =
        ((List<Object>)
                em.createNativeQuery(anonymisedToday)
                    .setParameter(1, java.sql.Date.valueOf(today))
                    .getResultList())
            .stream()
                .map(o -> ((Number) o).longValue())
                .collect(java.util.stream.Collectors.toSet());
    LogCapture capture = new LogCapture();
    rs.astra.nrm.retention.RetentionRun run;
    try {
      tx.begin();
      run = retentionJob.runFor(today);
      tx.commit();
      tx.begin();
      assertEquals(
          null, retentionJob.runFor(today), "the day is claimed: a second run does nothing");
      tx.commit();
    } finally {
      capture.close();
    }
    assertEquals(dryRun.caseIds().size(), run.getCasesAnonymised());
    assertEquals(dryRun.callIds().size(), run.getCallsAnonymised());
    @SuppressWarnings("unchecked")
    List<Object> anonymisedNow =
        em.createNativeQuery(anonymisedToday)
            .setParameter(1, java.sql.Date.valueOf(today))
            .getResultList();
    assertEquals(
        listed,
        anonymisedNow.stream()
            .map(o -> ((Number) o).longValue())
            .filter(id -> !anonymisedBefore.contains(id))
            .collect(java.util.stream.Collectors.toSet()),
        "the job anonymised exactly the dry run's cases");
    assertEquals(before, allFigures(coordinator), "every statistics table is unchanged");
    assertEquals(
        auditBefore,
        em.createNativeQuery(
                "select id from audit_record where case_file_id in (select id from case_file"
                    + " where owner_organisation_id = ?) order by id")
            .setParameter(1, rtCoordinator.organisationId())
            .getResultList(),
        "audit records keep their rows and ids");

    Set<String> gone = new java.util.HashSet<>();
    for (int n = 0; n < RetentionFixture.CASES; n++) {
      if (listed.contains(ids.get(n))) {
        gone.add(RetentionFixture.token(n));
        gone.add(RetentionFixture.phone(n));
      }
    }
    gone.add("RTXC2010Q");
    gone.add("555 C2010");
    assertEquals(List.of(), textContaining(gone), "no personal value of an anonymised case left");
    for (String line : capture.lines()) {
      for (String t : gone) {
        assertFalse(line.contains(t), "logged: " + line);
      }
    }
    assertEquals(
        0L,
        ((Number)
                em.createNativeQuery(
                        "select count(*) from case_document_content where document_id in (select"
                            + " id from case_document where case_file_id in (select id from"
                            + " case_file where anonymised_on is not null))")
                    .getSingleResult())
            .longValue(),
        "documents' contents destroyed");
    assertEquals(
        (long) rtDue.size(),
        ((Number)
                em.createNativeQuery(
                        "select count(*) from case_document d join case_file c on c.id ="
                            + " d.case_file_id where c.anonymised_on is not null and"
                            + " c.owner_organisation_id = ?")
                    .setParameter(1, rtCoordinator.organisationId())
                    .getSingleResult())
            .longValue(),
        "the record that each document existed stays");
    // The held case and the case with open proceedings keep everything.
    Set<String> kept =
        Set.of(
            RetentionFixture.token(0),
            RetentionFixture.token(6),
            RetentionFixture.phone(0),
            RetentionFixture.phone(6),
            "RTXC2025Q");
    List<String> keptFound = textContaining(kept);
    for (String t : kept) {
      assertTrue(keptFound.stream().anyMatch(x -> x.endsWith(": " + t)), t + " kept");
    }
    assertTrue(
        keptFound.contains("person.first_name: " + RetentionFixture.token(0)),
        "held case's person untouched");
    // An anonymised case is read-only, even for its owner.
    var facts = caseAccess.facts(ids.get(3)).orElseThrow();
    assertTrue(facts.anonymised());
    var update =
        enforcer.decide(
            directory.viewerFor("rt.caseworker").orElseThrow(),
            facts,
            DataCategory.IDENTITY,
            AccessAction.UPDATE,
            Instant.now());
    assertFalse(update.permitted());
    assertEquals(rs.astra.nrm.consent.DenyReason.CASE_ANONYMISED, update.denyReason());

    // Erasure on request of an open case, with no hold: anonymised at once, recorded.
    long openCase = ids.get(2);
    long erasure = registerErasure(dpo, openCase);
    retention.erase(dpo, erasure, requestVersion(erasure));
    assertNotEquals(
        null,
        em.createQuery("select c.anonymisedOn from CaseFile c where c.id = :id")
            .setParameter("id", openCase)
            .getSingleResult());
    assertEquals(
        List.of(),
        textContaining(Set.of(RetentionFixture.token(2), RetentionFixture.phone(2))),
        "erased case leaves no value");
    assertTrue(
        retention.runs(dpo, 5).stream()
            .anyMatch(r -> r.kind().equals("ERASURE") && r.casesAnonymised() == 1));
  }

  private long registerErasure(Viewer dpo, long caseId) {
    String code =
        em.createQuery("select c.code from CaseFile c where c.id = :id", String.class)
            .setParameter("id", caseId)
            .getSingleResult();
    return dsr.register(
        dpo,
        new rs.astra.nrm.rights.RequestForm(
            rs.astra.nrm.rights.RequestKind.ERASURE,
            code,
            rs.astra.nrm.shared.NrmTime.today(),
            rs.astra.nrm.rights.IdentityVerification.IDENTITY_DOCUMENT_IN_PERSON,
            "Erasure asked in person"));
  }

  /** Asserts a refusal with a message key. */
  private static void refused(String key, org.junit.jupiter.api.function.Executable action) {
    Throwable t = assertThrows(Throwable.class, action);
    while (t != null && !(t instanceof rs.astra.nrm.shared.InvalidRequestException)) {
      t = t.getCause();
    }
    assertNotEquals(null, t, "refused with " + key);
    assertEquals(key, ((rs.astra.nrm.shared.InvalidRequestException) t).messageKey());
  }

  private long requestVersion(long id) {
    return em.createQuery("select r.version from DataSubjectRequest r where r.id = :id", Long.class)
        .setParameter("id", id)
        .getSingleResult();
  }
}
