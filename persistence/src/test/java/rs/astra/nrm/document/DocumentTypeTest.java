package rs.astra.nrm.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import rs.astra.nrm.casefile.DataCategory;

/** The default data category of each document type, as issue 17 ("What to build" 1) names it. */
class DocumentTypeTest {

  @Test
  void theIssuesMappingOfTypeToCategory() {
    assertEquals(DataCategory.IDENTITY, DocumentType.IDENTITY_DOCUMENT.defaultCategory());
    assertEquals(DataCategory.HEALTH, DocumentType.MEDICAL_RECORD.defaultCategory());
    assertEquals(DataCategory.LEGAL_PROCEEDINGS, DocumentType.POLICE_RECORD.defaultCategory());
    assertEquals(DataCategory.LEGAL_PROCEEDINGS, DocumentType.COURT_DOCUMENT.defaultCategory());
    assertEquals(DataCategory.SOCIAL, DocumentType.SOCIAL_ASSESSMENT.defaultCategory());
    assertEquals(DataCategory.EXPLOITATION, DocumentType.RECRUITMENT_EVIDENCE.defaultCategory());
    assertEquals(DataCategory.IDENTITY, DocumentType.PHOTO.defaultCategory());
  }

  @Test
  void noDocumentIsFiledUnderTheNonPersonalSummary() {
    for (DocumentType t : DocumentType.values()) {
      assertNotEquals(DataCategory.CASE_SUMMARY, t.defaultCategory(), t.name());
    }
  }
}
