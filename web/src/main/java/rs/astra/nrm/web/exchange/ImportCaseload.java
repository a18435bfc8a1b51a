package rs.astra.nrm.web.exchange;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import rs.astra.nrm.exchange.HtcdsImportException;
import rs.astra.nrm.exchange.HtcdsImportService;
import rs.astra.nrm.web.i18n.Messages;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * Upload of an HTCDS spreadsheet by an NGO coordinator or administrator: shows how many cases were
 * imported, or every row-numbered error when the file was rejected (then nothing was stored).
 */
@Named
@ViewScoped
public class ImportCaseload implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ImportCaseload.class.getName());

  @Inject private HtcdsImportService importer;
  @Inject private SignedInUser user;
  @Inject private Messages messages;

  private List<ErrorRow> errors = List.of();

  /**
   * One error for the table of errors.
   *
   * @param row spreadsheet row number (0 for the whole file)
   * @param column HTCDS field name
   * @param problem the message in the user's language
   * @param value the offending cell text, may be {@code null}
   */
  public record ErrorRow(int row, String column, String problem, String value)
      implements Serializable {}

  /**
   * Handles the uploaded file.
   *
   * @param event PrimeFaces' upload event
   */
  public void upload(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    errors = List.of();
    FacesContext faces = FacesContext.getCurrentInstance();
    try (InputStream in = file.getInputStream()) {
      HtcdsImportService.ImportOutcome outcome =
          importer.importCaseload(user.viewer(), in, file.getFileName());
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              messages.get("import.success", outcome.cases(), outcome.referrals()),
              null));
    } catch (HtcdsImportException e) {
      errors =
          e.errors().stream()
              .map(
                  err ->
                      new ErrorRow(
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
      // The file's contents never go to the log; the exception class is enough to find the cause.
      LOG.log(Level.WARNING, "HTCDS upload failed: {0}", e.getClass().getName());
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR, messages.get("import.error.unreadableFile"), null));
    }
  }

  /**
   * @return the errors of the last rejected file, empty otherwise
   */
  public List<ErrorRow> getErrors() {
    return errors;
  }
}
