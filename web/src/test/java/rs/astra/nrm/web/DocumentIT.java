package rs.astra.nrm.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseTimeline;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessDeniedException;
import rs.astra.nrm.consent.BreakGlassService;
import rs.astra.nrm.consent.ConsentMethod;
import rs.astra.nrm.consent.ConsentService;
import rs.astra.nrm.consent.DenyReason;
import rs.astra.nrm.consent.Purpose;
import rs.astra.nrm.document.CaseDocumentService;
import rs.astra.nrm.document.CaseDocuments;
import rs.astra.nrm.document.DocumentRefusedException;
import rs.astra.nrm.document.DocumentRow;
import rs.astra.nrm.document.DocumentType;
import rs.astra.nrm.document.NewDocumentForm;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.referral.ReferralService;
import rs.astra.nrm.rights.AccessReportService;
import rs.astra.nrm.shared.InvalidRequestException;

/**
 * Case documents (issue 17) through the real services, the consent policy and HTTP: the access
 * matrix rows for documents (owner; recipient with and without consent for the category; expired
 * and withdrawn consent; emergency access, read-only; police's and a hospital's own uploads;
 * administrator, data protection officer and hotline operator), bad files refused with nothing
 * stored, contents encrypted at rest, every download and every refused one in the access report,
 * and exact Unicode file names on the wire.
 */
@ExtendWith(ArquillianExtension.class)
class DocumentIT {

  @Deployment
  static WebArchive portal() {
    return Deployments.packagedPortal(ConsentFixture.class, PortalSession.class);
  }

  @Inject CaseDocumentService documents;
  @Inject rs.astra.nrm.casefile.CaseFileService caseFiles;
  @Inject ConsentService consents;
  @Inject ReferralService referrals;
  @Inject BreakGlassService breakGlass;
  @Inject AccessReportService accessReports;
  @Inject CaseTimeline timeline;
  @Inject UserDirectory directory;
  @Inject HttpServletRequest request;

  @PersistenceContext(unitName = "nrm")
  EntityManager em;

  @Resource UserTransaction tx;

  private static final LocalDate TODAY = rs.astra.nrm.shared.NrmTime.today();

  /** A small but real PDF (Tika detects it by its header). */
  static byte[] pdf(String text) {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% "
            + text
            + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private Viewer viewer(String username) throws Exception {
    ConsentFixture.ensure(em, tx);
    return directory.viewerFor(username).orElseThrow();
  }

  private long orgId(String name) {
    return ConsentFixture.organisation(em, name).getId();
  }

  private long consentAndReferral(
      Viewer owner, long caseId, String organisation, Purpose purpose, Set<DataCategory> cats) {
    long consent =
        consents.give(
            owner,
            new ConsentService.NewConsentForm(
                caseId,
                orgId(organisation),
                purpose,
                cats,
                TODAY,
                null,
                ConsentMethod.SIGNED_FORM,
                null));
    referrals.send(owner, caseId, orgId(organisation), purpose, cats, null);
    return consent;
  }

  private long upload(Viewer who, long caseId, DocumentType type, String title, byte[] bytes)
      throws Exception {
    return upload(who, caseId, new NewDocumentForm(title, type, null, null), "file.pdf", bytes);
  }

  private long upload(Viewer who, long caseId, NewDocumentForm form, String name, byte[] bytes)
      throws Exception {
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      return documents.upload(who, caseId, form, in, name);
    }
  }

  private byte[] download(Viewer who, long documentId) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    documents.download(who, documentId, file -> out);
    return out.toByteArray();
  }

  private static List<String> titles(CaseDocuments section) {
    return section.documents().stream().map(DocumentRow::title).toList();
  }

  private long documentCount(long caseId) {
    return em.createQuery(
            "select count(d) from CaseDocument d where d.caseFile.id = :c", Long.class)
        .setParameter("c", caseId)
        .getSingleResult();
  }

  private long contentRows() {
    return ((Number)
            em.createNativeQuery("select count(*) from case_document_content").getSingleResult())
        .longValue();
  }

  private long auditedDownloads(long documentId, boolean permitted) {
    return em.createQuery(
            "select count(a) from AuditRecord a where a.documentId = :d and a.permitted = :p",
            Long.class)
        .setParameter("d", documentId)
        .setParameter("p", permitted)
        .getSingleResult();
  }

  @Test
  void aHospitalsMedicalReportReachesTheOwnerAndNoInstitutionWithoutConsent() throws Exception {
    Viewer owner = viewer("cp.caseworker");
    Viewer health = viewer("cp.health");
    Viewer csw = viewer("cp.csw1");
    Viewer police = viewer("cp.police");
    Viewer cptv = viewer("cp.cptv");
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Mila", "Dokument");
    consentAndReferral(
        owner, caseId, "CP Health", Purpose.HEALTH_CARE, Set.of(DataCategory.HEALTH));
    consentAndReferral(
        owner,
        caseId,
        "CP Social Work Centre",
        Purpose.SOCIAL_PROTECTION,
        Set.of(DataCategory.SOCIAL));
    referrals.send(owner, caseId, orgId("CP Police"), Purpose.CRIMINAL_PROCEEDINGS, Set.of(), null);

    // The hospital uploads its medical record under its consent for HEALTH.
    byte[] report = pdf("discharge letter");
    long medical = upload(health, caseId, DocumentType.MEDICAL_RECORD, "Otpusna lista", report);
    assertEquals(List.of("Otpusna lista"), titles(documents.documents(health, caseId)));
    assertEquals(
        List.of(DataCategory.HEALTH),
        documents.documents(health, caseId).uploadCategories().stream().toList(),
        "the hospital uploads in the categories its consent covers");

    // The owner reads and downloads it.
    assertArrayEquals(report, download(owner, medical));
    assertEquals(List.of("Otpusna lista"), titles(documents.documents(owner, caseId)));

    // A centre for social work with consent for SOCIAL only: no title, a count, refused download.
    CaseDocuments cswSection = documents.documents(csw, caseId);
    assertEquals(List.of(), titles(cswSection));
    assertEquals(1, cswSection.hidden());
    assertEquals(
        DenyReason.NOT_IN_REFERRAL,
        assertThrows(AccessDeniedException.class, () -> download(csw, medical)).reason());
    assertThrows(AccessDeniedException.class, () -> download(cptv, medical), "no referral");
    assertThrows(AccessDeniedException.class, () -> download(police, medical));

    // Administrators, data protection officers and hotline operators read no document.
    for (String user : List.of("cp.admin", "cp.dpo")) {
      Viewer v = viewer(user);
      assertEquals(
          DenyReason.ADMINISTRATOR,
          assertThrows(AccessDeniedException.class, () -> download(v, medical)).reason());
      assertEquals(List.of(), titles(documents.documents(v, caseId)));
    }
    Viewer hotline = directory.viewerFor("ngo.hotline").orElseThrow();
    assertThrows(AccessDeniedException.class, () -> download(hotline, medical));

    // Every download, permitted or refused, is audited with the document and in the report.
    assertEquals(1, auditedDownloads(medical, true));
    assertTrue(auditedDownloads(medical, false) >= 5);
    List<AccessReportService.ReportLine> lines = accessReports.reportForCase(owner, caseId);
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    Long.valueOf(medical).equals(l.documentId())
                        && l.permitted()
                        && l.user().equals("User cp.caseworker")));
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    Long.valueOf(medical).equals(l.documentId())
                        && !l.permitted()
                        && l.user().equals("User cp.csw1")));

    // The timeline shows the upload to those who read HEALTH only.
    assertTrue(
        timeline.events(owner, caseId).stream()
            .anyMatch(
                e ->
                    e.type() == CaseEvent.Type.DOCUMENT_UPLOADED
                        && "Otpusna lista".equals(e.detail())));
    assertFalse(
        timeline.events(csw, caseId).stream()
            .anyMatch(e -> e.type() == CaseEvent.Type.DOCUMENT_UPLOADED));

    // The police upload their own police record (legal basis, own records) and read only it.
    long policeRecord =
        upload(
            police, caseId, DocumentType.POLICE_RECORD, "Zapisnik o krivičnoj prijavi", pdf("p"));
    long courtByOwner =
        upload(owner, caseId, DocumentType.COURT_DOCUMENT, "Poziv za ročište", pdf("court"));
    assertEquals(
        List.of("Zapisnik o krivičnoj prijavi"), titles(documents.documents(police, caseId)));
    assertEquals(2, documents.documents(police, caseId).hidden());
    download(police, policeRecord);
    assertEquals(
        DenyReason.NO_CONSENT,
        assertThrows(AccessDeniedException.class, () -> download(police, courtByOwner)).reason(),
        "the own-records rule: not the owner's court document");
    // The hospital may not correct the police's record nor upload in LEGAL_PROCEEDINGS.
    assertThrows(
        AccessDeniedException.class,
        () -> upload(health, caseId, DocumentType.POLICE_RECORD, "x", pdf("x")));
    assertThrows(
        AccessDeniedException.class,
        () ->
            upload(
                health,
                caseId,
                new NewDocumentForm("x", DocumentType.MEDICAL_RECORD, null, policeRecord),
                "x.pdf",
                pdf("x")));
    assertEquals(
        3, documents.documents(owner, caseId).documents().size(), "the owner lists every document");
  }

  @Test
  void expiredWithdrawnAndEmergencyAccessDecideDownloadsLikeEveryOtherRecord() throws Exception {
    Viewer owner = viewer("cp.caseworker");
    Viewer csw = viewer("cp.csw2");
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Nada", "Istek");
    long consent =
        consentAndReferral(
            owner,
            caseId,
            "CP Social Work Centre",
            Purpose.SOCIAL_PROTECTION,
            Set.of(DataCategory.SOCIAL));
    long assessment =
        upload(owner, caseId, DocumentType.SOCIAL_ASSESSMENT, "Procena", pdf("assessment"));
    assertArrayEquals(pdf("assessment"), download(csw, assessment));

    // Expired: the consent ended yesterday.
    tx.begin();
    em.createNativeQuery("update consent set valid_until = ? where id = ?")
        .setParameter(1, TODAY.minusDays(1))
        .setParameter(2, consent)
        .executeUpdate();
    tx.commit();
    assertEquals(
        DenyReason.CONSENT_EXPIRED,
        assertThrows(AccessDeniedException.class, () -> download(csw, assessment)).reason());
    tx.begin();
    em.createNativeQuery("update consent set valid_until = null where id = ?")
        .setParameter(1, consent)
        .executeUpdate();
    tx.commit();
    download(csw, assessment);

    // Withdrawn: refused and audited.
    long version =
        em.createQuery("select k.version from Consent k where k.id = :id", Long.class)
            .setParameter("id", consent)
            .getSingleResult();
    consents.withdraw(owner, consent, version);
    assertThrows(AccessDeniedException.class, () -> download(csw, assessment));
    assertTrue(auditedDownloads(assessment, false) >= 2);

    // Emergency access (on a new referral of the case summary only): read, never upload.
    referrals.send(
        owner, caseId, orgId("CP Social Work Centre"), Purpose.ACCOMMODATION, Set.of(), null);
    assertThrows(AccessDeniedException.class, () -> download(csw, assessment));
    breakGlass.open(
        csw,
        caseId,
        DataCategory.SOCIAL,
        "Dete je nestalo iz smeštaja noćas, policija traži hitne podatke",
        true);
    assertArrayEquals(pdf("assessment"), download(csw, assessment));
    assertThrows(
        AccessDeniedException.class,
        () -> upload(csw, caseId, DocumentType.SOCIAL_ASSESSMENT, "Nova procena", pdf("n")));
  }

  @Test
  void badFilesAreRefusedAndNothingIsStored() throws Exception {
    Viewer owner = viewer("cp.caseworker");
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Vera", "Datoteka");
    long contents = contentRows();
    byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes();
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[60] = (byte) 0x80;
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    NewDocumentForm form = new NewDocumentForm("Izjava", DocumentType.OTHER, null, null);
    assertEquals(
        "document.refused.type",
        assertThrows(
                DocumentRefusedException.class, () -> upload(owner, caseId, form, "a.pdf", html))
            .messageKey());
    assertEquals(
        "document.refused.type",
        assertThrows(
                DocumentRefusedException.class, () -> upload(owner, caseId, form, "b.pdf", exe))
            .messageKey());
    assertEquals(
        "document.refused.empty",
        assertThrows(
                DocumentRefusedException.class,
                () -> upload(owner, caseId, form, "c.pdf", new byte[0]))
            .messageKey());
    assertEquals(
        "document.refused.extension",
        assertThrows(
                DocumentRefusedException.class,
                () -> upload(owner, caseId, form, "d.docx", pdf("pdf named docx")))
            .messageKey());
    assertEquals(
        "document.refused.name",
        assertThrows(
                DocumentRefusedException.class,
                () -> upload(owner, caseId, form, "abc\u202Egpj.pdf", pdf("bidi")))
            .messageKey());
    // Over 25 MiB: refused while streaming, before the type is even looked at.
    byte[] big = new byte[25 * 1024 * 1024 + 1];
    System.arraycopy(pdf("big"), 0, big, 0, 20);
    assertEquals(
        "document.refused.tooLarge",
        assertThrows(
                DocumentRefusedException.class, () -> upload(owner, caseId, form, "e.pdf", big))
            .messageKey());
    assertEquals(
        "document.error.title",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    upload(
                        owner,
                        caseId,
                        new NewDocumentForm(" ", DocumentType.OTHER, null, null),
                        "f.pdf",
                        pdf("f")))
            .messageKey());
    assertEquals(0, documentCount(caseId), "no metadata stored");
    assertEquals(contents, contentRows(), "no contents stored");
  }

  @Test
  void aPhotoIsStoredWithoutItsGpsPosition() throws Exception {
    Viewer owner = viewer("cp.caseworker");
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Lana", "Fotografija");
    java.awt.image.BufferedImage picture =
        new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(picture, "jpeg", plain);
    org.apache.commons.imaging.formats.tiff.write.TiffOutputSet exif =
        new org.apache.commons.imaging.formats.tiff.write.TiffOutputSet();
    exif.setGpsInDegrees(20.4573, 44.8176); // a safe house's position
    ByteArrayOutputStream tagged = new ByteArrayOutputStream();
    new org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter()
        .updateExifMetadataLossless(plain.toByteArray(), tagged, exif);
    assertTrue(
        new String(tagged.toByteArray(), StandardCharsets.ISO_8859_1).contains("Exif"),
        "the test photo carries EXIF");

    long id =
        upload(
            owner,
            caseId,
            new NewDocumentForm("Fotografija", DocumentType.PHOTO, null, null),
            "slika.jpg",
            tagged.toByteArray());
    byte[] stored = download(owner, id);
    assertFalse(
        new String(stored, StandardCharsets.ISO_8859_1).contains("Exif"), "no EXIF is stored");
    org.apache.commons.imaging.common.ImageMetadata metadata =
        org.apache.commons.imaging.Imaging.getMetadata(stored);
    assertTrue(
        metadata == null
            || ((org.apache.commons.imaging.formats.jpeg.JpegImageMetadata) metadata).getExif()
                == null,
        "no GPS position survives");
    assertEquals(40, javax.imageio.ImageIO.read(new ByteArrayInputStream(stored)).getWidth());
    String digest =
        em.createQuery("select d.sha256 from CaseDocument d where d.id = :id", String.class)
            .setParameter("id", id)
            .getSingleResult();
    assertEquals(
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(stored)),
        digest,
        "the digest is of the stored (cleaned) file");
  }

  @Test
  void contentsAreEncryptedVersionedAndLimitedPerCase() throws Exception {
    Viewer owner = viewer("cp.caseworker");
    long caseId = ConsentFixture.newCase(em, tx, "cp.caseworker", "Zora", "Verzija");
    byte[] text =
        "Izjava: sve što je rečeno ostaje ovde. Plain text marker 42.\n"
            .repeat(50)
            .getBytes(StandardCharsets.UTF_8);
    long first =
        upload(
            owner,
            caseId,
            new NewDocumentForm("Izjava", DocumentType.CORRESPONDENCE, null, null),
            "izjava.txt",
            text);
    List<?> stored =
        em.createNativeQuery("select data from case_document_content where document_id = ?")
            .setParameter(1, first)
            .getResultList();
    assertFalse(stored.isEmpty());
    for (Object segment : stored) {
      String s = new String((byte[]) segment, StandardCharsets.ISO_8859_1);
      assertFalse(s.contains("marker 42"), "the stored bytes are not the file");
    }
    assertArrayEquals(text, download(owner, first));

    // A corrected version keeps the earlier one readable.
    byte[] corrected = "Izjava, ispravljena.".getBytes(StandardCharsets.UTF_8);
    long second =
        upload(
            owner,
            caseId,
            new NewDocumentForm("Izjava (ispravka)", DocumentType.CORRESPONDENCE, null, first),
            "izjava-2.txt",
            corrected);
    CaseDocuments section = documents.documents(owner, caseId);
    assertEquals(List.of("Izjava (ispravka)"), titles(section));
    assertEquals(
        List.of(first),
        section.documents().get(0).earlierVersions().stream().map(DocumentRow::id).toList());
    assertArrayEquals(text, download(owner, first));
    assertArrayEquals(corrected, download(owner, second));
    assertEquals(
        "document.error.superseded",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    upload(
                        owner,
                        caseId,
                        new NewDocumentForm("again", DocumentType.CORRESPONDENCE, null, first),
                        "x.txt",
                        corrected))
            .messageKey());

    // The owner files it under HEALTH: the change reaches the earlier version too.
    DocumentRow current = section.documents().get(0);
    documents.changeCategory(owner, current.id(), current.rowVersion(), DataCategory.HEALTH);
    assertEquals(
        EnumSet.of(DataCategory.HEALTH),
        EnumSet.copyOf(
            em.createQuery(
                    "select d.category from CaseDocument d where d.caseFile.id = :c",
                    DataCategory.class)
                .setParameter("c", caseId)
                .getResultList()));

    // At most 100 versions a case.
    for (int i = documentCount(caseId) == 2 ? 2 : 0; i < 100; i++) {
      upload(
          owner,
          caseId,
          new NewDocumentForm("Dopis " + i, DocumentType.CORRESPONDENCE, null, null),
          "dopis.txt",
          ("dopis " + i).getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(100, documentCount(caseId));
    String code =
        em.createQuery("select c.code from CaseFile c where c.id = :id", String.class)
            .setParameter("id", caseId)
            .getSingleResult();
    List<rs.astra.nrm.casefile.CaseRow> listed =
        caseFiles.list(
            owner,
            new rs.astra.nrm.casefile.CaseListQuery(
                0,
                10,
                rs.astra.nrm.casefile.CaseListQuery.SortColumn.CODE,
                true,
                code,
                null,
                null));
    assertEquals(1, listed.size());
    assertEquals(100L, listed.get(0).documents(), "the owner's case list row counts documents");
    assertEquals(
        "document.error.tooMany",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    upload(
                        owner,
                        caseId,
                        new NewDocumentForm("101", DocumentType.CORRESPONDENCE, null, null),
                        "dopis.txt",
                        "101".getBytes(StandardCharsets.UTF_8)))
            .messageKey());
  }

  @Test
  void unicodeFileNamesRoundTripOverHttpAndRefusalsLookLikeMissingDocuments() throws Exception {
    Viewer owner = directory.viewerFor("ngo.caseworker1").orElseThrow();
    long caseId =
        em.createQuery(
                "select min(c.id) from CaseFile c where c.ownerOrganisation.id = :o", Long.class)
            .setParameter("o", owner.organisationId())
            .getSingleResult();
    URI base =
        URI.create("http://localhost:" + request.getLocalPort() + request.getContextPath() + "/");
    PortalSession session = new PortalSession(base);
    session.signIn("ngo.caseworker1", "demo");
    for (String name : List.of("Škola_izjava.pdf", "Žalba 100%.pdf", "Изјава_Ђорђе.pdf")) {
      byte[] bytes = pdf(name);
      long id =
          upload(
              owner,
              caseId,
              new NewDocumentForm(name, DocumentType.OTHER, null, null),
              name,
              bytes);
      HttpResponse<byte[]> response =
          session
              .http()
              .send(
                  HttpRequest.newBuilder(base.resolve("app/document?id=" + id)).build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, response.statusCode());
      assertArrayEquals(bytes, response.body(), name);
      String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
      assertTrue(disposition.startsWith("attachment;"), disposition);
      String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + 17);
      assertEquals(
          name,
          URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8),
          disposition);
      assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
      assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
      assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }

    // A user of an organisation the case is not shared with: the same 404 as a missing document,
    // and the refusal is recorded.
    long id =
        em.createQuery("select max(d.id) from CaseDocument d where d.caseFile.id = :c", Long.class)
            .setParameter("c", caseId)
            .getSingleResult();
    PortalSession stranger = new PortalSession(base);
    stranger.signIn("health.worker", "demo");
    long refusedBefore = auditedDownloads(id, false);
    HttpResponse<String> notShared =
        stranger
            .http()
            .send(
                HttpRequest.newBuilder(base.resolve("app/document?id=" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> missing =
        stranger
            .http()
            .send(
                HttpRequest.newBuilder(base.resolve("app/document?id=" + (id + 1_000_000))).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(404, notShared.statusCode());
    assertEquals(404, missing.statusCode());
    assertEquals(
        missing.body().replaceAll("nonce-[^\"']+|nonce=\"[^\"]+\"|'[A-Za-z0-9+/=]{16,}'", ""),
        notShared.body().replaceAll("nonce-[^\"']+|nonce=\"[^\"]+\"|'[A-Za-z0-9+/=]{16,}'", ""),
        "a not-shared document answers exactly as a missing one");
    assertEquals(refusedBefore + 1, auditedDownloads(id, false));

    // The case page shows the Documents section with the names and a download link.
    String page = session.get("app/case.xhtml?id=" + caseId).body();
    assertTrue(
        page.contains("id=\"documentsForm:documentsSection\"")
            || page.contains("documentsSection"));
    assertTrue(page.contains("Изјава_Ђорђе.pdf"), "the file name is shown exactly");
    assertTrue(page.contains("app/document?id=" + id));
    // The hospital's worker, not referred, gets no Documents section data.
    assertFalse(stranger.get("app/case.xhtml?id=" + caseId).body().contains("Изјава_Ђорђе.pdf"));

    // A 40 MB post past the browser is refused before anything is read into the portal.
    long before = documentCount(caseId);
    byte[] forty = new byte[40 * 1024 * 1024];
    HttpResponse<String> tooLarge =
        session
            .http()
            .send(
                HttpRequest.newBuilder(base.resolve("app/case.xhtml?id=" + caseId))
                    .header("Content-Type", "multipart/form-data; boundary=xyz")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(forty))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(413, tooLarge.statusCode());
    assertEquals(before, documentCount(caseId));
  }
}
