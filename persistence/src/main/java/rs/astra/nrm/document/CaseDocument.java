package rs.astra.nrm.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.consent.Consent;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;

/**
 * One version of a document on a case (issue 17): its metadata, never its contents. The contents
 * are stored encrypted in {@code case_document_content} (segments of AES-256-GCM ciphertext under a
 * random per-document key); {@link #getWrappedKey()} is that key wrapped by the master key named by
 * {@link #getKeyId()} (GDPR Art. 32: encryption of personal data at rest).
 *
 * <p>A corrected document is a new row whose {@link #getPreviousVersion()} is the version it
 * corrects; earlier versions stay. What is fixed at upload (case, uploader, file, digest) never
 * changes; the title, type and category may be changed by the owner, and the wrapped key by a
 * re-wrap with a new master key — all under optimistic locking ({@link #getVersion()}).
 */
@Entity
@Table(name = "case_document")
public class CaseDocument {

  /** The longest title kept, in characters (column {@code title}). */
  public static final int TITLE_MAX = 300;

  /** The longest original file name kept, in characters (column {@code original_file_name}). */
  public static final int FILE_NAME_MAX = 500;

  @Id
  @SequenceGenerator(
      name = "case_document_seq",
      sequenceName = "case_document_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_document_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "case_file_id", nullable = false, updatable = false)
  private CaseFile caseFile;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "previous_version_id", updatable = false)
  private CaseDocument previousVersion;

  @Column(nullable = false, length = TITLE_MAX)
  private String title;

  @Enumerated(EnumType.STRING)
  @Column(name = "document_type", nullable = false, length = 40)
  private DocumentType type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private DataCategory category;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "uploaded_by", nullable = false, updatable = false)
  private PortalUser uploadedBy;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "uploader_organisation_id", nullable = false, updatable = false)
  private Organisation uploaderOrganisation;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  @Column(name = "original_file_name", nullable = false, length = FILE_NAME_MAX, updatable = false)
  private String originalFileName;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Column(name = "content_type", nullable = false, length = 100, updatable = false)
  private String contentType;

  @Column(nullable = false, length = 64, updatable = false)
  private String sha256;

  @Column(name = "wrapped_key", nullable = false, length = 200)
  private String wrappedKey;

  @Column(name = "key_id", nullable = false, length = 64)
  private String keyId;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "consent_id")
  private Consent consent;

  /** For JPA only. */
  protected CaseDocument() {}

  /**
   * A new document version as it is stored at upload.
   *
   * @param caseFile the case it belongs to; not {@code null}
   * @param previousVersion the version it corrects, or {@code null} for a first version
   * @param title the title shown in the list, at most {@link #TITLE_MAX} characters; not blank
   * @param type its type; its {@link DocumentType#defaultCategory()} becomes the category
   * @param uploadedBy the uploading user; not {@code null}
   * @param uploaderOrganisation the user's organisation at upload; not {@code null}
   * @param uploadedAt when (UTC instant); not {@code null}
   * @param file what the checks found in the file: exact original name, size in bytes, detected
   *     content type and SHA-256 digest (64 lower-case hex digits) of the stored plaintext
   * @param wrappedKey the per-document key wrapped by the master key (base64)
   * @param keyId the identifier of the master key that wrapped it
   * @throws NullPointerException if a required argument is {@code null}
   * @throws IllegalArgumentException if the title is blank or too long, or the name too long
   */
  public CaseDocument(
      CaseFile caseFile,
      CaseDocument previousVersion,
      String title,
      DocumentType type,
      PortalUser uploadedBy,
      Organisation uploaderOrganisation,
      Instant uploadedAt,
      StoredFile file,
      String wrappedKey,
      String keyId) {
    this.caseFile = Objects.requireNonNull(caseFile, "caseFile");
    this.previousVersion = previousVersion;
    setTitle(title);
    this.type = Objects.requireNonNull(type, "type");
    this.category = type.defaultCategory();
    this.uploadedBy = Objects.requireNonNull(uploadedBy, "uploadedBy");
    this.uploaderOrganisation =
        Objects.requireNonNull(uploaderOrganisation, "uploaderOrganisation");
    this.uploadedAt = Objects.requireNonNull(uploadedAt, "uploadedAt");
    Objects.requireNonNull(file, "file");
    if (file.originalFileName().length() > FILE_NAME_MAX) {
      throw new IllegalArgumentException("file name longer than " + FILE_NAME_MAX);
    }
    this.originalFileName = file.originalFileName();
    this.sizeBytes = file.sizeBytes();
    this.contentType = file.contentType();
    this.sha256 = file.sha256();
    rewrap(wrappedKey, keyId);
  }

  /**
   * What is known about a stored file once it passed the checks (issue 17, items 1, 4 and 5).
   *
   * @param originalFileName the name exactly as uploaded (any Unicode); not blank
   * @param sizeBytes the stored plaintext size in bytes; positive
   * @param contentType the media type detected from the bytes, e.g. {@code application/pdf}
   * @param sha256 SHA-256 of the stored plaintext, 64 lower-case hex digits
   */
  public record StoredFile(
      String originalFileName, long sizeBytes, String contentType, String sha256) {
    /**
     * Checks the values.
     *
     * @throws NullPointerException if a value is {@code null}
     * @throws IllegalArgumentException if the name is blank, the size not positive or the digest
     *     not 64 lower-case hex digits
     */
    public StoredFile {
      Objects.requireNonNull(originalFileName, "originalFileName");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(sha256, "sha256");
      if (originalFileName.isBlank()) {
        throw new IllegalArgumentException("blank file name");
      }
      if (sizeBytes <= 0) {
        throw new IllegalArgumentException("size must be positive");
      }
      if (!sha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("not a SHA-256 hex digest");
      }
    }
  }

  /**
   * The database id.
   *
   * @return the id, {@code null} before the first flush
   */
  public Long getId() {
    return id;
  }

  /**
   * The optimistic-lock version of this row (not the document's version chain).
   *
   * @return the JPA version counter
   */
  public long getVersion() {
    return version;
  }

  /**
   * The case the document belongs to.
   *
   * @return the case, never {@code null}
   */
  public CaseFile getCaseFile() {
    return caseFile;
  }

  /**
   * The version this one corrects.
   *
   * @return the previous version, or {@code null} for a first version
   */
  public CaseDocument getPreviousVersion() {
    return previousVersion;
  }

  /**
   * The title shown in the list (only to users who may read the category; issue 17 item 2).
   *
   * @return the title, never blank
   */
  public String getTitle() {
    return title;
  }

  /**
   * Changes the title (the owner's correction).
   *
   * @param title the new title, at most {@link #TITLE_MAX} characters
   * @throws IllegalArgumentException if blank or too long
   */
  public void setTitle(String title) {
    Objects.requireNonNull(title, "title");
    if (title.isBlank() || title.length() > TITLE_MAX) {
      throw new IllegalArgumentException("title must be 1.." + TITLE_MAX + " characters");
    }
    this.title = title;
  }

  /**
   * The document's type.
   *
   * @return the type, never {@code null}
   */
  public DocumentType getType() {
    return type;
  }

  /**
   * The data category every read of this document is decided on.
   *
   * @return the category, never {@code null}
   */
  public DataCategory getCategory() {
    return category;
  }

  /**
   * Files the document under another category (the owner's change, issue 17 item 1). Who may do so
   * is decided by the service, not here.
   *
   * @param category the new category; not {@code null} and not {@link DataCategory#CASE_SUMMARY} (a
   *     document is personal data)
   * @throws IllegalArgumentException for CASE_SUMMARY
   */
  public void changeCategory(DataCategory category) {
    Objects.requireNonNull(category, "category");
    if (!category.isPersonal()) {
      throw new IllegalArgumentException("a document is personal data");
    }
    this.category = category;
  }

  /**
   * The uploading user.
   *
   * @return the user, never {@code null}
   */
  public PortalUser getUploadedBy() {
    return uploadedBy;
  }

  /**
   * The uploader's organisation at upload (the own-records rule reads it).
   *
   * @return the organisation, never {@code null}
   */
  public Organisation getUploaderOrganisation() {
    return uploaderOrganisation;
  }

  /**
   * When it was uploaded.
   *
   * @return the instant (UTC)
   */
  public Instant getUploadedAt() {
    return uploadedAt;
  }

  /**
   * The file name exactly as uploaded (issue 17 item 5).
   *
   * @return the name, any Unicode
   */
  public String getOriginalFileName() {
    return originalFileName;
  }

  /**
   * The size of the stored plaintext.
   *
   * @return bytes, positive
   */
  public long getSizeBytes() {
    return sizeBytes;
  }

  /**
   * The media type detected from the bytes at upload (never the browser's header).
   *
   * @return e.g. {@code application/pdf}
   */
  public String getContentType() {
    return contentType;
  }

  /**
   * SHA-256 of the stored plaintext.
   *
   * @return 64 lower-case hex digits
   */
  public String getSha256() {
    return sha256;
  }

  /**
   * The per-document content key wrapped by the master key.
   *
   * @return base64 text
   */
  public String getWrappedKey() {
    return wrappedKey;
  }

  /**
   * The identifier of the master key that wrapped {@link #getWrappedKey()}.
   *
   * @return the key id
   */
  public String getKeyId() {
    return keyId;
  }

  /**
   * Replaces the wrapped key after re-wrapping it with a new master key (key rotation).
   *
   * @param wrappedKey the key wrapped by the new master key (base64, at most 200 characters)
   * @param keyId the new master key's identifier (at most 64 characters)
   * @throws IllegalArgumentException if a value is blank or too long
   */
  public void rewrap(String wrappedKey, String keyId) {
    Objects.requireNonNull(wrappedKey, "wrappedKey");
    Objects.requireNonNull(keyId, "keyId");
    if (wrappedKey.isBlank()
        || wrappedKey.length() > 200
        || keyId.isBlank()
        || keyId.length() > 64) {
      throw new IllegalArgumentException("wrapped key or key id out of bounds");
    }
    this.wrappedKey = wrappedKey;
    this.keyId = keyId;
  }

  /**
   * The consent record this document is the signed form of.
   *
   * @return the consent, or {@code null} if the document is not a consent form attached to one
   */
  public Consent getConsent() {
    return consent;
  }

  /**
   * Attaches this document, a signed consent form, to its consent record (shown with it).
   *
   * @param consent the consent; must belong to the same case (checked by the service)
   * @throws IllegalStateException if the document is not of type {@link DocumentType#CONSENT_FORM}
   */
  public void attachToConsent(Consent consent) {
    if (type != DocumentType.CONSENT_FORM) {
      throw new IllegalStateException("only a consent form is attached to a consent");
    }
    this.consent = Objects.requireNonNull(consent, "consent");
  }
}
