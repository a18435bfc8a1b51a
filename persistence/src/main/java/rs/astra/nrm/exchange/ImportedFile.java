package rs.astra.nrm.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;

/**
 * One imported HTCDS file, known by the SHA-256 digest of its bytes (issue 19): who imported it for
 * which organisation, and when. The file itself is not kept. Never changed after the import.
 */
@Entity
@Table(name = "imported_file")
@NamedQuery(
    name = ImportedFile.FIRST_IMPORT,
    query =
        "select f.importedAt from ImportedFile f where f.organisation.id = :organisation"
            + " and f.sha256 = :sha256")
public class ImportedFile {

  /** When the organisation imported the file with digest {@code :sha256}, if it did. */
  public static final String FIRST_IMPORT = "ImportedFile.firstImport";

  @Id
  @SequenceGenerator(
      name = "imported_file_seq",
      sequenceName = "imported_file_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "imported_file_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
  private Organisation organisation;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "imported_by_id", nullable = false, updatable = false)
  private PortalUser importedBy;

  @Column(name = "imported_at", nullable = false, updatable = false)
  private Instant importedAt;

  @Column(name = "sha256", length = 64, nullable = false, updatable = false)
  private String sha256;

  @Column(name = "case_count", nullable = false, updatable = false)
  private int caseCount;

  /** For JPA only. */
  protected ImportedFile() {}

  /**
   * Records an import.
   *
   * @param importedBy the user; her organisation becomes the file's organisation
   * @param importedAt when (UTC)
   * @param sha256 the SHA-256 digest of the file's bytes, 32 bytes
   * @param caseCount how many cases were created from it
   */
  public ImportedFile(PortalUser importedBy, Instant importedAt, byte[] sha256, int caseCount) {
    this.importedBy = Objects.requireNonNull(importedBy, "importedBy");
    this.organisation = importedBy.getOrganisation();
    this.importedAt = Objects.requireNonNull(importedAt, "importedAt");
    if (sha256.length != 32) {
      throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
    }
    this.sha256 = hex(sha256);
    this.caseCount = caseCount;
  }

  /**
   * The digest as stored and as {@link #FIRST_IMPORT} takes it.
   *
   * @param sha256 the digest's bytes
   * @return lower-case hexadecimal
   */
  public static String hex(byte[] sha256) {
    return HexFormat.of().formatHex(sha256);
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the organisation the file was imported for
   */
  public Organisation getOrganisation() {
    return organisation;
  }

  /**
   * @return when (UTC)
   */
  public Instant getImportedAt() {
    return importedAt;
  }

  /**
   * @return the digest, lower-case hexadecimal
   */
  public String getSha256() {
    return sha256;
  }

  /**
   * @return the number of cases created
   */
  public int getCaseCount() {
    return caseCount;
  }
}
