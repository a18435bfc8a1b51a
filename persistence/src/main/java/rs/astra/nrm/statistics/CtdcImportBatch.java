package rs.astra.nrm.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.PortalUser;

/**
 * One imported CTDC file: who imported it for which organisation, and when. Never changed after the
 * import (no version).
 */
@Entity
@Table(name = "ctdc_import_batch")
public class CtdcImportBatch {

  @Id
  @SequenceGenerator(
      name = "ctdc_import_batch_seq",
      sequenceName = "ctdc_import_batch_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ctdc_import_batch_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
  private Organisation organisation;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "imported_by_id", nullable = false, updatable = false)
  private PortalUser importedBy;

  @Column(name = "imported_at", nullable = false, updatable = false)
  private Instant importedAt;

  @Column(name = "file_name", length = 255, updatable = false)
  private String fileName;

  @Column(name = "record_count", nullable = false, updatable = false)
  private int recordCount;

  /** For JPA only. */
  protected CtdcImportBatch() {}

  /**
   * Records an import.
   *
   * @param importedBy the user; her organisation becomes the batch's organisation
   * @param importedAt when (UTC)
   * @param fileName the uploaded file's name, cut to 255 characters, may be {@code null}
   * @param recordCount how many records it holds
   */
  public CtdcImportBatch(
      PortalUser importedBy, Instant importedAt, String fileName, int recordCount) {
    this.importedBy = Objects.requireNonNull(importedBy, "importedBy");
    this.organisation = importedBy.getOrganisation();
    this.importedAt = Objects.requireNonNull(importedAt, "importedAt");
    this.fileName =
        fileName == null ? null : fileName.substring(0, Math.min(255, fileName.length()));
    this.recordCount = recordCount;
  }

  /**
   * @return the id
   */
  public Long getId() {
    return id;
  }

  /**
   * @return the organisation the records were imported for
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
   * @return the file name, or {@code null}
   */
  public String getFileName() {
    return fileName;
  }

  /**
   * @return the number of records
   */
  public int getRecordCount() {
    return recordCount;
  }
}
