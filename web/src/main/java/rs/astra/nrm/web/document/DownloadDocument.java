package rs.astra.nrm.web.document;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import rs.astra.nrm.consent.AccessDeniedException;
import rs.astra.nrm.document.CaseDocumentService;
import rs.astra.nrm.document.DocumentKeyException;
import rs.astra.nrm.document.UploadChecks;
import rs.astra.nrm.shared.InvalidRequestException;
import rs.astra.nrm.web.security.SignedInUser;

/**
 * Sends one case document version: {@code GET /app/document?id=N} (signed-in users only; {@code
 * /app/*} is protected in web.xml). The service decides and records the READ (issue 17); this
 * servlet only sets the headers and lets the plaintext stream through, segment by segment, so a 25
 * MB file never sits in the heap.
 *
 * <p>Headers: {@code Content-Disposition: attachment} with the exact name in {@code
 * filename*=UTF-8''…} (RFC 6266), the type detected at upload, {@code X-Content-Type-Options:
 * nosniff}, {@code Cache-Control: no-store}: never shown inline, never kept by the browser. A
 * missing document and one the user may not read both answer 404 with the same page, so a
 * document's existence cannot be probed; the refusal is in the audit trail.
 */
@WebServlet(urlPatterns = "/app/document")
public class DownloadDocument extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(DownloadDocument.class.getName());

  @Inject private transient SignedInUser user;
  @Inject private transient CaseDocumentService documents;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // Before any parameter is read, so that the error page's own decoding finds it set.
    request.setCharacterEncoding("UTF-8");
    long id;
    try {
      id = Long.parseLong(String.valueOf(request.getParameter("id")));
    } catch (NumberFormatException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    try {
      documents.download(
          user.viewer(),
          id,
          file -> {
            response.setContentType(file.contentType());
            response.setHeader(
                "Content-Disposition", UploadChecks.contentDisposition(file.fileName()));
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-store");
            response.setContentLengthLong(file.sizeBytes());
            return response.getOutputStream();
          });
    } catch (InvalidRequestException | AccessDeniedException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    } catch (EJBException e) {
      if (!(e.getCause() instanceof DocumentKeyException)) {
        throw e;
      }
      // The contents do not match the master key in force: the administrator must act. No
      // detail of the document in the log beyond its id.
      LOG.severe(() -> "document " + id + " could not be decrypted with the current master key");
      if (!response.isCommitted()) {
        response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      }
    }
  }
}
