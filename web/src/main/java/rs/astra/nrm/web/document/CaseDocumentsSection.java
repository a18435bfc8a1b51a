package rs.astra.nrm.web.document;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.document.CaseDocumentService;
import rs.astra.nrm.document.CaseDocuments;
import rs.astra.nrm.document.DocumentRefusedException;
import rs.astra.nrm.document.DocumentRow;
import rs.astra.nrm.document.DocumentType;
import rs.astra.nrm.document.NewDocumentForm;
import rs.astra.nrm.web.casefile.ShowCase;
import rs.astra.nrm.web.i18n.Messages;
import rs.astra.nrm.web.security.SignedInUser;
import rs.astra.nrm.web.shared.UserFeedback;

/**
 * The Documents section of the case page (issue 17, item 6): the documents the user may read by
 * category, how many others exist ("N documents in categories not shared with you"), the upload
 * form for those who may upload, the owner's change of a document's category, and the signed
 * consent forms shown on their consents. What is shown is decided by the policy in {@link
 * CaseDocumentService}; this bean holds only rows (no entity) and the form.
 */
@Named
@ViewScoped
public class CaseDocumentsSection implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CaseDocumentService service;
  @Inject private ShowCase page;
  @Inject private SignedInUser user;
  @Inject private UserFeedback feedback;
  @Inject private Messages messages;

  private CaseDocuments section;

  /** The page's load that the section was read for: read again after any reload. */
  private ShowCase.Loaded readFor;

  private String title;
  private DocumentType type;
  private Long consentId;
  private Long correctsId;
  private transient Part file;
  private final Map<Long, String> newCategories = new HashMap<>();

  /**
   * @return the section for the case shown, loaded once per case (and again after a change)
   */
  public CaseDocuments getSection() {
    ShowCase.Loaded shown = page.getLoaded();
    if (shown == null) {
      return null;
    }
    if (!shown.equals(readFor)) {
      section = service.documents(user.viewer(), shown.caseId());
      readFor = shown;
    }
    return section;
  }

  /**
   * @return whether the user may upload to any category of this case
   */
  public boolean isMayUpload() {
    CaseDocuments s = getSection();
    return s != null && !s.uploadCategories().isEmpty();
  }

  /**
   * @return the document types whose category the user may upload in
   */
  public List<DocumentType> getTypes() {
    CaseDocuments s = getSection();
    if (s == null) {
      return List.of();
    }
    return Arrays.stream(DocumentType.values())
        .filter(t -> s.uploadCategories().contains(t.defaultCategory()))
        .toList();
  }

  /**
   * @return the documents the user's organisation may correct (its own uploads, or all for the
   *     owner), current versions only
   */
  public List<DocumentRow> getCorrectable() {
    CaseDocuments s = getSection();
    if (s == null) {
      return List.of();
    }
    boolean owner = page.getCase() != null && page.getCase().owned();
    List<DocumentRow> rows = new ArrayList<>();
    for (DocumentRow d : s.documents()) {
      if ((owner || d.ownOrganisation()) && s.uploadCategories().contains(d.category())) {
        rows.add(d);
      }
    }
    return rows;
  }

  /**
   * @param consentId a consent of the case
   * @return the signed consent forms attached to it that the user may read
   */
  public List<DocumentRow> consentForms(Long consentId) {
    CaseDocuments s = getSection();
    if (s == null || consentId == null) {
      return List.of();
    }
    return s.documents().stream().filter(d -> consentId.equals(d.consentId())).toList();
  }

  /**
   * @return the personal categories the owner may file a document under
   */
  public List<DataCategory> getCategories() {
    return Arrays.stream(DataCategory.values()).filter(DataCategory::isPersonal).toList();
  }

  /**
   * @return "N documents in categories not shared with you", or {@code null} when there are none
   */
  public String getHiddenText() {
    CaseDocuments s = getSection();
    return s == null || s.hidden() == 0 ? null : messages.get("document.hidden", s.hidden());
  }

  /**
   * @param size bytes
   * @return the size for people: "512 B", "1.2 MB" (decimal units)
   */
  public String size(long size) {
    if (size < 1000) {
      return size + " B";
    }
    if (size < 1_000_000) {
      return messages.get("document.sizeKb", Math.round(size / 100.0) / 10.0);
    }
    return messages.get("document.sizeMb", Math.round(size / 100_000.0) / 10.0);
  }

  /** Uploads the form's file; on success the form is emptied and the section reloaded. */
  public void upload() {
    Long caseId = page.getCaseId();
    if (caseId == null) {
      return;
    }
    if (file == null
        || file.getSubmittedFileName() == null
        || file.getSubmittedFileName().isEmpty()) {
      error(messages.get("document.error.noFile"));
      return;
    }
    try (InputStream in = file.getInputStream()) {
      boolean done =
          feedback.run(
              () ->
                  service.upload(
                      user.viewer(),
                      caseId,
                      new NewDocumentForm(title, type, consentId, correctsId),
                      in,
                      file.getSubmittedFileName()),
              "document.uploaded.done");
      if (done) {
        title = null;
        type = null;
        consentId = null;
        correctsId = null;
      }
    } catch (DocumentRefusedException e) {
      error(messages.get(e.messageKey()));
    } catch (IOException e) {
      error(messages.get("error.text"));
    } finally {
      file = null;
      readFor = null;
    }
    page.load();
  }

  /**
   * The owner files a document under the category chosen on its row.
   *
   * @param row the document's row
   */
  public void changeCategory(DocumentRow row) {
    // The menu posts the category's name (a map value has no converter of its own).
    DataCategory category = category(newCategories.get(row.id()));
    if (category != null && category != row.category()) {
      feedback.run(
          () -> service.changeCategory(user.viewer(), row.id(), row.rowVersion(), category),
          "document.categoryChanged");
    }
    readFor = null;
    page.load();
  }

  private static DataCategory category(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return DataCategory.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /**
   * @return the category chosen per document row (owner only)
   */
  public Map<Long, String> getNewCategories() {
    return newCategories;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public DocumentType getType() {
    return type;
  }

  public void setType(DocumentType type) {
    this.type = type;
  }

  public Long getConsentId() {
    return consentId;
  }

  public void setConsentId(Long consentId) {
    this.consentId = consentId;
  }

  public Long getCorrectsId() {
    return correctsId;
  }

  public void setCorrectsId(Long correctsId) {
    this.correctsId = correctsId;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }
}
