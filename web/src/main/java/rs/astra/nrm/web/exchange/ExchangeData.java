package rs.astra.nrm.web.exchange;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import rs.astra.nrm.exchange.CtdcImportException;
import rs.astra.nrm.exchange.HtcdsExportService;
import rs.astra.nrm.statistics.CtdcExchangeService;
import rs.astra.nrm.statistics.StatisticsService;
import rs.astra.nrm.web.i18n.Messages;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * Data exchange: the HTCDS export of the cases the user may export (IOM template or CSV; each
 * category as the access policy permits, audited), the import of historical CTDC records, and the
 * anonymised CTDC export of the portal's victims.
 */
@Named
@ViewScoped
public class ExchangeData implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ExchangeData.class.getName());

  @Inject private HtcdsExportService htcds;
  @Inject private CtdcExchangeService ctdc;
  @Inject private SignedInUser user;
  @Inject private Messages messages;

  private List<ImportCaseload.ErrorRow> errors = List.of();

  /**
   * @return the cases as an HTCDS workbook (the IOM template)
   */
  public StreamedContent getHtcdsWorkbook() {
    return htcds(HtcdsExportService.Format.XLSX);
  }

  /**
   * @return the cases as HTCDS CSV
   */
  public StreamedContent getHtcdsCsv() {
    return htcds(HtcdsExportService.Format.CSV);
  }

  private StreamedContent htcds(HtcdsExportService.Format format) {
    HtcdsExportService.ExportFile file = htcds.export(user.viewer(), format);
    return DefaultStreamedContent.builder()
        .name(file.fileName())
        .contentType(file.contentType())
        .contentLength((long) file.content().length)
        .stream(() -> new ByteArrayInputStream(file.content()))
        .build();
  }

  /**
   * @return the portal's victims in the CTDC layout, anonymised
   */
  public StreamedContent getCtdcExport() {
    CtdcExchangeService.ExportFile file = ctdc.export(user.viewer());
    return DefaultStreamedContent.builder()
        .name(file.fileName())
        .contentType("text/csv; charset=UTF-8")
        .contentLength((long) file.content().length)
        .stream(() -> new ByteArrayInputStream(file.content()))
        .build();
  }

  /**
   * Imports an uploaded CTDC file, or lists every row-numbered error (then nothing was stored).
   *
   * @param event PrimeFaces' upload event
   */
  public void uploadCtdc(FileUploadEvent event) {
    errors = List.of();
    FacesContext faces = FacesContext.getCurrentInstance();
    try (InputStream in = event.getFile().getInputStream()) {
      int records = ctdc.importFile(user.viewer(), in, event.getFile().getFileName());
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO, messages.get("ctdc.imported", records), null));
    } catch (CtdcImportException e) {
      errors =
          e.errors().stream()
              .map(
                  err ->
                      new ImportCaseload.ErrorRow(
                          err.rowNumber(),
                          err.column(),
                          messages.get(err.problem().messageKey()),
                          err.value()))
              .toList();
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR, messages.get("import.failed", errors.size()), null));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "CTDC upload failed: {0}", e.getClass().getName());
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR, messages.get("ctdc.error.unreadableFile"), null));
    }
  }

  /**
   * @return the errors of the last rejected CTDC file
   */
  public List<ImportCaseload.ErrorRow> getErrors() {
    return errors;
  }

  /**
   * @return whether the user may import CTDC records (the roles that see all statistics)
   */
  public boolean isMayImportCtdc() {
    return StatisticsService.seesAllOrganisations(user.viewer());
  }

  /**
   * @return whether the user reads case data at all (not administrators and DPOs)
   */
  public boolean isMayExportCases() {
    return !user.viewer().role().readsNoCaseData();
  }
}
