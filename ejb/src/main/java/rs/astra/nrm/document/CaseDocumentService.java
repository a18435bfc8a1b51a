package rs.astra.nrm.document;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import rs.astra.nrm.casefile.CaseEvent;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.CaseTimeline;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.AccessAction;
import rs.astra.nrm.consent.AccessBasis;
import rs.astra.nrm.consent.AccessEnforcer;
import rs.astra.nrm.consent.AccessPolicy;
import rs.astra.nrm.consent.CaseAccess;
import rs.astra.nrm.consent.CaseFacts;
import rs.astra.nrm.consent.Consent;
import rs.astra.nrm.consent.Decision;
import rs.astra.nrm.operations.DatabaseMigrator;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;
import rs.astra.nrm.organisation.Viewer;
import rs.astra.nrm.shared.ConcurrentUpdateException;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.shared.StoredBeforeReturn;

/**
 * The documents of a case (issue 17): listing, uploading, downloading and the owner's change of a
 * document's category — every read a READ of the document's {@link DataCategory}, decided by {@link
 * AccessPolicy} through the {@link AccessEnforcer} exactly as for the case's other records
 * (consent, expiry, withdrawal, emergency access, legal bases, the own-records rule).
 *
 * <p>Limits (server side, MicroProfile Config): {@code nrm.document.maxBytes} (default 25 MiB =
 * 26,214,400 bytes) a file, {@code nrm.document.maxPerCase} (default 100) document versions a case.
 * An upload is spooled to a temporary file while the size limit is enforced, its type detected from
 * the bytes ({@link DocumentTypeDetector}), a photo cleaned of its metadata ({@link
 * PhotoMetadata}), then encrypted segment by segment into the database ({@link
 * DocumentContentStore}); a download is decrypted segment by segment into the response. Neither
 * holds a whole file in the heap.
 */
@Stateless
@StoredBeforeReturn
public class CaseDocumentService {

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Resource(lookup = DatabaseMigrator.DATASOURCE)
  private DataSource dataSource;

  @Inject private CaseAccess caseAccess;
  @Inject private AccessEnforcer enforcer;
  @Inject private CaseTimeline timeline;
  @Inject private DocumentMasterKeys masterKeys;

  @Inject
  @ConfigProperty(name = "nrm.document.maxBytes", defaultValue = "26214400")
  long maxBytes;

  @Inject
  @ConfigProperty(name = "nrm.document.maxPerCase", defaultValue = "100")
  int maxPerCase;

  /**
   * What a download is about to send, for the response headers.
   *
   * @param id the document version
   * @param fileName the original file name, exactly as uploaded
   * @param contentType the media type detected at upload
   * @param sizeBytes the size in bytes
   * @param sha256 the SHA-256 of the contents, 64 lower-case hex digits
   */
  public record DocumentFile(
      long id, String fileName, String contentType, long sizeBytes, String sha256) {}

  /** Where a permitted download goes: asked once, after the decision, before the first byte. */
  public interface DownloadTarget {
    /**
     * Opens the destination (e.g. sets the response headers and returns its body).
     *
     * @param file what will be sent
     * @return the stream the plaintext is written to; not closed by the service
     * @throws IOException if it cannot be opened
     */
    OutputStream open(DocumentFile file) throws IOException;
  }

  /**
   * The Documents section of a case for a viewer: the versions she may read, by category, and the
   * number of those she may not (never their titles). An audited read: one record per category
   * whose documents are listed.
   *
   * @param viewer who asks
   * @param caseId the case
   * @return the section; empty lists when she may not see the case at all
   * @throws InvalidRequestException {@code case.notFound}
   */
  public CaseDocuments documents(Viewer viewer, long caseId) {
    CaseFacts facts = load(caseId);
    Instant now = Instant.now();
    Map<DataCategory, Decision> read =
        enforcer.decideAllAndRecordPermits(viewer, facts, AccessAction.READ, now, Set.of());
    Set<DataCategory> upload = EnumSet.noneOf(DataCategory.class);
    for (DataCategory c : DataCategory.values()) {
      if (c.isPersonal()
          && enforcer.decide(viewer, facts, c, AccessAction.UPDATE, now).permitted()) {
        upload.add(c);
      }
    }
    if (!read.get(DataCategory.CASE_SUMMARY).permitted()) {
      return new CaseDocuments(List.of(), 0, Set.of(), maxPerCase, maxBytes);
    }
    AccessPolicy.ReadableCategories readable = AccessPolicy.ReadableCategories.of(read);
    if (readable.none()) {
      return new CaseDocuments(List.of(), countOnCase(caseId), upload, maxPerCase, maxBytes);
    }
    // The readable documents and the number of all in one query (issue 16, statements per page):
    // the case's row left-joined to the documents the policy's predicate lets through gives at
    // least one row, and each row carries the count of all the case's documents. A row without a
    // document is the case's own when none is readable, not a record held back.
    List<Object[]> joined =
        readable
            .bind(
                em.createQuery(
                    "select d, p.id, u, o, (select count(x) from CaseDocument x where x.caseFile ="
                        + " c) from CaseFile c left join CaseDocument d on (d.caseFile = c and "
                        + readable.predicate("d.category", "d.uploaderOrganisation.id")
                        + ") left join d.previousVersion p left join d.uploadedBy u"
                        + " left join d.uploaderOrganisation o where c.id = :caseId"
                        + " order by d.category, d.uploadedAt desc, d.id desc",
                    Object[].class),
                viewer)
            .setParameter("caseId", caseId)
            .getResultList();
    long total = joined.isEmpty() ? 0 : ((Number) joined.getFirst()[4]).longValue();
    List<Object[]> rows = joined.stream().filter(r -> r[0] != null).toList();
    List<DocumentRow> shown = versions(viewer, rows);
    enforcer.recordReads(
        viewer,
        facts,
        read,
        rows.stream().map(r -> ((CaseDocument) r[0]).getCategory()).toList(),
        now);
    return new CaseDocuments(shown, total - rows.size(), upload, maxPerCase, maxBytes);
  }

  /** The current versions, each with its readable earlier versions, newest first. */
  private static List<DocumentRow> versions(Viewer viewer, List<Object[]> rows) {
    Map<Long, CaseDocument> byId = new LinkedHashMap<>();
    Map<Long, Long> previousOf = new HashMap<>();
    Set<Long> corrected = new java.util.HashSet<>();
    for (Object[] r : rows) {
      CaseDocument d = (CaseDocument) r[0];
      byId.put(d.getId(), d);
      if (r[1] != null) {
        previousOf.put(d.getId(), (Long) r[1]);
        corrected.add((Long) r[1]);
      }
    }
    List<DocumentRow> result = new ArrayList<>();
    for (CaseDocument d : byId.values()) {
      if (corrected.contains(d.getId())) {
        continue;
      }
      List<DocumentRow> earlier = new ArrayList<>();
      for (Long p = previousOf.get(d.getId()); p != null; p = previousOf.get(p)) {
        CaseDocument e = byId.get(p);
        if (e == null) {
          break;
        }
        earlier.add(row(viewer, e, List.of()));
      }
      result.add(row(viewer, d, List.copyOf(earlier)));
    }
    return List.copyOf(result);
  }

  private static DocumentRow row(Viewer viewer, CaseDocument d, List<DocumentRow> earlier) {
    return new DocumentRow(
        d.getId(),
        d.getVersion(),
        d.getTitle(),
        d.getType(),
        d.getCategory(),
        d.getUploadedAt(),
        d.getUploadedBy().getDisplayName(),
        d.getUploaderOrganisation().getName(),
        d.getOriginalFileName(),
        d.getSizeBytes(),
        d.getContentType(),
        d.getConsent() == null ? null : d.getConsent().getId(),
        d.getUploaderOrganisation().getId() == viewer.organisationId(),
        earlier);
  }

  /**
   * Uploads a document, or a corrected version of one, to a case. Permitted to whoever may UPDATE
   * the document's category: the owner, and recipients of a live referral whose consent or legal
   * basis covers it (they add their own records; a correction of another organisation's document is
   * refused to them). Nothing is stored when any check fails.
   *
   * @param viewer who uploads
   * @param caseId the case
   * @param form title, type, the consent a consent form belongs to, the version it corrects
   * @param content the file's bytes; read to the end (at most {@code nrm.document.maxBytes} + 1
   *     bytes), not closed
   * @param fileName the original file name, kept exactly
   * @return the new document version's id
   * @throws DocumentRefusedException for a bad file (empty, too large, bad name, type not allowed,
   *     extension contradicting the bytes, unreadable image); nothing stored
   * @throws InvalidRequestException {@code case.notFound}, {@code document.error.title}, {@code
   *     document.error.type}, {@code document.error.tooMany}, {@code document.error.consent},
   *     {@code document.notFound}, {@code document.error.superseded}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she may not update the category
   *     (recorded)
   */
  public long upload(
      Viewer viewer, long caseId, NewDocumentForm form, InputStream content, String fileName) {
    String name = UploadChecks.checkFileName(fileName);
    if (form.type() == null) {
      throw new InvalidRequestException("document.error.type");
    }
    String title = form.title() == null ? "" : form.title().strip();
    if (title.isEmpty() || title.length() > CaseDocument.TITLE_MAX) {
      throw new InvalidRequestException("document.error.title");
    }
    CaseFacts facts = load(caseId);
    Instant now = Instant.now();
    CaseDocument corrects = null;
    DataCategory category = form.type().defaultCategory();
    if (form.correctsDocumentId() != null) {
      corrects = em.find(CaseDocument.class, form.correctsDocumentId());
      if (corrects == null || corrects.getCaseFile().getId() != caseId) {
        throw new InvalidRequestException("document.notFound");
      }
      category = corrects.getCategory();
    }
    Decision update = enforcer.require(viewer, facts, category, AccessAction.UPDATE, now);
    if (corrects != null) {
      enforcer.requireRecord(
          viewer,
          facts,
          category,
          AccessAction.UPDATE,
          now,
          corrects.getUploaderOrganisation().getId(),
          corrects.getId());
      long newer =
          em.createQuery(
                  "select count(d) from CaseDocument d where d.previousVersion.id = :id",
                  Long.class)
              .setParameter("id", corrects.getId())
              .getSingleResult();
      if (newer > 0) {
        throw new InvalidRequestException("document.error.superseded");
      }
    }
    if (!update.permitted()) {
      throw new IllegalStateException("require returned a deny");
    }
    long onCase = countOnCase(caseId);
    if (onCase >= maxPerCase) {
      throw new InvalidRequestException("document.error.tooMany");
    }
    Consent consent = null;
    if (form.consentId() != null) {
      consent = em.find(Consent.class, form.consentId());
      if (form.type() != DocumentType.CONSENT_FORM
          || consent == null
          || consent.getCaseFile().getId() != caseId) {
        throw new InvalidRequestException("document.error.consent");
      }
    }
    Path spooled = null;
    Path cleaned = null;
    try {
      spooled = Files.createTempFile("nrm-upload-", ".part");
      try (InputStream limited = UploadChecks.limited(content, maxBytes)) {
        Files.copy(limited, spooled, StandardCopyOption.REPLACE_EXISTING);
      }
      String type;
      try (InputStream in = Files.newInputStream(spooled)) {
        type = DocumentTypeDetector.detect(in, name);
      }
      Path stored = spooled;
      if (PhotoMetadata.isPhoto(type)) {
        cleaned = Files.createTempFile("nrm-upload-", ".clean");
        PhotoMetadata.strip(type, spooled, cleaned);
        stored = cleaned;
      }
      long size = Files.size(stored);
      MasterKey master = masterKeys.current();
      SecretKey key = MasterKey.newDocumentKey();
      CaseDocument document =
          new CaseDocument(
              em.find(CaseFile.class, caseId),
              corrects,
              title,
              form.type(),
              em.find(PortalUser.class, viewer.userId()),
              em.find(Organisation.class, viewer.organisationId()),
              now,
              new CaseDocument.StoredFile(name, size, type, sha256(stored)),
              master.wrap(key),
              master.id());
      if (corrects != null && corrects.getCategory() != document.getCategory()) {
        document.changeCategory(corrects.getCategory());
      }
      if (consent != null) {
        document.attachToConsent(consent);
      }
      em.persist(document);
      em.flush();
      try (InputStream in = Files.newInputStream(stored)) {
        DocumentContentStore.store(em.unwrap(Connection.class), document.getId(), key, in);
      } catch (SQLException e) {
        throw new PersistenceException("document contents could not be stored", e);
      }
      timeline.record(
          caseId, viewer, CaseEvent.Type.DOCUMENT_UPLOADED, title, document.getCategory());
      return document.getId();
    } catch (IOException e) {
      throw new UncheckedIOException("upload could not be spooled", e);
    } finally {
      delete(spooled);
      delete(cleaned);
    }
  }

  /**
   * Downloads one document version: an explicit READ of its category (with the own-records rule for
   * that document), recorded with the document's id whether permitted or refused, so that it
   * appears in the person's access report. The plaintext is decrypted segment by segment into the
   * target.
   *
   * @param viewer who asks
   * @param documentId the document version
   * @param target where the file goes, opened only after a permit
   * @throws InvalidRequestException {@code document.notFound} for a document that does not exist
   * @throws rs.astra.nrm.consent.AccessDeniedException when refused (recorded); callers answer it
   *     exactly as a missing document
   * @throws DocumentKeyException when the contents do not decrypt with the master key in force
   * @throws IOException when the target fails (e.g. the browser went away)
   */
  public void download(Viewer viewer, long documentId, DownloadTarget target) throws IOException {
    CaseDocument d = em.find(CaseDocument.class, documentId);
    if (d == null) {
      throw new InvalidRequestException("document.notFound");
    }
    CaseFacts facts = load(d.getCaseFile().getId());
    enforcer.requireRecord(
        viewer,
        facts,
        d.getCategory(),
        AccessAction.READ,
        Instant.now(),
        d.getUploaderOrganisation().getId(),
        d.getId());
    MasterKey master = masterKeys.current();
    if (!master.id().equals(d.getKeyId())) {
      throw new DocumentKeyException("document key wrapped by another master key", null);
    }
    SecretKey key = master.unwrap(d.getWrappedKey());
    OutputStream out =
        target.open(
            new DocumentFile(
                d.getId(),
                d.getOriginalFileName(),
                d.getContentType(),
                d.getSizeBytes(),
                d.getSha256()));
    try (Connection c = dataSource.getConnection()) {
      DocumentContentStore.read(c, d.getId(), key, out);
    } catch (SQLException e) {
      throw new PersistenceException("document contents could not be read", e);
    }
  }

  /**
   * The owner files a document (and its earlier versions) under another category (issue 17, item
   * 1). Only the owning organisation may; the change decides who may read it from then on.
   *
   * @param viewer staff of the owning organisation
   * @param documentId the current version
   * @param rowVersion the version of the row she saw ({@link DocumentRow#rowVersion()})
   * @param category the new category, a personal one
   * @throws InvalidRequestException {@code document.notFound}, {@code document.error.category}
   * @throws rs.astra.nrm.consent.AccessDeniedException when she is not the owner (recorded)
   * @throws ConcurrentUpdateException when someone changed the document since she saw it
   */
  public void changeCategory(
      Viewer viewer, long documentId, long rowVersion, DataCategory category) {
    CaseDocument d = em.find(CaseDocument.class, documentId);
    if (d == null) {
      throw new InvalidRequestException("document.notFound");
    }
    CaseFacts facts = load(d.getCaseFile().getId());
    Decision owner =
        enforcer.require(
            viewer, facts, DataCategory.CASE_SUMMARY, AccessAction.UPDATE, Instant.now());
    if (owner.basis() != AccessBasis.OWNER) {
      throw new InvalidRequestException("document.error.category");
    }
    if (category == null || !category.isPersonal()) {
      throw new InvalidRequestException("document.error.category");
    }
    if (d.getVersion() != rowVersion) {
      throw new ConcurrentUpdateException("document");
    }
    DataCategory before = d.getCategory();
    for (CaseDocument v = d; v != null; v = v.getPreviousVersion()) {
      v.changeCategory(category);
      // The upload's timeline event shows the title to those who may read the category: it moves
      // with the document, so a title never stays where the document no longer is.
      em.createQuery(
              "update CaseEvent e set e.category = :now where e.caseFileId = :c and e.type = :t"
                  + " and e.detail = :title and e.category = :before")
          .setParameter("now", category)
          .setParameter("c", d.getCaseFile().getId())
          .setParameter("t", CaseEvent.Type.DOCUMENT_UPLOADED)
          .setParameter("title", v.getTitle())
          .setParameter("before", before)
          .executeUpdate();
    }
    em.flush();
  }

  private CaseFacts load(long caseId) {
    return caseAccess.facts(caseId).orElseThrow(() -> new InvalidRequestException("case.notFound"));
  }

  private static String sha256(Path file) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  private static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A temporary file of the JVM's temp folder; the OS cleans it.
      }
    }
  }

  /** How many documents (every version) a case holds, of every category. */
  private long countOnCase(long caseId) {
    return em.createQuery(
            "select count(d) from CaseDocument d where d.caseFile.id = :caseId", Long.class)
        .setParameter("caseId", caseId)
        .getSingleResult();
  }
}
