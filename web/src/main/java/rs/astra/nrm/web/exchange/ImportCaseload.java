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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import rs.astra.nrm.casefile.CaseFileService;
import rs.astra.nrm.exchange.HtcdsFileAlreadyImportedException;
import rs.astra.nrm.exchange.HtcdsImportException;
import rs.astra.nrm.exchange.HtcdsImportProblem;
import rs.astra.nrm.exchange.HtcdsImportService;
import rs.astra.nrm.web.i18n.Messages;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * Upload of an HTCDS spreadsheet by an NGO coordinator or administrator: shows how many cases were
 * imported, or every row-numbered error when the file was rejected (then nothing was stored), or
 * the day a file with the same bytes was imported, or the rows whose persons already have a case of
 * the organisation (row number and case code) with the choice to skip them or import them as new.
 */
@Named
@ViewScoped
public class ImportCaseload implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ImportCaseload.class.getName());

  @Inject private HtcdsImportService importer;
  @Inject private SignedInUser user;
  @Inject private Messages messages;
  @Inject private rs.astra.nrm.exchange.WaitingImports waitingFiles;

  private List<ErrorRow> errors = List.of();
  private List<CaseFileService.KnownPerson> knownPersons = List.of();

  /**
   * The id under which the uploaded file waits in the database while the user chooses what to do
   * with rows of known persons ({@link rs.astra.nrm.exchange.WaitingImports}): the view state in
   * the session holds this id, never the file (issue 20: small sessions).
   */
  private String waiting;

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
   * Handles the uploaded file: imports it unless rows name persons who already have a case of the
   * organisation; then nothing is stored yet, those rows are listed and the file waits in the
   * database, its id in this view, for the user's choice ({@link #skipKnown}, {@link
   * #importKnownAsNew}, {@link #cancel}).
   *
   * @param event PrimeFaces' upload event
   */
  public void upload(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    waitingFiles.discard(user.viewer(), waiting);
    clear();
    try (InputStream in = file.getInputStream()) {
      byte[] bytes = in.readAllBytes();
      if (run(bytes, file.getFileName(), HtcdsImportService.KnownPersons.ASK)) {
        waiting = waitingFiles.keep(user.viewer(), file.getFileName(), bytes);
      }
    } catch (IOException | RuntimeException e) {
      unreadable(e);
    }
  }

  /** Imports the waiting file without the rows of known persons. */
  public void skipKnown() {
    decide(HtcdsImportService.KnownPersons.SKIP);
  }

  /** Imports the waiting file whole, the rows of known persons as new cases too. */
  public void importKnownAsNew() {
    decide(HtcdsImportService.KnownPersons.IMPORT_AS_NEW);
  }

  /** Forgets the waiting file; nothing is imported. */
  public void cancel() {
    waitingFiles.discard(user.viewer(), waiting);
    clear();
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_INFO, messages.get("import.known.cancelled"), null));
  }

  private void decide(HtcdsImportService.KnownPersons choice) {
    String id = waiting;
    clear();
    if (id == null) {
      // A second click on a choice (or one in a stale tab) after the file was taken: nothing is
      // imported twice, and the user is told so.
      FacesContext.getCurrentInstance()
          .addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_WARN, messages.get("import.known.alreadyTaken"), null));
      return;
    }
    var file = waitingFiles.take(user.viewer(), id);
    if (file.isEmpty()) {
      // Kept for an hour at most (or taken already in another tab): upload it again.
      FacesContext.getCurrentInstance()
          .addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_WARN, messages.get("import.known.expired"), null));
      return;
    }
    try {
      run(file.get().content(), file.get().fileName(), choice);
    } catch (RuntimeException e) {
      unreadable(e);
    }
  }

  private void clear() {
    errors = List.of();
    knownPersons = List.of();
    waiting = null;
  }

  /**
   * Imports and reports.
   *
   * @return whether the import waits for the user's choice about known persons
   */
  private boolean run(byte[] bytes, String fileName, HtcdsImportService.KnownPersons choice) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      HtcdsImportService.ImportOutcome outcome =
          importer.importCaseload(user.viewer(), new ByteArrayInputStream(bytes), fileName, choice);
      if (outcome.awaitsChoice()) {
        knownPersons = outcome.knownPersons();
        faces.addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_WARN,
                messages.get("import.known.found", knownPersons.size()),
                null));
        return true;
      }
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              outcome.skipped() > 0
                  ? messages.get(
                      "import.known.skipped",
                      outcome.cases(),
                      outcome.referrals(),
                      outcome.skipped())
                  : messages.get("import.success", outcome.cases(), outcome.referrals()),
              null));
    } catch (HtcdsFileAlreadyImportedException e) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              messages.get(
                  HtcdsImportProblem.ALREADY_IMPORTED.messageKey(),
                  e.importedOn().format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))),
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
    }
    return false;
  }

  private void unreadable(Exception e) {
    // The file's contents never go to the log; the exception class is enough to find the cause.
    LOG.log(Level.WARNING, "HTCDS upload failed: {0}", e.getClass().getName());
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR, messages.get("import.error.unreadableFile"), null));
  }

  /**
   * @return the rows of known persons of the waiting file (row number and case code), empty when no
   *     file waits
   */
  public List<CaseFileService.KnownPerson> getKnownPersons() {
    return knownPersons;
  }

  /**
   * @return whether a file waits for the choice about known persons
   */
  public boolean isAwaitingChoice() {
    return waiting != null;
  }

  /**
   * @return the errors of the last rejected file, empty otherwise
   */
  public List<ErrorRow> getErrors() {
    return errors;
  }
}
