package rs.astra.nrm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import rs.astra.nrm.audit.RequestId;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.casefile.CaseListQuery;
import rs.astra.nrm.casefile.CaseMergeService;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.MergeCandidate;
import rs.astra.nrm.consent.AccessDeniedException;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.Consent;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.ConsentService;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.document.CaseDocumentService;
import rs.astra.nrm.document.DocumentType;
import rs.astra.nrm.document.NewDocumentForm;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.ReferralService;
import rs.astra.nrm.rights.AccessReportService;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;

/**
 * One load of a case's facts per page request (issue 16), and never a stale one: within a page
 * request the facts are loaded once and handed to every section; a write in the same request — in
 * an earlier transaction or in the same one, not yet flushed — makes the next read load them again,
 * so a withdrawn consent is refused at once. Outside a page request every read loads them. Also the
 * access rules of merging two cases of one person (issue 19): only the owner's coordinator merges,
 * every record moves and comes back on an undo. Uses the organisations of {@link ConsentFixture}.
 */
@ExtendWith(ArquillianExtension.class)
class CaseAccessIT {

  @Deployment
  static WebArchive portal() {
    return Deployments.packagedPortal(ConsentFixture.class);
  }

  @Inject CaseAccess access;
  @Inject RequestId requestId;
  @Inject CaseFileService cases;
  @Inject ConsentService consents;
  @Inject ReferralService referrals;
  @Inject UserDirectory directory;
  @Inject CaseMergeService merges;
  @Inject rs.astra.nrm.retention.CaseAnonymiser anonymiser;
  @Inject AccessReportService reports;
  @Inject CaseDocumentService documents;

  @PersistenceContext(unitName = "nrm")
  EntityManager em;

  @Resource UserTransaction tx;

  private Viewer viewer(String username) throws Exception {
    ConsentFixture.ensure(em, tx);
    return directory.viewerFor(username).orElseThrow();
  }

  /**
   * A case of the fixture's NGO referred to its CSW on a consent for identity and contact; returns
   * {case, consent}.
   */
  private long[] referredCase(Viewer owner, String surname) throws Exception {
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Vesna", surname);
    long csw = ConsentFixture.organisation(em, "CP Social Work Centre").getId();
    long consentId =
        consents.give(
            owner,
            new ConsentService.NewConsentForm(
                caseId,
                csw,
                Purpose.SOCIAL_PROTECTION,
                EnumSet.of(DataCategory.IDENTITY, DataCategory.CONTACT),
                LocalDate.now(ZoneId.of("Europe/Belgrade")),
                null,
                ConsentMethod.SIGNED_FORM,
                "signed at the shelter"));
    referrals.send(
        owner,
        caseId,
        csw,
        Purpose.SOCIAL_PROTECTION,
        EnumSet.of(DataCategory.IDENTITY, DataCategory.CONTACT),
        "needs protection");
    return new long[] {caseId, consentId};
  }

  @Test
  void aPageRequestLoadsTheFactsOnceAndAnyOtherRequestEachTime() throws Exception {
    Viewer owner = viewer("cp.coordinator");
    long caseId = referredCase(owner, "Once")[0];
    assertNotSame(
        access.facts(caseId).orElseThrow(),
        access.facts(caseId).orElseThrow(),
        "not a page request: loaded on every call");
    requestId.markPageView();
    assertSame(
        access.facts(caseId).orElseThrow(),
        access.facts(caseId).orElseThrow(),
        "a page request: loaded once");
  }

  @Test
  void aConsentWithdrawnEarlierInTheSameRequestIsRefusedAtOnce() throws Exception {
    requestId.markPageView();
    Viewer owner = viewer("cp.coordinator");
    Viewer csw = viewer("cp.csw1");
    long[] referred = referredCase(owner, "Samerequest");
    long caseId = referred[0];
    assertEquals(
        "Vesna",
        cases.find(csw, caseId).orElseThrow().identity().firstName(),
        "the recipient reads the case while the consent stands");

    long version = em.find(Consent.class, referred[1]).getVersion();
    assertEquals(1, consents.withdraw(owner, referred[1], version));
    assertTrue(
        cases.find(csw, caseId).isEmpty(),
        "withdrawn (its referral revoked) in this request: the case is gone for the recipient");
  }

  @Test
  void aConsentWithdrawnInTheSameTransactionAndNotYetFlushedIsRefused() throws Exception {
    requestId.markPageView();
    Viewer owner = viewer("cp.coordinator");
    Viewer csw = viewer("cp.csw1");
    long[] referred = referredCase(owner, "Sametransaction");
    long caseId = referred[0];
    tx.begin();
    try {
      assertEquals(
          "Vesna",
          cases.find(csw, caseId).orElseThrow().identity().firstName(),
          "the recipient reads the case while the consent stands");
      // A change in this transaction that nothing has sent to the database yet.
      em.find(Consent.class, referred[1])
          .withdraw(ConsentFixture.user(em, "cp.coordinator"), java.time.Instant.now());
      assertTrue(
          cases.find(csw, caseId).map(v -> v.identity() == null).orElse(true),
          "the consent withdrawn in this transaction, not yet flushed: the recipient no longer reads the identity");
    } finally {
      tx.rollback();
    }
  }

  private long count(String sql, long id) {
    return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue();
  }

  private long caseOf(String table, long rowId) {
    return count("select case_file_id from " + table + " where id = ?1", rowId);
  }

  private long auditRowsAbout(long caseId) {
    return count(
        "select count(*) from audit_record where person_id ="
            + " (select person_id from case_file where id = ?1)",
        caseId);
  }

  private java.util.List<Long> listed(Viewer viewer, String code) {
    return cases.list(viewer, new CaseListQuery(0, 50, null, false, code, null, null)).stream()
        .map(rs.astra.nrm.casefile.CaseRow::id)
        .toList();
  }

  private static CaseFileService.NewCaseForm person(
      String firstName, String secondName, LocalDate born) {
    return new CaseFileService.NewCaseForm(
        firstName, secondName, born, null, "RS", null, null, java.util.Set.of(), null, null);
  }

  private long give(Viewer owner, long caseId, long csw) {
    return give(owner, caseId, csw, Purpose.SOCIAL_PROTECTION);
  }

  private long give(Viewer owner, long caseId, long csw, Purpose purpose) {
    return consents.give(
        owner,
        new ConsentService.NewConsentForm(
            caseId,
            csw,
            purpose,
            EnumSet.of(DataCategory.IDENTITY),
            LocalDate.now(ZoneId.of("Europe/Belgrade")),
            null,
            ConsentMethod.SIGNED_FORM,
            "signed at the shelter"));
  }

  @Test
  void theOwnersCoordinatorMergesTwoCasesOfOnePersonAndUndoesTheMerge() throws Exception {
    Viewer coordinator = viewer("cp.coordinator");
    Viewer caseworker = viewer("cp.caseworker");
    LocalDate born = LocalDate.of(1980, 1, 1).plusDays(new java.util.Random().nextInt(9000));
    long survivor = cases.open(caseworker, person("Милица", "Ђорђевић", born));
    long absorbed = cases.open(caseworker, person("Milica", "Djordjevic", born));
    long stranger = cases.open(caseworker, person("Milica", "Đorđević", born.plusDays(40)));
    long csw = ConsentFixture.organisation(em, "CP Social Work Centre").getId();
    long consent = give(coordinator, absorbed, csw);
    long referral =
        referrals.send(
            coordinator,
            absorbed,
            csw,
            Purpose.SOCIAL_PROTECTION,
            EnumSet.of(DataCategory.IDENTITY),
            "needs protection");
    long document;
    try (java.io.InputStream in =
        new java.io.ByteArrayInputStream(
            "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% merge\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      document =
          documents.upload(
              coordinator,
              absorbed,
              new NewDocumentForm("Izjava", DocumentType.IDENTITY_DOCUMENT, null, null),
              in,
              "izjava.pdf");
    }
    long absorbedEvents =
        count("select count(*) from case_event where case_file_id = ?1", absorbed);
    String absorbedCode = cases.find(coordinator, absorbed).orElseThrow().code();
    String survivorCode = cases.find(coordinator, survivor).orElseThrow().code();

    assertTrue(
        cases.possibleDuplicatesOfCase(caseworker, survivor).isEmpty(),
        "a caseworker is not offered merges");
    java.util.List<MergeCandidate> offered = cases.possibleDuplicatesOfCase(coordinator, survivor);
    java.util.Set<Long> offeredIds = new java.util.HashSet<>();
    offered.forEach(d -> offeredIds.add(d.duplicate().caseId()));
    assertTrue(offeredIds.contains(absorbed), "the same person written in Latin script is offered");
    assertTrue(offeredIds.contains(stranger), "a birth date within a year is offered");
    MergeCandidate twin =
        offered.stream().filter(d -> d.duplicate().caseId() == absorbed).findFirst().orElseThrow();
    assertTrue(
        twin.duplicate()
            .matched()
            .contains(rs.astra.nrm.casefile.PossibleDuplicate.Match.BIRTHDATE));

    merges.markNotSamePerson(coordinator, survivor, stranger);
    assertTrue(
        cases.possibleDuplicatesOfCase(coordinator, survivor).stream()
            .noneMatch(d -> d.duplicate().caseId() == stranger),
        "a pair marked not the same person is not offered again");

    long survivorVersion = cases.find(coordinator, survivor).orElseThrow().version();
    assertThrows(
        AccessDeniedException.class,
        () -> merges.merge(caseworker, survivor, survivorVersion, absorbed, twin.version(), "x"),
        "only a coordinator merges");
    assertThrows(
        InvalidRequestException.class,
        () -> merges.merge(coordinator, survivor, survivorVersion, absorbed, twin.version(), " "),
        "a merge needs a reason");
    assertThrows(
        ConcurrentUpdateException.class,
        () ->
            merges.merge(
                coordinator, survivor, survivorVersion - 1, absorbed, twin.version(), "same"),
        "a merge on a stale page is refused");
    assertEquals(absorbed, caseOf("referral", referral), "nothing moved by the refused merges");
    long absorbedAudit = auditRowsAbout(absorbed);
    assertTrue(absorbedAudit > 0, "listing the duplicate read its identity, audited");

    long mergeId =
        merges.merge(
            coordinator, survivor, survivorVersion, absorbed, twin.version(), "same person, twice");

    assertEquals(survivor, caseOf("referral", referral));
    assertEquals(survivor, caseOf("consent", consent));
    assertEquals(survivor, caseOf("case_document", document));
    assertEquals(
        1,
        count("select count(*) from case_event where case_file_id = ?1", absorbed),
        "the absorbed case keeps only the event of the merge");
    assertTrue(
        count("select count(*) from case_event where case_file_id = ?1", survivor)
            >= absorbedEvents + 2,
        "the absorbed case's history is on the survivor's timeline, with the merge");
    assertTrue(listed(coordinator, absorbedCode).isEmpty(), "the absorbed case left the list");
    assertEquals(java.util.List.of(survivor), listed(coordinator, survivorCode));
    assertTrue(cases.find(coordinator, absorbed).isEmpty());
    assertEquals(survivorCode, merges.mergedInto(coordinator, absorbed).orElseThrow().code());
    int report = reports.reportForCase(coordinator, survivor).size();
    assertEquals(
        auditRowsAbout(survivor) + absorbedAudit,
        report,
        "the survivor's access report includes the absorbed case's audit records");

    // (another purpose: the moved consent is the same one for social protection)
    long later = give(coordinator, survivor, csw, Purpose.PSYCHOSOCIAL_SUPPORT);
    long versionNow = cases.find(coordinator, survivor).orElseThrow().version();
    assertThrows(
        AccessDeniedException.class,
        () -> merges.undo(caseworker, mergeId, versionNow),
        "only a coordinator undoes a merge");
    merges.undo(coordinator, mergeId, versionNow);

    assertEquals(absorbed, caseOf("referral", referral));
    assertEquals(absorbed, caseOf("consent", consent));
    assertEquals(absorbed, caseOf("case_document", document));
    assertEquals(survivor, caseOf("consent", later), "a record made after the merge stays");
    assertEquals(
        absorbedEvents + 2,
        count("select count(*) from case_event where case_file_id = ?1", absorbed),
        "the absorbed case has its history back, with the merge and its undo");
    assertEquals(java.util.List.of(absorbed), listed(coordinator, absorbedCode));
    int reportAfterUndo = reports.reportForCase(coordinator, survivor).size();
    assertEquals(
        auditRowsAbout(survivor),
        reportAfterUndo,
        "after the undo the survivor's report is its own person's again");
    assertThrows(
        InvalidRequestException.class,
        () -> merges.undo(coordinator, mergeId, cases.find(coordinator, survivor).get().version()),
        "a merge is undone once");
  }

  @Test
  void aChainOfMergesIsFollowedToTheFinalSurvivorAndTheShellsAnswerNothingById() throws Exception {
    Viewer coordinator = viewer("cp.coordinator");
    Viewer caseworker = viewer("cp.caseworker");
    LocalDate born = LocalDate.of(1970, 1, 1).plusDays(new java.util.Random().nextInt(9000));
    long first = cases.open(caseworker, person("Јована", "Лазић", born));
    long second = cases.open(caseworker, person("Jovana", "Lazic", born));
    long last = cases.open(caseworker, person("Jovana", "Lazić", born));
    String lastCode = cases.find(coordinator, last).orElseThrow().code();
    String firstCode = cases.find(coordinator, first).orElseThrow().code();
    long csw = ConsentFixture.organisation(em, "CP Social Work Centre").getId();

    merges.merge(
        coordinator,
        second,
        cases.find(coordinator, second).orElseThrow().version(),
        first,
        cases.find(coordinator, first).orElseThrow().version(),
        "the same person");
    merges.merge(
        coordinator,
        last,
        cases.find(coordinator, last).orElseThrow().version(),
        second,
        cases.find(coordinator, second).orElseThrow().version(),
        "the same person again");

    // The old addresses of both merged cases lead to the final survivor.
    assertEquals(lastCode, merges.mergedInto(coordinator, first).orElseThrow().code());
    assertEquals(lastCode, merges.mergedInto(coordinator, second).orElseThrow().code());
    assertEquals(java.util.Optional.of(last), merges.finalSurvivor(first));
    assertTrue(merges.finalSurvivor(last).isEmpty(), "the survivor was not merged");
    // The survivor's access report holds the records about all three persons.
    int report = reports.reportForCase(coordinator, last).size();
    assertEquals(auditRowsAbout(last) + auditRowsAbout(second) + auditRowsAbout(first), report);
    assertTrue(auditRowsAbout(first) > 0, "the first case was read before it was merged");

    // Asked for by its id, a merged case's shell answers nothing, and says why.
    for (long shell : new long[] {first, second}) {
      assertTrue(cases.find(coordinator, shell).isEmpty());
      AccessDeniedException consent =
          assertThrows(AccessDeniedException.class, () -> give(coordinator, shell, csw));
      assertEquals(rs.astra.nrm.consent.DenyReason.CASE_MERGED, consent.reason());
      AccessDeniedException accessReport =
          assertThrows(
              AccessDeniedException.class, () -> reports.reportForCase(coordinator, shell));
      assertEquals(rs.astra.nrm.consent.DenyReason.CASE_MERGED, accessReport.reason());
      assertThrows(
          AccessDeniedException.class,
          () ->
              referrals.send(
                  coordinator,
                  shell,
                  csw,
                  Purpose.SOCIAL_PROTECTION,
                  EnumSet.of(DataCategory.IDENTITY),
                  "to a shell"));
    }
    assertThrows(
        AccessDeniedException.class,
        () -> reports.reportForCase(viewer("cp.dpo"), first),
        "the data protection officer prepares the survivor's report, not the shell's");
    assertTrue(
        reports.findCasesForReport(viewer("cp.dpo"), lastCode, null, 0, 10).stream()
            .anyMatch(c -> c.caseId() == last));
    assertTrue(
        reports.findCasesForReport(viewer("cp.dpo"), firstCode, null, 0, 10).isEmpty(),
        "the officer's search finds the survivor, not the shell");

    // Anonymising the final survivor anonymises the persons of the whole chain.
    tx.begin();
    anonymiser.anonymiseCase(last, LocalDate.now(ZoneId.of("Europe/Belgrade")));
    tx.commit();
    for (long merged : new long[] {first, second, last}) {
      assertEquals(
          0,
          count(
              "select count(*) from person where first_name is not null and id ="
                  + " (select person_id from case_file where id = ?1)",
              merged),
          "the person of case " + merged + " is anonymised");
    }
  }
}
