package rs.astra.nrm.exchange;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rs.astra.nrm.casefile.CaseFile;
import rs.astra.nrm.casefile.CorrectableField;
import rs.astra.nrm.casefile.DataCategory;
import rs.astra.nrm.casefile.Person;
import rs.astra.nrm.organisation.Organisation;
import rs.astra.nrm.organisation.OrganisationType;
import rs.astra.nrm.organisation.PortalRole;
import rs.astra.nrm.organisation.PortalUser;

/**
 * A rectification (GDPR Art. 16 and 19, issue 21) is decided, shown and told by the category of the
 * corrected field; each correctable HTCDS field must have the category the export (and the case
 * page) gives it, so that the same people may correct it, read its history and are told — and it
 * takes text as long as the HTCDS column, no longer.
 */
class CorrectableFieldCategoryTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

  @Test
  void eachCorrectableHtcdsFieldHasTheCategoryOfTheExport() {
    List<String> matched = new ArrayList<>();
    for (CorrectableField f : CorrectableField.values()) {
      HtcdsField h;
      try {
        h = HtcdsField.valueOf(f.name());
      } catch (IllegalArgumentException notAnHtcdsColumn) {
        continue;
      }
      assertEquals(h.category(), f.category(), f + " (" + h.htcdsName() + ")");
      matched.add(f.name());
    }
    assertTrue(matched.size() >= 20, "HTCDS fields matched: " + matched);
    // The recruiter and the employer are separate per_ records in HTCDS; the portal keeps them on
    // the case as EXPLOITATION (perpetrators).
    assertEquals(DataCategory.EXPLOITATION, CorrectableField.RECRUITER_NAME.category());
    assertEquals(DataCategory.EXPLOITATION, CorrectableField.EMPLOYER_NAME.category());
  }

  @Test
  void aTextFieldOfTheCaseTakesAsManyCharactersAsItsHtcdsColumnAndNoMore() {
    for (CorrectableField f : CorrectableField.values()) {
      if (!f.isOfCase()) {
        continue;
      }
      HtcdsField h;
      try {
        h = HtcdsField.valueOf(f.name());
      } catch (IllegalArgumentException notAnHtcdsColumn) {
        h = HtcdsField.REFERRING_ORGANISATION; // recruiter, employer: 255 like any name
      }
      int max = h.kind().maxLength;
      if (max == 0) {
        continue;
      }
      CaseFile c = caseFile();
      assertDoesNotThrow(() -> c.correct(f, "a".repeat(max), TODAY), f.name());
      assertThrows(
          IllegalArgumentException.class, () -> c.correct(f, "b".repeat(max + 1), TODAY), f.name());
      assertEquals("a".repeat(max), c.valueOf(f), f + ": a refusal changes nothing");
    }
  }

  private static CaseFile caseFile() {
    Organisation ngo = new Organisation("NGO", OrganisationType.NGO, "Beograd");
    PortalUser cw = new PortalUser("cw", "Caseworker", ngo, PortalRole.NGO_CASEWORKER, null);
    return new CaseFile(
        "NRM-2026-K7QX-M4P2", cw, new Person(), TODAY, Instant.parse("2026-12-06T09:00:00Z"));
  }
}
