package rs.astra.nrm.demo;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.exchange.HtcdsImportException;
import rs.astra.nrm.exchange.HtcdsImportService;
import rs.astra.nrm.organisation.UserDirectory;
import rs.astra.nrm.organisation.Viewer;

/**
 * Imports the bundled sample HTCDS caseload (48 fictional cases in IOM's unchanged HTCDS 2.0
 * template, CC BY 4.0) as ASTRA's cases, through the same import as a coordinator's upload.
 */
@Stateless
public class DemoCaseloadLoader {

  /** Class-path location of the sample caseload. */
  public static final String SAMPLE = "/rs/astra/nrm/exchange/htcds-caseload-sample.xlsx";

  @PersistenceContext(unitName = "nrm")
  private EntityManager em;

  @Inject private HtcdsImportService importer;
  @Inject private UserDirectory directory;
  @Inject private DemoSupportPlans supportPlans;

  /**
   * Imports the sample caseload when the database has no case yet, as the demo coordinator, and
   * gives a few of its cases a support plan ({@link DemoSupportPlans}).
   *
   * @return the number of cases imported; 0 when cases already existed
   * @throws IllegalStateException if the bundled sample is missing or rejected (a build defect)
   */
  public int loadSampleCaseloadIfEmpty() {
    long existing = em.createNamedQuery(CaseFile.COUNT_ALL, Long.class).getSingleResult();
    if (existing > 0) {
      return 0;
    }
    Viewer coordinator =
        directory
            .viewerFor("ngo.coordinator")
            .orElseThrow(() -> new IllegalStateException("demo coordinator missing"));
    try (InputStream in = DemoCaseloadLoader.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException("sample caseload missing from the build: " + SAMPLE);
      }
      int imported = importer.importCaseload(coordinator, in, "htcds-caseload-sample.xlsx").cases();
      supportPlans.add(coordinator);
      return imported;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (HtcdsImportException e) {
      throw new IllegalStateException("sample caseload rejected: " + e.getMessage(), e);
    }
  }
}
