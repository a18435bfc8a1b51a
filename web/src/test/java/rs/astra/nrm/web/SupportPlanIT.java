package rs.astra.nrm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.UserTransaction;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.casefile.CaseTimeline;
import rs.astra.nrm.casefile.CaseView;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessDeniedException;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.ConsentService;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.ReferralService;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.support.InstitutionRecordKind;
import rs.astra.nrm.support.InstitutionRecordService;
import rs.astra.nrm.support.NewServiceForm;
import rs.astra.nrm.support.SafetyPlanService;
import rs.astra.nrm.support.ServiceEntryService;
import rs.astra.nrm.support.ServiceStatus;
import rs.astra.nrm.support.ServiceType;
import rs.astra.nrm.support.SupportPlanService;

/**
 * The support plan, safety plan, assessments and treatment records through the real services and
 * the consent policy: the owner reads and writes both categories, a centre for social work with
 * consent for SOCIAL sees no health data, a health institution with consent for HEALTH records
 * treatments, each institution writes only its own kind of record and changes only its own records,
 * a stale status change is refused, every permitted read is audited, and the case page's HTML holds
 * only what each institution may read. Uses the organisations of {@link ConsentFixture}, and the
 * demo users for the page (they can log in).
 */
@ExtendWith(ArquillianExtension.class)
class SupportPlanIT {

  @Deployment
  static WebArchive portal() {
    return Deployments.packagedPortal(ConsentFixture.class, PortalSession.class);
  }

  @Inject SupportPlanService support;
  @Inject InstitutionRecordService institutionRecords;
  @Inject SafetyPlanService safetyPlans;
  @Inject ServiceEntryService serviceEntries;
  @Inject CaseFileService cases;
  @Inject CaseTimeline timeline;
  @Inject ConsentService consents;
  @Inject ReferralService referrals;
  @Inject UserDirectory directory;
  @Inject HttpServletRequest request;

  @PersistenceContext(unitName = "nrm")
  EntityManager em;

  @Resource UserTransaction tx;

  private static final LocalDate TODAY = rs.astra.nrm.shared.NrmTime.today();
  private static final Set<DataCategory> BOTH =
      EnumSet.of(DataCategory.SOCIAL, DataCategory.HEALTH);
  private static final Set<DataCategory> SOCIAL = EnumSet.of(DataCategory.SOCIAL);
  private static final Set<DataCategory> HEALTH = EnumSet.of(DataCategory.HEALTH);

  private Viewer viewer(String username) throws Exception {
    ConsentFixture.ensure(em, tx);
    return directory.viewerFor(username).orElseThrow();
  }

  private long orgId(String name) {
    return ConsentFixture.organisation(em, name).getId();
  }

  private static NewServiceForm service(ServiceType type, ServiceStatus status) {
    return new NewServiceForm(type, null, "Provider of " + type, status, null, null, null, null);
  }

  /**
   * Consent of the person and a live referral: the organisation may read the categories (and change
   * its own records).
   */
  private void share(
      Viewer owner,
      long caseId,
      String organisation,
      Purpose purpose,
      Set<DataCategory> categories) {
    consents.give(
        owner,
        new ConsentService.NewConsentForm(
            caseId,
            orgId(organisation),
            purpose,
            categories,
            TODAY,
            null,
            ConsentMethod.SIGNED_FORM,
            null));
    referrals.send(owner, caseId, orgId(organisation), purpose, categories, null);
  }

  private static List<ServiceType> types(List<rs.astra.nrm.support.ServiceRow> rows) {
    return rows.stream().map(rs.astra.nrm.support.ServiceRow::type).toList();
  }

  private List<String> details(Viewer viewer, long caseId, CaseEvent.Type type) {
    return timeline.events(viewer, caseId).stream()
        .filter(e -> e.type() == type)
        .map(CaseTimeline.EventLine::detail)
        .toList();
  }

  @Test
  void theOwnerRecordsAndReadsServicesOfBothCategories() throws Exception {
    Viewer owner = viewer("cp.coordinator");
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Jasna", "Support");
    serviceEntries.addService(
        owner,
        caseId,
        new NewServiceForm(
            ServiceType.Accommodation,
            orgId(ConsentFixture.OTHER_NGO),
            null,
            ServiceStatus.IN_PROGRESS,
            null,
            TODAY.minusDays(3),
            null,
            "safe house"));
    serviceEntries.addService(owner, caseId, service(ServiceType.MedicalExamination, null));

    List<rs.astra.nrm.support.ServiceRow> rows = serviceEntries.services(owner, caseId, BOTH);
    assertEquals(List.of(ServiceType.Accommodation, ServiceType.MedicalExamination), types(rows));
    assertEquals(
        List.of(DataCategory.SOCIAL, DataCategory.HEALTH),
        rows.stream().map(rs.astra.nrm.support.ServiceRow::category).toList());
    assertEquals(ConsentFixture.OTHER_NGO, rows.get(0).providerOrganisation());
    assertEquals(
        ServiceStatus.PLANNED, rows.get(1).status(), "a service without a status is planned");
    assertTrue(
        rows.stream().allMatch(rs.astra.nrm.support.ServiceRow::changeable),
        "the owner changes every service");
    assertEquals(
        List.of(ServiceType.MedicalExamination),
        types(serviceEntries.services(owner, caseId, HEALTH)),
        "the query selects the categories asked for");
    assertEquals(
        List.of("Accommodation: IN_PROGRESS", "MedicalExamination: PLANNED"),
        details(owner, caseId, CaseEvent.Type.SERVICE_ADDED));

    assertEquals(
        "support.error.futureDate",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    serviceEntries.addService(
                        owner,
                        caseId,
                        new NewServiceForm(
                            ServiceType.Transport,
                            null,
                            null,
                            ServiceStatus.PROVIDED,
                            null,
                            null,
                            TODAY.plusDays(1),
                            null)))
            .messageKey());
    assertEquals(
        "support.error.typeRequired",
        assertThrows(
                InvalidRequestException.class,
                () -> serviceEntries.addService(owner, caseId, service(null, null)))
            .messageKey());
  }

  @Test
  void aCentreWithConsentForSocialDataSeesSocialServicesButNoHealthData() throws Exception {
    Viewer owner = viewer("cp.coordinator");
    Viewer csw = viewer("cp.csw1");
    Viewer health = viewer("cp.health");
    long caseId = ConsentFixture.newCase(em, tx, "cp.coordinator", "Vesna", "Social");
    serviceEntries.addService(
        owner, caseId, service(ServiceType.Accommodation, ServiceStatus.IN_PROGRESS));
    serviceEntries.addService(
        owner, caseId, service(ServiceType.MedicalExamination, ServiceStatus.PROVIDED));
    serviceEntries.addService(owner, caseId, service(ServiceType.Health, ServiceStatus.PLANNED));
    share(owner, caseId, "CP Health", Purpose.HEALTH_CARE, HEALTH);
    institutionRecords.record(
        InstitutionRecordKind.TREATMENT,
        health,
        caseId,
        new rs.astra.nrm.support.InstitutionRecordForm(TODAY, "Wound care", null));
    share(owner, caseId, "CP Social Work Centre", Purpose.SOCIAL_PROTECTION, SOCIAL);

    CaseView page = cases.find(csw, caseId).orElseThrow();
    assertTrue(page.visible().containsKey(DataCategory.SOCIAL));
    assertFalse(
        page.visible().containsKey(DataCategory.HEALTH),
        "the page does not show the health sections");
    assertEquals(
        List.of(ServiceType.Accommodation),
        types(serviceEntries.services(csw, caseId, SOCIAL)),
        "social services only");
    assertThrows(
        AccessDeniedException.class,
        () -> serviceEntries.services(csw, caseId, BOTH),
        "no health services");
    assertThrows(
        AccessDeniedException.class,
        () -> institutionRecords.records(InstitutionRecordKind.TREATMENT, csw, caseId),
        "no treatment records");

    assertEquals(
        List.of("Accommodation: IN_PROGRESS"),
        details(csw, caseId, CaseEvent.Type.SERVICE_ADDED),
        "the timeline hides the health services");
    assertTrue(
        details(csw, caseId, CaseEvent.Type.TREATMENT_RECORDED).isEmpty(), "and the treatment");
    assertEquals(
        3,
        details(owner, caseId, CaseEvent.Type.SERVICE_ADDED).size(),
        "the owner sees every event");

    // Issue 16: reading the timeline's health events is a read of HEALTH data, audited like any
    // other.
    String healthReads =
        "select count(a) from AuditRecord a where a.userId = :u and a.caseFileId = :c and a.category = :k and a.permitted = true";
    long before =
        em.createQuery(healthReads, Long.class)
            .setParameter("u", health.userId())
            .setParameter("c", caseId)
            .setParameter("k", DataCategory.HEALTH)
            .getSingleResult();
    assertFalse(
        details(health, caseId, CaseEvent.Type.TREATMENT_RECORDED).isEmpty(),
        "the health institution sees its treatment on the timeline");
    long after =
        em.createQuery(healthReads, Long.class)
            .setParameter("u", health.userId())
            .setParameter("c", caseId)
            .setParameter("k", DataCategory.HEALTH)
            .getSingleResult();
    assertEquals(before + 1, after, "one HEALTH read recorded for the timeline");
    long cswHealth =
        em.createQuery(healthReads, Long.class)
            .setParameter("u", csw.userId())
            .setParameter("c", caseId)
            .setParameter("k", DataCategory.HEALTH)
            .getSingleResult();
    assertEquals(0, cswHealth, "no HEALTH read recorded for a viewer whose timeline hides it");
  }

  @Test
  void aHealthInstitutionWithConsentForHealthDataRecordsAndReadsTreatments() throws Exception {
    Viewer owner = viewer("cp.coordinator");
    Viewer health = viewer("cp.health");
    long caseId = ConsentFixture.newCase(em, tx, "cp.coordinator", "Mirjana", "Health");
    assertThrows(
        AccessDeniedException.class,
        () ->
            institutionRecords.record(
                InstitutionRecordKind.TREATMENT,
                health,
                caseId,
                new rs.astra.nrm.support.InstitutionRecordForm(TODAY, "Examination", null)),
        "not referred yet");
    serviceEntries.addService(
        owner, caseId, service(ServiceType.MedicalExamination, ServiceStatus.REFERRED));
    serviceEntries.addService(owner, caseId, service(ServiceType.Documents, ServiceStatus.PLANNED));
    share(owner, caseId, "CP Health", Purpose.HEALTH_CARE, HEALTH);

    institutionRecords.record(
        InstitutionRecordKind.TREATMENT,
        health,
        caseId,
        new rs.astra.nrm.support.InstitutionRecordForm(
            TODAY.minusDays(1), "Examination and blood tests", "Follow-up in two weeks"));
    List<rs.astra.nrm.support.InstitutionRecordRow> seen =
        institutionRecords.records(InstitutionRecordKind.TREATMENT, health, caseId);
    assertEquals(1, seen.size());
    assertEquals("Examination and blood tests", seen.get(0).text());
    assertEquals("CP Health", seen.get(0).organisation());
    assertEquals(
        seen,
        institutionRecords.records(InstitutionRecordKind.TREATMENT, owner, caseId),
        "the owner reads the same record");
    assertEquals(
        List.of(ServiceType.MedicalExamination),
        types(serviceEntries.services(health, caseId, HEALTH)));
    assertThrows(
        AccessDeniedException.class,
        () -> safetyPlans.safetyPlan(health, caseId),
        "SOCIAL was not shared");
    assertEquals(1, details(health, caseId, CaseEvent.Type.TREATMENT_RECORDED).size());

    assertEquals(
        "support.error.futureDate",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    institutionRecords.record(
                        InstitutionRecordKind.TREATMENT,
                        health,
                        caseId,
                        new rs.astra.nrm.support.InstitutionRecordForm(
                            TODAY.plusDays(1), "Planned surgery", null)))
            .messageKey());
  }

  @Test
  void eachInstitutionRecordsOnlyItsOwnKindOfRecord() throws Exception {
    Viewer owner = viewer("cp.coordinator");
    Viewer csw = viewer("cp.csw1");
    Viewer health = viewer("cp.health");
    long caseId = ConsentFixture.newCase(em, tx, "cp.coordinator", "Olivera", "Kinds");
    share(
        owner,
        caseId,
        "CP Social Work Centre",
        Purpose.SOCIAL_PROTECTION,
        EnumSet.of(DataCategory.SOCIAL, DataCategory.HEALTH));
    share(
        owner,
        caseId,
        "CP Health",
        Purpose.HEALTH_CARE,
        EnumSet.of(DataCategory.SOCIAL, DataCategory.HEALTH));

    assertEquals(
        "support.error.treatmentByHealthInstitution",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    institutionRecords.record(
                        InstitutionRecordKind.TREATMENT,
                        csw,
                        caseId,
                        new rs.astra.nrm.support.InstitutionRecordForm(TODAY, "Counselling", null)))
            .messageKey(),
        "a centre for social work records no treatment, even with HEALTH shared");
    assertEquals(
        "support.error.assessmentBySocialWorkCentre",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    institutionRecords.record(
                        InstitutionRecordKind.ASSESSMENT,
                        health,
                        caseId,
                        new rs.astra.nrm.support.InstitutionRecordForm(
                            TODAY, "Needs housing", null)))
            .messageKey(),
        "a health institution records no assessment, even with SOCIAL shared");
    assertEquals(
        "support.error.assessmentBySocialWorkCentre",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    institutionRecords.record(
                        InstitutionRecordKind.ASSESSMENT,
                        owner,
                        caseId,
                        new rs.astra.nrm.support.InstitutionRecordForm(TODAY, "x", null)))
            .messageKey(),
        "nor does the owning NGO");

    institutionRecords.record(
        InstitutionRecordKind.ASSESSMENT,
        csw,
        caseId,
        new rs.astra.nrm.support.InstitutionRecordForm(
            TODAY, "Needs safe housing and documents", "Accommodation; personal card"));
    List<rs.astra.nrm.support.InstitutionRecordRow> notes =
        institutionRecords.records(InstitutionRecordKind.ASSESSMENT, owner, caseId);
    assertEquals(1, notes.size());
    assertEquals("CP Social Work Centre", notes.get(0).organisation());
    assertEquals("Accommodation; personal card", notes.get(0).note());
    assertTrue(
        institutionRecords.records(InstitutionRecordKind.TREATMENT, owner, caseId).isEmpty());
  }

  @Test
  void underAnOwnRecordsPermitACentreChangesOnlyWhatItRecorded() throws Exception {
    Viewer owner = viewer("cp.coordinator");
    Viewer csw = viewer("cp.csw1");
    long caseId = ConsentFixture.newCase(em, tx, "cp.coordinator", "Radmila", "Own");
    long ngoService =
        serviceEntries.addService(
            owner, caseId, service(ServiceType.Accommodation, ServiceStatus.IN_PROGRESS));
    safetyPlans.saveSafetyPlan(
        owner,
        caseId,
        new rs.astra.nrm.support.SafetyPlanForm(
            null, "Recruiter nearby", "Accompanied travel", null, TODAY.plusDays(30)));
    share(owner, caseId, "CP Social Work Centre", Purpose.SOCIAL_PROTECTION, SOCIAL);

    // The person's consent lets the centre read all SOCIAL records but change only its own.
    long cswService =
        serviceEntries.addService(
            csw, caseId, service(ServiceType.SocialCare, ServiceStatus.PLANNED));
    List<rs.astra.nrm.support.ServiceRow> rows = serviceEntries.services(csw, caseId, SOCIAL);
    assertEquals(List.of(ServiceType.Accommodation, ServiceType.SocialCare), types(rows));
    assertEquals(
        List.of(false, true),
        rows.stream().map(rs.astra.nrm.support.ServiceRow::changeable).toList());

    long cswVersion = rows.get(1).version();
    serviceEntries.changeStatus(csw, cswService, cswVersion, ServiceStatus.IN_PROGRESS, TODAY);
    long ngoVersion = rows.get(0).version();
    assertEquals(
        "support.error.notYourRecord",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    serviceEntries.changeStatus(
                        csw, ngoService, ngoVersion, ServiceStatus.PROVIDED, TODAY))
            .messageKey());
    assertEquals(
        ServiceStatus.IN_PROGRESS,
        serviceEntries.services(owner, caseId, SOCIAL).get(0).status(),
        "the NGO's service is unchanged");

    rs.astra.nrm.support.SafetyPlanView plan = safetyPlans.safetyPlan(csw, caseId).orElseThrow();
    assertFalse(plan.editable(), "the plan the NGO drew up");
    assertEquals(
        "support.error.notYourRecord",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    safetyPlans.saveSafetyPlan(
                        csw,
                        caseId,
                        new rs.astra.nrm.support.SafetyPlanForm(
                            plan.version(), "x", "y", null, null)))
            .messageKey());
    assertTrue(safetyPlans.safetyPlan(owner, caseId).orElseThrow().editable());
  }

  @Test
  void aStaleStatusChangeOrSafetyPlanRevisionIsRefusedAsAConcurrentUpdate() throws Exception {
    Viewer coordinator = viewer("cp.coordinator");
    Viewer caseworker = viewer("cp.caseworker");
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Slavica", "Concurrent");
    long id =
        serviceEntries.addService(
            caseworker, caseId, service(ServiceType.Legal, ServiceStatus.PLANNED));
    long seen = serviceEntries.services(caseworker, caseId, SOCIAL).get(0).version();

    serviceEntries.changeStatus(coordinator, id, seen, ServiceStatus.IN_PROGRESS, TODAY);
    assertThrows(
        ConcurrentUpdateException.class,
        () ->
            serviceEntries.changeStatus(
                caseworker, id, seen, ServiceStatus.DECLINED_BY_PERSON, TODAY));
    rs.astra.nrm.support.ServiceRow now =
        serviceEntries.services(caseworker, caseId, SOCIAL).get(0);
    assertEquals(ServiceStatus.IN_PROGRESS, now.status(), "the first change stands");
    assertEquals(TODAY, now.startedOn(), "in progress from the day of the change");
    assertEquals(
        List.of("Legal: PLANNED → IN_PROGRESS"),
        details(coordinator, caseId, CaseEvent.Type.SERVICE_STATUS_CHANGED));
    assertEquals(
        "support.error.sameStatus",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    serviceEntries.changeStatus(
                        caseworker, id, now.version(), ServiceStatus.IN_PROGRESS, TODAY))
            .messageKey());

    long first =
        safetyPlans.saveSafetyPlan(
            coordinator,
            caseId,
            new rs.astra.nrm.support.SafetyPlanForm(
                null, "Threats by phone", "New SIM card", "Caseworker on duty", null));
    assertThrows(
        ConcurrentUpdateException.class,
        () ->
            safetyPlans.saveSafetyPlan(
                caseworker,
                caseId,
                new rs.astra.nrm.support.SafetyPlanForm(
                    null, "Another first plan", "Other measures", null, null)),
        "a second first plan");
    safetyPlans.saveSafetyPlan(
        caseworker,
        caseId,
        new rs.astra.nrm.support.SafetyPlanForm(
            first, "Threats by phone and visits", "New SIM card; shelter", null, null));
    assertThrows(
        ConcurrentUpdateException.class,
        () ->
            safetyPlans.saveSafetyPlan(
                coordinator,
                caseId,
                new rs.astra.nrm.support.SafetyPlanForm(
                    first, "Stale text", "Stale measures", null, null)));
    assertEquals(
        "Threats by phone and visits",
        safetyPlans.safetyPlan(coordinator, caseId).orElseThrow().risks());
    assertEquals(
        2,
        details(coordinator, caseId, CaseEvent.Type.SAFETY_PLAN_UPDATED).size(),
        "the timeline records each revision");
  }

  @Test
  void everyPermittedReadIsAuditedAndARefusedOneToo() throws Exception {
    Viewer owner = viewer("cp.coordinator");
    Viewer csw = viewer("cp.csw2");
    long caseId = ConsentFixture.newCase(em, tx, "cp.coordinator", "Zorica", "Audit");
    share(owner, caseId, "CP Social Work Centre", Purpose.SOCIAL_PROTECTION, SOCIAL);
    serviceEntries.addService(owner, caseId, service(ServiceType.Health, ServiceStatus.PLANNED));
    safetyPlans.saveSafetyPlan(
        owner,
        caseId,
        new rs.astra.nrm.support.SafetyPlanForm(null, "Risks", "Measures", null, null));

    // The case page: its view of the case and its support sections leave one record per category
    // read.
    cases.find(owner, caseId).orElseThrow();
    rs.astra.nrm.support.SupportView page = support.view(owner, caseId, BOTH);
    assertEquals(List.of(ServiceType.Health), types(page.services()));
    assertEquals("Risks", page.safetyPlan().risks());
    assertEquals(1, audited(owner, caseId, DataCategory.SOCIAL, true));
    assertEquals(1, audited(owner, caseId, DataCategory.HEALTH, true));

    serviceEntries.services(owner, caseId, BOTH);
    safetyPlans.safetyPlan(owner, caseId);
    institutionRecords.records(InstitutionRecordKind.ASSESSMENT, owner, caseId);
    institutionRecords.records(InstitutionRecordKind.TREATMENT, owner, caseId);
    assertEquals(
        1 + 3,
        audited(owner, caseId, DataCategory.SOCIAL, true),
        "and each read of its own: services, safety plan, assessments");
    assertEquals(1 + 2, audited(owner, caseId, DataCategory.HEALTH, true), "services, treatments");

    rs.astra.nrm.support.SupportView cswPage = support.view(csw, caseId, SOCIAL);
    assertTrue(
        cswPage.services().isEmpty() && cswPage.treatments().isEmpty(),
        "the health service is not read");
    assertEquals(1, audited(csw, caseId, DataCategory.SOCIAL, true));
    assertThrows(
        AccessDeniedException.class,
        () -> institutionRecords.records(InstitutionRecordKind.TREATMENT, csw, caseId));
    assertEquals(
        1, audited(csw, caseId, DataCategory.HEALTH, false), "the refused request is recorded");
    assertEquals(0, audited(csw, caseId, DataCategory.HEALTH, true));
  }

  private long audited(Viewer viewer, long caseId, DataCategory category, boolean permitted) {
    return em.createQuery(
            "select count(a) from AuditRecord a where a.caseFileId = :c and a.userId = :u and a.category = :k and a.action = :a and a.permitted = :p",
            Long.class)
        .setParameter("c", caseId)
        .setParameter("u", viewer.userId())
        .setParameter("k", category)
        .setParameter("a", AccessAction.READ)
        .setParameter("p", permitted)
        .getSingleResult();
  }

  // ---- the case page over HTTP, as the demo users see it ----

  @Test
  void theCasePageHoldsOnlyTheSupportEachInstitutionMayRead() throws Exception {
    Viewer owner = directory.viewerFor("ngo.coordinator").orElseThrow();
    long caseId = ConsentFixture.newCase(em, tx, "ngo.coordinator", "Stana", "Page");
    serviceEntries.addService(
        owner, caseId, service(ServiceType.Accommodation, ServiceStatus.IN_PROGRESS));
    serviceEntries.addService(
        owner, caseId, service(ServiceType.MedicalExamination, ServiceStatus.PROVIDED));
    long nis =
        directory.findOrganisationByName("Centar za socijalni rad Niš").orElseThrow().getId();
    consents.give(
        owner,
        new ConsentService.NewConsentForm(
            caseId,
            nis,
            Purpose.SOCIAL_PROTECTION,
            SOCIAL,
            TODAY,
            null,
            ConsentMethod.SIGNED_FORM,
            null));
    long referral = referrals.send(owner, caseId, nis, Purpose.SOCIAL_PROTECTION, SOCIAL, null);
    try {
      Viewer cswNis = directory.viewerFor("csw.nis").orElseThrow();
      String csw = casePage("csw.nis", caseId);
      assertEquals(
          1,
          audited(cswNis, caseId, DataCategory.SOCIAL, true),
          "one page view, one record of the social data read");
      assertTrue(
          csw.contains("id=\"caseForm:supportSection\""), "the centre sees the support plan");
      assertTrue(csw.contains("data-type=\"Accommodation\""));
      assertFalse(csw.contains("data-type=\"MedicalExamination\""), "but not the health service");
      assertFalse(csw.contains("caseForm:treatmentSection"), "nor the treatment records");
      assertTrue(csw.contains("id=\"caseForm:safetyPlanSection\""));
      assertTrue(
          csw.contains("id=\"caseForm:assessmentForm\""),
          "a centre with consent records assessments");
      assertFalse(
          csw.contains("change-service-status"),
          "the NGO's services are not the centre's to change");

      String ngo = casePage("ngo.coordinator", caseId);
      assertTrue(
          ngo.contains("data-type=\"Accommodation\"")
              && ngo.contains("data-type=\"MedicalExamination\""));
      assertTrue(ngo.contains("id=\"caseForm:treatmentSection\""));
      assertTrue(ngo.contains("id=\"caseForm:addServiceButton\""));
      assertTrue(ngo.contains("change-service-status"));
      assertFalse(
          ngo.contains("caseForm:assessmentForm"),
          "the NGO does not write the centre's assessment");
      assertFalse(
          Pattern.compile("\\.java:\\d+\\)|Caused by:").matcher(ngo + csw).find(),
          "no stack trace");
    } finally {
      // Leave the demo centre's inbox as the other tests expect it.
      long version =
          cases.find(owner, caseId).orElseThrow().referrals().stream()
              .filter(r -> r.id() == referral)
              .findFirst()
              .orElseThrow()
              .version();
      referrals.revoke(owner, referral, version, "test of the case page finished");
    }
  }

  /**
   * Issue 16: one bean serves both record forms of the case page; through it the centre for social
   * work records its assessment and the health institution its treatment, each in its own section,
   * and each sees only the category it was given.
   */
  @Test
  void eachInstitutionRecordsItsKindThroughTheCasePageForm() throws Exception {
    Viewer owner = directory.viewerFor("ngo.coordinator").orElseThrow();
    long caseId = ConsentFixture.newCase(em, tx, "ngo.coordinator", "Zorka", "Forms");
    share(owner, caseId, "Centar za socijalni rad Niš", Purpose.SOCIAL_PROTECTION, SOCIAL);
    share(owner, caseId, "Univerzitetski klinički centar Srbije", Purpose.HEALTH_CARE, HEALTH);
    String day = TODAY.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    // The kind, who records it, its form's day, text and note fields, the section she must not see.
    String[][] forms = {
      {"assessment", "csw.nis", "assessedOn", "assessmentText", "assessmentMeasures", "treatment"},
      {"treatment", "health.worker", "treatedOn", "treatmentGiven", "treatmentNote", "assessment"}
    };
    try {
      for (String[] f : forms) {
        String page =
            recordOnCasePage(
                f[1],
                caseId,
                f[0],
                java.util.Map.of(
                    "caseForm:" + f[2] + "_input", day,
                    "caseForm:" + f[3], f[0] + " text (page)",
                    "caseForm:" + f[4], f[0] + " note (page)"));
        assertFalse(page.contains("caseForm:" + f[5] + "Section"), "not the other category");
      }
      assertEquals(
          List.of("Centar za socijalni rad Niš: assessment text (page) / assessment note (page)"),
          institutionRecords.records(InstitutionRecordKind.ASSESSMENT, owner, caseId).stream()
              .map(r -> r.organisation() + ": " + r.text() + " / " + r.note())
              .toList());
      assertEquals(
          List.of(TODAY + " treatment text (page) / treatment note (page)"),
          institutionRecords.records(InstitutionRecordKind.TREATMENT, owner, caseId).stream()
              .map(r -> r.day() + " " + r.text() + " / " + r.note())
              .toList());
    } finally {
      // Leave the demo institutions' inboxes as the other tests expect them.
      for (CaseView.ReferralLine r : cases.find(owner, caseId).orElseThrow().referrals()) {
        referrals.revoke(owner, r.id(), r.version(), "test of the case page finished");
      }
    }
  }

  /**
   * Signs a demo user in, opens the case page, fills the kind's form (its ids start with {@code
   * kind}) and records; the page that answers, which must show the texts sent.
   */
  private String recordOnCasePage(
      String username, long caseId, String kind, java.util.Map<String, String> fields)
      throws Exception {
    PortalSession session =
        new PortalSession(
            URI.create(
                "http://localhost:" + request.getLocalPort() + request.getContextPath() + "/"));
    session.signIn(username, "demo");
    String page = session.get("app/case.xhtml?id=" + caseId).body();
    assertTrue(page.contains("id=\"caseForm:" + kind + "Form\""), username + " may record");
    String button = "caseForm:record" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    page = session.submitForPage("caseForm", button, fields);
    assertTrue(
        page.contains(kind + " text (page)") && page.contains(kind + " note (page)"),
        username + " sees the record");
    return page;
  }

  /**
   * Signs a demo user in over HTTP (form login, password "demo") and returns the case page's HTML.
   */
  private String casePage(String username, long caseId) throws Exception {
    URI base =
        URI.create("http://localhost:" + request.getLocalPort() + request.getContextPath() + "/");
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new BrowserCookies())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpResponse<String> form =
        http.send(
            HttpRequest.newBuilder(base.resolve("app/cases.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    String viewState = find(form.body(), "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    String action = find(form.body(), "<form id=\"loginForm\"[^>]*action=\"([^\"]+)\"");
    String body =
        "loginForm=loginForm&loginForm%3Ausername="
            + enc(username)
            + "&loginForm%3Apassword=demo&loginForm%3Asubmit=&jakarta.faces.ViewState="
            + enc(viewState)
            + PortalSession.nonceParameter(form.body());
    http.send(
        HttpRequest.newBuilder(form.uri().resolve(action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(base.resolve("app/case.xhtml?id=" + caseId)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("id=\"caseCode\""), "the case page, signed in as " + username);
    return page.body();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String find(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    assertTrue(m.find(), "page has " + regex);
    return m.group(1).replace("&amp;", "&");
  }
}
